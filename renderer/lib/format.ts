/**
 * Plain-words formatting shared by the screens. Times are local and 24-hour ("10:42"); dates are
 * written out ("12 March 2025") so no reader has to guess between day-month and month-day.
 */
const pad = (n: number): string => String(n).padStart(2, '0');

export function formatClock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export function formatLongDate(date: Date): string {
  return LONG_DATE.format(date);
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function isYesterday(date: Date, now: Date): boolean {
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return sameDay(date, yesterday);
}

/** "Saved today 10:42", "Saved yesterday 18:05", or "Saved 12 March 2025". */
export function formatSavedWhen(date: Date, now: Date = new Date()): string {
  if (Number.isNaN(date.getTime())) return 'Saved';
  if (sameDay(date, now)) return `Saved today ${formatClock(date)}`;
  if (isYesterday(date, now)) return `Saved yesterday ${formatClock(date)}`;
  return `Saved ${formatLongDate(date)}`;
}

const NUMBER = new Intl.NumberFormat('en-GB');

/** "1 word", "412 words", "1,204 words". */
export function formatWordCount(count: number): string {
  return `${NUMBER.format(count)} ${count === 1 ? 'word' : 'words'}`;
}

/**
 * Messages from the main side are whole sentences ("The disk is full. …"); after a prefix such as
 * "Not saved: " the first word reads better in lower case. Only a plain capitalised word is
 * lowered, so names like "WordPress" or codes like "HTTP" keep their spelling.
 */
export function lowerFirstWord(message: string): string {
  return message.replace(/^([A-Z])([a-z]+)(?=[\s,.:;!?]|$)/, (_m, first: string, rest: string) => first.toLowerCase() + rest);
}

/** Ends a sentence exactly once, whether or not the message already carries a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
