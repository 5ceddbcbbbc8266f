import { describe, expect, it } from 'vitest';
import { formatLocal, formatNewsroomAndLocal, localInputToIso, placeOfZone } from './time-format';

describe('localInputToIso', () => {
  it('keeps the wall time typed and adds the local offset', () => {
    const iso = localInputToIso('2026-11-28T14:00');
    expect(iso).toMatch(/^2026-11-28T14:00:00[+-]\d{2}:\d{2}$/);
    // The same instant as the local wall time the journalist picked.
    expect(Date.parse(iso!)).toBe(new Date(2026, 10, 28, 14, 0).getTime());
  });

  it('refuses empty, malformed and impossible times', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow at two')).toBeNull();
    expect(localInputToIso('2026-02-31T10:00')).toBeNull();
  });
});

describe('formatNewsroomAndLocal', () => {
  const at = '2026-11-28T14:00:00Z';

  it('names the newsroom zone and adds the journalist’s time', () => {
    expect(formatNewsroomAndLocal(at, 'Europe/London', 'Europe/Madrid')).toBe('28 Nov 2026, 14:00 in London (Europe/London) · 15:00 your time');
  });

  it('repeats the date when it is another day for the journalist', () => {
    expect(formatNewsroomAndLocal('2026-11-28T23:30:00Z', 'UTC', 'Asia/Tokyo')).toBe('28 Nov 2026, 23:30 UTC · 29 Nov 2026, 08:30 your time');
  });

  it('leaves an unreadable time as it is', () => {
    expect(formatNewsroomAndLocal('soon', 'UTC', 'UTC')).toBe('soon');
  });

  it('follows summer time in each zone', () => {
    expect(formatNewsroomAndLocal('2026-07-01T12:00:00Z', 'America/New_York', 'Europe/London')).toBe(
      '1 Jul 2026, 08:00 in New York (America/New_York) · 13:00 your time',
    );
  });
});

describe('small helpers', () => {
  it('name the place of a zone and format a local log time', () => {
    expect(placeOfZone('America/Port_of_Spain')).toBe('Port of Spain');
    expect(formatLocal('2026-11-28T14:05:00Z', 'Europe/Berlin')).toBe('28 Nov 2026, 15:05');
  });
});
