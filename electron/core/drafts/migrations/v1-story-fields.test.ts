import { describe, expect, it } from 'vitest';
import { emptyBody } from '../../../../shared/model/article';
import { checkDraftText } from '../draft-file';

/** A version 1 file exactly as Newsroom 0.1 wrote it. */
const v1File = (publication: Record<string, unknown> = {}) =>
  `${JSON.stringify(
    {
      format: 'newsroom-draft',
      schemaVersion: 1,
      id: '0b7c9a56-8f0e-4a35-9a8e-3f1f8a6f2c11',
      createdAt: '2025-01-02T03:04:05.000Z',
      updatedAt: '2025-01-02T03:04:06.000Z',
      revision: 3,
      publication,
      article: { headline: 'Julian Ávila Polo wins the Madrid marathon', body: emptyBody() },
    },
    null,
    2,
  )}\n`;

describe('migration 1 -> 2: story fields', () => {
  it('reads a version 1 draft with every story field empty and the slug following the headline', () => {
    const check = checkDraftText(v1File());
    expect(check.kind).toBe('ok');
    if (check.kind !== 'ok') return;
    expect(check.draft.revision).toBe(3);
    expect(check.draft.article).toEqual({
      headline: 'Julian Ávila Polo wins the Madrid marathon',
      standfirst: '',
      byline: [],
      section: '',
      tags: [],
      slug: 'julian-avila-polo-wins-the-madrid-marathon',
      slugFollowsHeadline: true,
      dateline: { place: '', date: '' },
      seoTitle: '',
      seoDescription: '',
      editorialNote: '',
      featuredImage: null,
      targetWords: null,
      comments: [],
      body: emptyBody(),
    });
  });

  it('keeps the slug of a published version 1 draft still (its URL is live)', () => {
    const check = checkDraftText(
      v1File({
        wordpress: { siteUrl: 'http://127.0.0.1:8881', postId: 7, url: 'http://127.0.0.1:8881/?p=7', publishedAt: '2025-01-02T03:04:06.000Z', revision: 3 },
      }),
    );
    expect(check.kind === 'ok' && check.draft.article.slugFollowsHeadline).toBe(false);
  });

  it('still refuses a version 1 file whose headline is not text', () => {
    const broken = v1File().replace('"Julian Ávila Polo wins the Madrid marathon"', '42');
    expect(checkDraftText(broken).kind).toBe('corrupt');
  });
});
