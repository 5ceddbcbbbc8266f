import { describe, expect, it } from 'vitest';
import { emptyBody } from '../../../../shared/model/article';
import { checkDraftText } from '../draft-file';

/** A version 2 file as Newsroom wrote it before review (issue 7). */
const v2File = () =>
  `${JSON.stringify({
    format: 'newsroom-draft',
    schemaVersion: 2,
    id: '0b7c9a56-8f0e-4a35-9a8e-3f1f8a6f2c11',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:06.000Z',
    revision: 4,
    publication: {},
    article: {
      headline: 'Tram line opens',
      standfirst: '',
      byline: ['Ana Ruiz'],
      section: 'City',
      tags: [],
      slug: 'tram-line-opens',
      slugFollowsHeadline: true,
      dateline: { place: '', date: '' },
      seoTitle: '',
      seoDescription: '',
      editorialNote: '',
      featuredImage: null,
      targetWords: null,
      body: emptyBody(),
    },
  })}\n`;

describe('migration 2 -> 3: review', () => {
  it('reads a version 2 draft as a Draft with no sign-offs and no comments, keeping every field', () => {
    const check = checkDraftText(v2File());
    expect(check.kind).toBe('ok');
    if (check.kind !== 'ok') return;
    expect(check.draft.review).toEqual({ status: 'draft', trail: [] });
    expect(check.draft.article.comments).toEqual([]);
    expect(check.draft.article.byline).toEqual(['Ana Ruiz']);
    expect(check.draft.revision).toBe(4);
  });

  it('still refuses a version 2 file whose body is not an editor state', () => {
    expect(checkDraftText(v2File().replace('"root"', '"rot"')).kind).toBe('corrupt');
  });
});
