import slugify from 'slugify';

/** Slugs longer than this are cut at a word boundary: CMSs accept more, readers do not. */
export const SLUG_MAX_CHARS = 80;

/**
 * The URL slug for a headline: accents transliterated ("Julian Ávila Polo" gives
 * `julian-avila-polo`), everything else that is not a letter or digit becomes one hyphen.
 * slugify carries the transliteration table (ß, æ, ø, ł ... as well as combining accents).
 */
export function slugFromHeadline(headline: string): string {
  // Punctuation separates words ("2.5" is not "25", "war/peace" is two words); slugify would glue
  // them. Apostrophes stay (so "don't" gives "dont"), as do the signs slugify spells out.
  const spaced = headline
    .normalize('NFC')
    .replace(/%/g, ' percent ')
    .replace(/[^\p{L}\p{N}\p{M}\s'’&$€£]/gu, ' ');
  const slug = slugify(spaced, { lower: true, strict: true, trim: true, locale: 'en' });
  if (slug.length <= SLUG_MAX_CHARS) return slug;
  const cut = slug.slice(0, SLUG_MAX_CHARS + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, SLUG_MAX_CHARS)).replace(/-+$/, '');
}

/** What a journalist typed into the slug field, made valid the same way. */
export const cleanSlug = slugFromHeadline;
