/**
 * Finding words in a block's text, as pure functions (unit-tested in find-in-text.test.ts). The
 * editor glue (find-in-editor.ts) turns a block into one string, so a match may run across text
 * nodes of different formats ("Ávila **Polo**").
 */
export interface FindOptions {
  /** On: "Avila" finds only "Avila". Off: it also finds "avila", "ÁVILA" and "Ávila". */
  matchCase: boolean;
  /** On: "port" does not find "report" or "ports". */
  wholeWord: boolean;
}

export interface TextRange {
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, where it came from in the original. */
  origin: number[];
}

const MARKS = /\p{M}/gu;

/**
 * Without "Match case", letters are compared without case and accents, as a journalist reading
 * them would ("Ávila" is "avila"), character by character so every folded position still points
 * to where it came from in the text on screen.
 */
function fold(text: string, matchCase: boolean): Folded {
  if (matchCase) return { text, origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const point = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(point);
    const folded = char.normalize('NFD').replace(MARKS, '').toLowerCase();
    for (let k = 0; k < folded.length; k += 1) origin.push(i);
    out += folded;
    i += char.length;
  }
  origin.push(text.length);
  return { text: out, origin };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const point = text.codePointAt(index);
  // A low surrogate is judged with its high half.
  const code = text.charCodeAt(index);
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index - 1) ?? 0));
  return point !== undefined && WORD_CHAR.test(String.fromCodePoint(point));
}

/** Every match of `query` in `text`, left to right, not overlapping; none for an empty query. */
export function findInText(text: string, query: string, options: FindOptions): TextRange[] {
  if (query === '') return [];
  const haystack = fold(text, options.matchCase);
  const needle = fold(query, options.matchCase).text;
  if (needle === '') return [];
  const ranges: TextRange[] = [];
  let from = 0;
  for (;;) {
    const at = haystack.text.indexOf(needle, from);
    if (at < 0) break;
    const start = haystack.origin[at] ?? 0;
    // The end is where the next folded character came from, so a folded "é" (from "e" + mark)
    // takes its accent with it.
    const end = haystack.origin[at + needle.length] ?? text.length;
    const whole = !options.wholeWord || (!isWordAt(text, start - 1) && !isWordAt(text, end));
    if (whole && end > start) {
      ranges.push({ start, end });
      from = at + needle.length;
    } else {
      from = at + 1;
    }
  }
  return ranges;
}

/** "3 of 12", "No matches", or nothing while the field is empty. */
export function describeMatches(current: number, total: number, query: string): string {
  if (query === '') return '';
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total}`;
}

/** The next (or previous) match index, going round at either end. */
export function stepMatch(current: number, total: number, direction: 1 | -1): number {
  if (total === 0) return 0;
  return (current + direction + total) % total;
}
