import { plainTextOf } from '../../../shared/editor/word-count';
import type { Article } from '../../../shared/model/article';

/**
 * What the search index holds for one draft. Every story field the library searches has a slot
 * here already (issue 6: headline, standfirst, body, tags, byline); the ones the article does
 * not have yet stay empty and cost nothing. When a field starts being filled, bump
 * SEARCH_INDEX_VERSION so indexes built without it are rebuilt.
 */
export const SEARCH_FIELDS = ['headline', 'standfirst', 'body', 'tags', 'byline'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchDocument = { id: string } & Record<SearchField, string>;

/** A match in the headline outweighs one deep in the body. */
export const FIELD_BOOST: Readonly<Record<SearchField, number>> = { headline: 3, standfirst: 2, tags: 2, byline: 2, body: 1 };

export function documentOf(id: string, article: Article): SearchDocument {
  return { id, headline: article.headline, standfirst: '', body: plainTextOf(article.body), tags: '', byline: '' };
}
