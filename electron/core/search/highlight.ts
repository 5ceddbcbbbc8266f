import { fold, wordsWithOffsets } from './fold';

/** Text with the ranges to highlight, as [start, end) offsets into `text` (UTF-16, as JS slices). */
export interface Marked {
  text: string;
  marks: Array<[start: number, end: number]>;
}

/**
 * Marks every word of `text` whose folded form is one of `terms` (the index's terms that matched,
 * e.g. "avila" marks "Ávila", "trafficking" marks the word a prefix "traff" found). Done here,
 * not in the renderer, because the renderer must not import the core's folding.
 */
export function highlight(text: string, terms: readonly string[]): Marked {
  const wanted = new Set(terms);
  const marks: Marked['marks'] = [];
  for (const { word, start, end } of wordsWithOffsets(text)) if (wanted.has(fold(word))) marks.push([start, end]);
  return { text, marks };
}

/**
 * About `width` characters of `text` around its first matching word, cut at word boundaries,
 * with an ellipsis where it was cut. Undefined when no word matches (the match was elsewhere).
 */
export function snippet(text: string, terms: readonly string[], width = 160): Marked | undefined {
  const wanted = new Set(terms);
  let first: { start: number; end: number } | undefined;
  for (const word of wordsWithOffsets(text)) {
    if (wanted.has(fold(word.word))) {
      first = word;
      break;
    }
  }
  if (first === undefined) return undefined;
  let from = Math.max(0, first.start - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  if (from > 0) from = Math.min(first.start, text.indexOf(' ', from) + 1 || from);
  if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), first.end);
  const lead = from > 0 ? '… ' : '';
  const piece = highlight(text.slice(from, to).replace(/\s+/g, ' '), terms);
  return {
    text: `${lead}${piece.text}${to < text.length ? ' …' : ''}`,
    marks: piece.marks.map(([start, end]) => [start + lead.length, end + lead.length]),
  };
}
