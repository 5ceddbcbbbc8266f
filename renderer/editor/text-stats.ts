/**
 * The numbers under the headline: characters, reading time and progress towards the story's
 * length target. Pure, so the header can show them without touching the editor.
 */
export const WORDS_PER_MINUTE = 230;

export interface TextStats {
  words: number;
  characters: number;
}

/** Characters as a reader counts them: spaces included, line breaks not, an emoji is one. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) continue;
    // The low half of a surrogate pair was counted with its high half.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    count += 1;
  }
  return count;
}

/** "3 min read", rounded up: a story with words in it takes at least a minute, an empty one none. */
export function formatReadingTime(words: number): string {
  const minutes = Math.ceil(words / WORDS_PER_MINUTE);
  return `${minutes} min read`;
}

const NUMBER = new Intl.NumberFormat('en-GB');

/** "1 character", "2,310 characters". */
export function formatCharacters(count: number): string {
  return `${NUMBER.format(count)} ${count === 1 ? 'character' : 'characters'}`;
}

/** "312 / 400 words". */
export function formatProgress(words: number, target: number): string {
  return `${NUMBER.format(words)} / ${NUMBER.format(target)} words`;
}

/** A target worth showing: a positive whole number of words. */
export function usableTarget(target: number | null | undefined): number | null {
  return typeof target === 'number' && Number.isFinite(target) && target >= 1 ? Math.round(target) : null;
}
