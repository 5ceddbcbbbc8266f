import { describe, expect, it } from 'vitest';
import { newArticle } from './article';
import { DEFAULT_HOUSE_PROFILE, type HouseProfile, REQUIRABLE_FIELDS } from './house-profile';
import { budgetState, charCount, checkReadiness, checkSuggestions } from './readiness';

const profile = (patch: Partial<HouseProfile> = {}): HouseProfile => ({ ...DEFAULT_HOUSE_PROFILE, ...patch });
const IMAGE = { asset: `${'a'.repeat(32)}.png`, alt: '', caption: '', credit: '' };

describe('charCount', () => {
  it('counts characters as a person does', () => {
    expect(charCount('Ávila')).toBe(5);
    expect(charCount('🔥 fire')).toBe(6);
    expect(charCount('')).toBe(0);
  });
});

describe('budgetState', () => {
  it('warns from 90 % of the budget and flags past it', () => {
    expect(budgetState(80, 90)).toBe('ok');
    expect(budgetState(81, 90)).toBe('near');
    expect(budgetState(90, 90)).toBe('near');
    expect(budgetState(91, 90)).toBe('over');
    expect(budgetState(0, 1)).toBe('ok');
    expect(budgetState(1, 1)).toBe('near');
  });
});

describe('checkReadiness', () => {
  it('lists each required field left empty, in plain words', () => {
    const problems = checkReadiness(newArticle({ headline: 'Budget' }), profile());
    expect(problems.map((p) => p.message)).toEqual(['Byline is missing.', 'Section is missing.', 'Slug is missing.']);
    expect(problems.every((p) => p.kind === 'missing')).toBe(true);
  });

  it('passes a story whose required fields are filled', () => {
    const article = newArticle({ headline: 'Budget', byline: ['Ana Pérez'], section: 'News', slug: 'budget' });
    expect(checkReadiness(article, profile())).toEqual([]);
  });

  it('treats whitespace and lists of blanks as empty', () => {
    const article = newArticle({ headline: '  ', byline: [' ', ''], tags: [' '], dateline: { place: ' ', date: '2026-01-02' } });
    const required = profile({ required: ['headline', 'byline', 'tags', 'dateline'] });
    expect(checkReadiness(article, required).map((p) => p.field)).toEqual(['headline', 'byline', 'tags', 'dateline']);
  });

  it('asks for the image, then its alt text and credit once there is one', () => {
    const required = profile({ required: ['featuredImage', 'featuredImageAlt', 'featuredImageCredit'] });
    expect(checkReadiness(newArticle(), required).map((p) => p.field)).toEqual(['featuredImage']);
    const withImage = newArticle({ featuredImage: IMAGE });
    expect(checkReadiness(withImage, required).map((p) => p.field)).toEqual(['featuredImageAlt', 'featuredImageCredit']);
    const described = newArticle({ featuredImage: { ...IMAGE, alt: 'A ferry', credit: 'AP' } });
    expect(checkReadiness(described, required)).toEqual([]);
  });

  it('flags a field over its budget, whether required or not, with the overshoot', () => {
    const article = newArticle({ headline: 'x'.repeat(95), seoDescription: 'é'.repeat(156) });
    const problems = checkReadiness(article, profile({ required: [] }));
    expect(problems).toEqual([
      { field: 'headline', kind: 'over-budget', message: 'Headline is 5 characters over its budget of 90.' },
      { field: 'seoDescription', kind: 'over-budget', message: 'SEO description is 1 character over its budget of 155.' },
    ]);
  });

  it('does not flag a field exactly at its budget', () => {
    expect(checkReadiness(newArticle({ headline: 'x'.repeat(90) }), profile({ required: [] }))).toEqual([]);
  });

  it('knows how to check every requirable field', () => {
    const problems = checkReadiness(newArticle(), profile({ required: [...REQUIRABLE_FIELDS] }));
    // The alt text and credit are asked for only once there is an image.
    expect(problems.map((p) => p.field)).toEqual(REQUIRABLE_FIELDS.filter((f) => f !== 'featuredImageAlt' && f !== 'featuredImageCredit'));
  });
});

describe('open suggested changes', () => {
  const by = { name: 'Ana Editor', initials: 'AE', at: '2026-11-29T02:00:00.000Z' };
  const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 });
  const suggestion = (id: string, kind: 'insert' | 'delete', value: string) => ({
    type: 'suggestion',
    suggestion: { id, kind, by },
    children: [text(value)],
    direction: null,
    format: '',
    indent: 0,
    version: 1,
  });
  const withSuggestions = (...nodes: object[]) => {
    const base = newArticle({ headline: 'Open changes' });
    const paragraph = { type: 'paragraph', children: [text('Kept '), ...nodes], direction: null, format: '', indent: 0, version: 1, textFormat: 0, textStyle: '' };
    return { ...base, body: { root: { type: 'root', children: [paragraph], direction: null, format: '', indent: 0, version: 1 } } } as typeof base;
  };
  const open = profile({ required: [] });

  it('holds publishing back with how many are open, in plain words', () => {
    const two = withSuggestions(suggestion('a', 'insert', 'new'), suggestion('b', 'delete', 'old'), suggestion('b', 'delete', ' too'));
    expect(checkReadiness(two, open)).toEqual([
      { field: 'body', kind: 'suggestions', message: '2 suggested changes are still open: accept or reject them before publishing.' },
    ]);
    expect(checkReadiness(withSuggestions(suggestion('a', 'insert', 'x')), open).map((p) => p.message)).toEqual([
      '1 suggested change is still open: accept or reject it before publishing.',
    ]);
    expect(checkSuggestions(two.body)).toHaveLength(1);
  });

  it('is skipped when filing to the desk, and absent when the fields come without a body', () => {
    const one = withSuggestions(suggestion('a', 'insert', 'x'));
    expect(checkReadiness(one, open, { suggestions: false })).toEqual([]);
    const { body: _body, ...fields } = one;
    expect(checkReadiness(fields, open)).toEqual([]);
    expect(checkReadiness(withSuggestions(), open)).toEqual([]);
  });
});
