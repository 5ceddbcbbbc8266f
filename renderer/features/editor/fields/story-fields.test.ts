import { describe, expect, it } from 'vitest';
import { ArticleSchema, newArticle } from '../../../../shared/model/article';
import { applyFieldEdit, oneLine, parseList, parseTargetWords, printedByline } from './story-fields';

describe('parseList', () => {
  it('trims, drops blanks and folds line breaks', () => {
    expect(parseList(' Ana Pérez ,, Luis\nGómez , ', 20, 200)).toEqual(['Ana Pérez', 'Luis Gómez']);
    expect(parseList('', 20, 200)).toEqual([]);
  });

  it('cuts to what the article accepts, so a save is never refused', () => {
    const many = Array.from({ length: 30 }, (_, i) => `tag${i}`).join(',');
    const tags = parseList(`${many},${'é'.repeat(150)}`, 50, 100);
    expect(tags).toHaveLength(31);
    expect(tags.at(-1)).toBe('é'.repeat(100));
    expect(parseList(many, 20, 200)).toHaveLength(20);
    expect(ArticleSchema.safeParse({ ...newArticle(), tags: parseList('x,'.repeat(80), 50, 100) }).success).toBe(true);
  });
});

describe('printedByline', () => {
  it('prints one, two and more authors as a byline reads', () => {
    expect(printedByline([])).toBe('');
    expect(printedByline(['Ana'])).toBe('By Ana');
    expect(printedByline(['Ana', 'Luis'])).toBe('By Ana and Luis');
    expect(printedByline(['Ana', 'Luis', 'Marta'])).toBe('By Ana, Luis and Marta');
  });
});

describe('parseTargetWords', () => {
  it('takes whole numbers from 1 to 100,000 and nothing else', () => {
    expect(parseTargetWords('400')).toBe(400);
    expect(parseTargetWords(' 1 ')).toBe(1);
    for (const bad of ['', '0', '-5', '4.5', '1e3', '100001', 'four']) expect(parseTargetWords(bad)).toBeNull();
  });
});

describe('oneLine', () => {
  it('turns line breaks and the spaces around them into one space', () => {
    expect(oneLine('New \r\n  headline\nhere')).toBe('New headline here');
  });
});

describe('applyFieldEdit', () => {
  const fields = newArticle({ headline: 'Old', slug: 'old' });

  it('moves the slug with the headline while it follows', () => {
    expect(applyFieldEdit(fields, { headline: 'Julian Ávila Polo' }, false).slug).toBe('julian-avila-polo');
  });

  it('leaves a hand-edited slug alone, until it is set to follow again', () => {
    const edited = applyFieldEdit(fields, { slug: 'mine', slugFollowsHeadline: false }, false);
    expect(applyFieldEdit(edited, { headline: 'New' }, false).slug).toBe('mine');
    expect(applyFieldEdit(edited, { slugFollowsHeadline: true }, false).slug).toBe('old');
  });

  it('never moves the slug of a published story, whatever the edit says', () => {
    const next = applyFieldEdit(fields, { headline: 'New', slug: 'other', slugFollowsHeadline: true }, true);
    expect(next).toMatchObject({ headline: 'New', slug: 'old', slugFollowsHeadline: false });
  });
});
