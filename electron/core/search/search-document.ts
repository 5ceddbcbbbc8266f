import { plainTextOf } from '../../../shared/editor/word-count';
import type { Article } from '../../../shared/model/article';

/**
 * What the search index holds for one draft: the story fields a journalist searches by. When the
 * fields change, bump SEARCH_INDEX_VERSION so indexes built without them are rebuilt. The
 * editorial note is deliberately not indexed: search results show snippets, and the note is for
 * the desk only.
 */
export const SEARCH_FIELDS = ['headline', 'standfirst', 'body', 'tags', 'byline'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchDocument = { id: string } & Record<SearchField, string>;

/** A match in the headline outweighs one deep in the body. */
export const FIELD_BOOST: Readonly<Record<SearchField, number>> = { headline: 3, standfirst: 2, tags: 2, byline: 2, body: 1 };

export function documentOf(id: string, article: Article): SearchDocument {
  return {
    id,
    headline: article.headline,
    standfirst: article.standfirst,
    body: plainTextOf(article.body),
    tags: article.tags.join(', '),
    byline: article.byline.join(', '),
  };
}
