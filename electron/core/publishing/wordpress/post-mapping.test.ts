import { describe, expect, it } from 'vitest';
import { newArticle } from '../../../../shared/model/article';
import { bylineText } from '../../../../shared/editor/story-text';
import { basePostFields, bylineBlock, correctionBlock, correctionBlocksIn, postContent } from './post-mapping';
import { distinctNames, sameTermName } from './terms';
import { captionWithCredit, slugToSend, withDateline } from '../story-mapping';

describe('byline', () => {
  it('prints the names the way a byline reads', () => {
    expect(bylineText([])).toBe('');
    expect(bylineText(['  ', ''])).toBe('');
    expect(bylineText(['Ana Ruiz'])).toBe('By Ana Ruiz');
    expect(bylineText(['Ana Ruiz', ' Luis Pérez '])).toBe('By Ana Ruiz and Luis Pérez');
    expect(bylineText(['A', 'B', 'C'])).toBe('By A, B and C');
  });

  it('is a paragraph block with the byline class, its text escaped', () => {
    expect(bylineBlock(['Tom & Jerry <b>'])).toBe(
      '<!-- wp:paragraph {"className":"byline"} --><p class="byline">By Tom &amp; Jerry &lt;b&gt;</p><!-- /wp:paragraph -->',
    );
    expect(bylineBlock([])).toBe('');
  });
});

describe('dateline in the body', () => {
  const blocks = [
    { type: 'heading' as const, level: 2 as const, html: '<h2>Top</h2>' },
    { type: 'paragraph' as const, html: '<p>First.</p>' },
    { type: 'paragraph' as const, html: '<p>Second.</p>' },
  ];

  it('opens the first paragraph only', () => {
    expect(withDateline(blocks, 'MADRID, Nov. 28 —').map((b) => b.html)).toEqual(['<h2>Top</h2>', '<p>MADRID, Nov. 28 — First.</p>', '<p>Second.</p>']);
  });

  it('leaves the body alone without a dateline or a paragraph', () => {
    expect(withDateline(blocks, '')).toEqual(blocks);
    expect(withDateline([blocks[0]!], 'MADRID —')).toEqual([blocks[0]]);
  });

  it('puts the byline first, then the dated body, as block markup', () => {
    const content = postContent({ byline: ['Ana Ruiz', 'Luis Pérez'], dateline: { place: 'Madrid', date: '2026-11-28' } }, blocks.slice(1));
    expect(content).toBe(
      [
        '<!-- wp:paragraph {"className":"byline"} --><p class="byline">By Ana Ruiz and Luis Pérez</p><!-- /wp:paragraph -->',
        '<!-- wp:paragraph --><p>MADRID, Nov. 28 — First.</p><!-- /wp:paragraph -->',
        '<!-- wp:paragraph --><p>Second.</p><!-- /wp:paragraph -->',
      ].join('\n\n'),
    );
  });
});

describe('slugToSend', () => {
  const following = { headline: 'Julian Ávila Polo visits Tirana', slug: 'julian-avila-polo-visits-tirana', slugFollowsHeadline: true };

  it('before the first publish: the headline slug while it follows, else the typed slug, else none', () => {
    expect(slugToSend(following, undefined)).toBe('julian-avila-polo-visits-tirana');
    expect(slugToSend({ ...following, slug: '' }, undefined)).toBe('julian-avila-polo-visits-tirana');
    expect(slugToSend({ ...following, slug: 'avila-tirana', slugFollowsHeadline: false }, undefined)).toBe('avila-tirana');
    expect(slugToSend({ ...following, slug: '', slugFollowsHeadline: false }, undefined)).toBeUndefined();
  });

  it('once published: the recorded slug, even after the headline changed', () => {
    expect(slugToSend({ ...following, headline: 'A new headline' }, 'julian-avila-polo-visits-tirana')).toBe('julian-avila-polo-visits-tirana');
    expect(slugToSend({ headline: 'A new headline', slug: 'julian-avila-polo-visits-tirana', slugFollowsHeadline: false }, 'julian-avila-polo-visits-tirana')).toBe(
      'julian-avila-polo-visits-tirana',
    );
    // A window that still has the slug following the headline does not move the address.
    expect(slugToSend({ headline: 'A new headline', slug: 'a-new-headline', slugFollowsHeadline: true }, 'julian-avila-polo-visits-tirana')).toBe(
      'julian-avila-polo-visits-tirana',
    );
    expect(slugToSend({ ...following, slug: '', slugFollowsHeadline: false }, 'julian-avila-polo-visits-tirana')).toBe('julian-avila-polo-visits-tirana');
  });

  it('once published: a slug the journalist changed on purpose replaces it', () => {
    expect(slugToSend({ headline: 'x', slug: 'avila-in-tirana', slugFollowsHeadline: false }, 'julian-avila-polo-visits-tirana')).toBe('avila-in-tirana');
  });
});

describe('post fields', () => {
  it('send headline, standfirst and slug, and never the SEO fields or the editorial note', () => {
    const article = newArticle({
      headline: '  Ávila in Tirana ',
      standfirst: ' Spain and Albania step up work against trafficking. ',
      seoTitle: 'SEO TITLE TEXT',
      seoDescription: 'SEO DESCRIPTION TEXT',
      editorialNote: 'DESK ONLY: check the second quote',
    });
    const fields = basePostFields(article, '<p>x</p>', 'avila-in-tirana');
    expect(fields).toEqual({
      title: 'Ávila in Tirana',
      content: '<p>x</p>',
      status: 'publish',
      excerpt: 'Spain and Albania step up work against trafficking.',
      slug: 'avila-in-tirana',
    });
    expect(JSON.stringify(fields)).not.toMatch(/SEO|DESK ONLY/);
    expect(basePostFields(article, '', undefined)).not.toHaveProperty('slug');
  });
});

describe('terms and captions', () => {
  it('matches term names as WordPress returns them', () => {
    expect(sameTermName('Crime &amp; Courts', 'crime & courts')).toBe(true);
    expect(sameTermName('Spain', 'Spain ')).toBe(true);
    expect(sameTermName('Spain', 'Spanish')).toBe(false);
    expect(distinctNames([' Spain', 'spain', '', 'Albania'])).toEqual(['Spain', 'Albania']);
  });

  it('puts the credit after the caption', () => {
    expect(captionWithCredit('Officers meet in Tirana.', 'State Police')).toBe('Officers meet in Tirana. (State Police)');
    expect(captionWithCredit('', 'State Police')).toBe('State Police');
    expect(captionWithCredit('Officers meet.', ' ')).toBe('Officers meet.');
  });
});

describe('corrections', () => {
  it('writes the house line as a classed paragraph block, escaped, and finds it again in stored content', () => {
    const block = correctionBlock('The bridge is 300 m long, not <30> m.', '2026-11-28T12:00:00.000Z');
    expect(block).toBe(
      '<!-- wp:paragraph {"className":"correction"} --><p class="correction">Correction, 28 November 2026: The bridge is 300 m long, not &lt;30&gt; m.</p><!-- /wp:paragraph -->',
    );
    const second = correctionBlock('Second.', '2026-12-01T09:00:00.000Z');
    const stored = `<!-- wp:paragraph --><p>Body</p><!-- /wp:paragraph -->\n\n${block}\n\n${second}\n\n<!-- newsroom:nr-0123456789abcdef01234567 -->`;
    expect(correctionBlocksIn(stored)).toEqual([block, second]);
    expect(correctionBlocksIn('<!-- wp:paragraph --><p>Body</p><!-- /wp:paragraph -->')).toEqual([]);
  });
});
