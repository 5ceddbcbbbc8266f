import type { StoryFields } from '../../../../shared/model/article';
import { slugFromHeadline } from '../../../../shared/model/slug';

/** Headlines and other one-line fields: pasted or typed line breaks become spaces. */
export const oneLine = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * A comma-separated field ("Ana Pérez, Luis Gómez") as the list the article keeps: names trimmed,
 * blanks dropped, and cut to what the article schema allows so a save is never refused for it.
 */
export function parseList(text: string, maxItems: number, maxLength: number): string[] {
  return oneLine(text)
    .split(',')
    .map((item) => [...item.trim()].slice(0, maxLength).join('').trim())
    .filter((item) => item !== '')
    .slice(0, maxItems);
}

export const formatList = (items: readonly string[]): string => items.join(', ');

/** The byline as it is printed: the same words the export and the CMS get. */
export { bylineText as printedByline } from '../../../../shared/editor/story-text';

/** The length the desk asked for, in words; anything but a whole number from 1 to 100,000 is none. */
export function parseTargetWords(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const words = Number(text);
  return words >= 1 && words <= 100_000 ? words : null;
}

/**
 * Applies an edit to the fields. While the slug follows the headline (and the story has never been
 * published), a new headline brings a new slug; once published the URL never moves.
 */
export function applyFieldEdit(fields: StoryFields, patch: Partial<StoryFields>, published: boolean): StoryFields {
  const next = { ...fields, ...patch };
  if (published) return { ...next, slug: fields.slug, slugFollowsHeadline: false };
  if (next.slugFollowsHeadline) next.slug = slugFromHeadline(next.headline);
  return next;
}
