import type { Dateline } from '../../../shared/model/article';

/** Months as agency style abbreviates them: five short names are written out in full. */
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'] as const;

/**
 * The dateline that opens the first paragraph, in agency style: `MADRID, Nov. 28 —` when the
 * story is dated, `MADRID —` when not, and nothing without a place. The place is uppercased the
 * way it is printed; the date (`YYYY-MM-DD`) is read as a calendar date, never through a time
 * zone, so it cannot shift by a day. The year is left out, as agencies do for current news.
 */
export function formatDateline(dateline: Dateline): string {
  const place = dateline.place.trim().replace(/\s+/g, ' ').toLocaleUpperCase('en');
  if (place === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateline.date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (match === null || month === undefined) return `${place} —`;
  return `${place}, ${month} ${Number(match[3])} —`;
}
