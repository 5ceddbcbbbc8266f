import { describe, expect, it } from 'vitest';
import { formatDateline } from './dateline';

describe('formatDateline', () => {
  it('writes place and date in agency style', () => {
    expect(formatDateline({ place: 'Madrid', date: '2026-11-28' })).toBe('MADRID, Nov. 28 —');
    expect(formatDateline({ place: 'Tirana', date: '2026-09-03' })).toBe('TIRANA, Sept. 3 —');
  });

  it('writes short months in full and drops the leading zero of the day', () => {
    expect(formatDateline({ place: 'Lyon', date: '2026-03-01' })).toBe('LYON, March 1 —');
    expect(formatDateline({ place: 'Lyon', date: '2026-07-09' })).toBe('LYON, July 9 —');
    expect(formatDateline({ place: 'Lyon', date: '2026-01-31' })).toBe('LYON, Jan. 31 —');
  });

  it('keeps the place alone when no date is set', () => {
    expect(formatDateline({ place: 'Madrid', date: '' })).toBe('MADRID —');
  });

  it('uppercases accented places and tidies their spaces', () => {
    expect(formatDateline({ place: '  São   Paulo ', date: '' })).toBe('SÃO PAULO —');
    expect(formatDateline({ place: 'Ávila', date: '2026-12-25' })).toBe('ÁVILA, Dec. 25 —');
  });

  it('writes nothing without a place, even with a date', () => {
    expect(formatDateline({ place: '', date: '2026-11-28' })).toBe('');
    expect(formatDateline({ place: '   ', date: '' })).toBe('');
  });

  it('does not move the day with the time zone of the machine', () => {
    // A Date built from "2026-11-28" is midnight UTC: in New York it would print Nov. 27.
    expect(formatDateline({ place: 'New York', date: '2026-11-28' })).toBe('NEW YORK, Nov. 28 —');
  });
});
