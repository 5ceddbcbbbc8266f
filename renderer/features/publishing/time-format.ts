/**
 * Times for publishing, in the two clocks a desk reads: the newsroom's (the house profile's IANA
 * zone, so a reporter abroad and the desk agree on "14:00") and the journalist's own. Pure: the
 * local zone is a parameter (defaulting to the system's) so the tests do not depend on the machine.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** The system's zone, e.g. "Europe/Madrid". */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A datetime-local value ("2026-11-28T14:00", in the journalist's zone) as an ISO string with that
 * zone's offset ("2026-11-28T14:00:00+01:00"). Null when the field is empty or not a real time.
 */
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // The Date constructor rolls 31 February over into March: refuse instead of guessing.
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The place a zone is named after: "Europe/London" → "London", "America/Port_of_Spain" → "Port of Spain". */
export function placeOfZone(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}

interface Parts {
  date: string;
  time: string;
}

function partsIn(instant: Date, timeZone: string): Parts {
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return { date, time };
}

/**
 * "28 Nov 2026, 14:00 in London (Europe/London) · 15:00 your time". The local date is repeated only
 * when it is another day there; a UTC newsroom reads "14:00 UTC". Unreadable input comes back as is.
 */
export function formatNewsroomAndLocal(iso: string, newsroomZone: string, localZone: string = systemTimeZone()): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const newsroom = partsIn(instant, newsroomZone);
  const local = partsIn(instant, localZone);
  const where = newsroomZone === 'UTC' || newsroomZone === 'Etc/UTC' ? 'UTC' : `in ${placeOfZone(newsroomZone)} (${newsroomZone})`;
  const yours = local.date === newsroom.date ? local.time : `${local.date}, ${local.time}`;
  return `${newsroom.date}, ${newsroom.time} ${where} · ${yours} your time`;
}

/** A log time in the journalist's zone: "28 Nov 2026, 14:00". */
export function formatLocal(iso: string, localZone: string = systemTimeZone()): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { date, time } = partsIn(instant, localZone);
  return `${date}, ${time}`;
}
