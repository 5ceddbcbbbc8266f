import { describe, expect, it } from 'vitest';
import { SlugSchema } from './article';
import { cleanSlug, SLUG_MAX_CHARS, slugFromHeadline } from './slug';

describe('slugFromHeadline', () => {
  it('transliterates accents and joins words with single hyphens', () => {
    expect(slugFromHeadline('Julian Ávila Polo')).toBe('julian-avila-polo');
    expect(slugFromHeadline('  Crème   brûlée — à la carte!  ')).toBe('creme-brulee-a-la-carte');
  });

  it('writes letters without a decomposition as readers spell them', () => {
    expect(slugFromHeadline('Straße')).toBe('strasse');
    expect(slugFromHeadline('Æble og Øl')).toBe('aeble-og-ol');
    expect(slugFromHeadline('Łódź')).toBe('lodz');
    expect(slugFromHeadline("Don't panic: Rock & Roll")).toBe('dont-panic-rock-and-roll');
  });

  it('reads a decomposed accent (NFD) like the composed one', () => {
    expect(slugFromHeadline('A\u0301vila')).toBe('avila');
  });

  it('drops emoji and punctuation without leaving stray hyphens', () => {
    expect(slugFromHeadline('🔥 Fire at the docks 🚒!')).toBe('fire-at-the-docks');
    expect(slugFromHeadline('Rates: up 2.5% (again)')).toBe('rates-up-2-5-percent-again');
  });

  it('cuts a long headline at a word, never mid-word, within the limit', () => {
    const headline = 'The council approves the largest budget in its history after a night of negotiations over housing and transport';
    const slug = slugFromHeadline(headline);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_CHARS);
    expect(slug.endsWith('-')).toBe(false);
    // Every word kept is whole: the slug is a prefix of the headline's word list.
    const words = slug.split('-');
    expect(words.length).toBeGreaterThan(5);
    expect(words).toEqual(headline.toLowerCase().split(/\s+/).slice(0, words.length));
  });

  it('cuts one very long word at the limit', () => {
    expect(slugFromHeadline('a'.repeat(200))).toBe('a'.repeat(SLUG_MAX_CHARS));
  });

  it('gives an empty slug for an empty or symbol-only headline', () => {
    expect(slugFromHeadline('')).toBe('');
    expect(slugFromHeadline('   ')).toBe('');
    expect(slugFromHeadline('🙂 !!!')).toBe('');
  });

  it('always produces what the article schema accepts', () => {
    for (const text of ['Julian Ávila Polo', '--x--', 'Ünïcödé   ', 'a_b c.d', '', '日本語 news']) {
      expect(SlugSchema.safeParse(slugFromHeadline(text)).success).toBe(true);
    }
  });
});

describe('cleanSlug', () => {
  it('makes what a journalist typed into a valid slug', () => {
    expect(cleanSlug('My Own Slug')).toBe('my-own-slug');
    expect(cleanSlug('budget--2026-')).toBe('budget-2026');
  });
});
