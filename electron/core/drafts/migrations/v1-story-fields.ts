import { slugFromHeadline } from '../../../../shared/model/slug';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1 drafts held a headline and a body. Version 2 adds the story fields; this step fills
 * them empty, with two judgements: the slug is derived from the headline, and it keeps following
 * the headline only while the story has never been published (a live URL must not move).
 */
export function migrateV1StoryFields(file: Record<string, unknown>): Record<string, unknown> {
  const article = isRecord(file.article) ? file.article : {};
  const headline = typeof article.headline === 'string' ? article.headline : '';
  const publication = isRecord(file.publication) ? file.publication : {};
  const published = Object.keys(publication).length > 0;
  return {
    ...file,
    schemaVersion: 2,
    article: {
      headline,
      standfirst: '',
      byline: [],
      section: '',
      tags: [],
      slug: slugFromHeadline(headline),
      slugFollowsHeadline: !published,
      dateline: { place: '', date: '' },
      seoTitle: '',
      seoDescription: '',
      editorialNote: '',
      featuredImage: null,
      targetWords: null,
      ...article,
    },
  };
}
