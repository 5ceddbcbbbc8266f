import type { Dateline } from '../model/article';

/** "By Ana", "By Ana and Luis", "By Ana, Luis and Marta"; empty without names. */
export function bylineText(names: readonly string[]): string {
  const people = names.map((name) => name.trim()).filter((name) => name !== '');
  if (people.length === 0) return '';
  if (people.length === 1) return `By ${people[0]}`;
  return `By ${people.slice(0, -1).join(', ')} and ${people[people.length - 1]}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The dateline of an exported story: `MADRID, 28 November 2026`, `MADRID` without a date, the date
 * alone without a place. An export is an archive copy, so the year is kept (the published
 * dateline leaves it out). The date is read as a calendar date, never through a time zone.
 */
export function datelineText(dateline: Dateline): string {
  const place = dateline.place.trim().replace(/\s+/g, ' ').toLocaleUpperCase('en');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateline.date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  const date = match && month ? `${Number(match[3])} ${month} ${match[1]}` : '';
  return [place, date].filter((part) => part !== '').join(', ');
}

/**
 * A correction as the house prints it at the end of the story: "Correction, 28 November 2026: …".
 * The date is the day the correction was made, in the newsroom's calendar (UTC here).
 */
export function correctionText(note: string, at: string): string {
  const day = at.slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  const date = match && month ? `${Number(match[3])} ${month} ${match[1]}` : day;
  return `Correction, ${date}: ${note.trim()}`;
}
