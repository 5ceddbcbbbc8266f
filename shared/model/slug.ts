import slugify from 'slugify';

/** Slugs longer than this are cut at a word boundary: CMSs accept more, readers do not. */
export const SLUG_MAX_CHARS = 80;

/**
 * The URL slug for a headline: accents transliterated ("Julian Ávila Polo" gives
 * `julian-avila-polo`), everything else that is not a letter or digit becomes one hyphen.
 * slugify carries the transliteration table (ß, æ, ø, ł ... as well as combining accents).
 */
export function slugFromHeadline(headline: string): string {
  const slug = slugify(headline.normalize('NFC'), { lower: true, strict: true, trim: true, locale: 'en' });
  if (slug.length <= SLUG_MAX_CHARS) return slug;
  const cut = slug.slice(0, SLUG_MAX_CHARS + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, SLUG_MAX_CHARS)).replace(/-+$/, '');
}

/** What a journalist typed into the slug field, made valid the same way. */
export const cleanSlug = slugFromHeadline;
