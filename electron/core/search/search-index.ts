import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { z } from 'zod';
import type { FileStamp } from '../library/stamp';
import { keepTerm, tokenize } from './fold';
import { FIELD_BOOST, SEARCH_FIELDS, type SearchDocument } from './search-document';

/**
 * Bump when the fields, the tokenizer or the folding change: an index built another way would
 * answer differently, so a saved one with another version is rebuilt rather than loaded.
 */
/** 2: standfirst, tags and byline are filled (story fields). */
export const SEARCH_INDEX_VERSION = 2;
const FORMAT = 'newsroom-search-index';

export interface SearchHit {
  id: string;
  score: number;
  headline: string;
  /** The indexed words that matched (folded: "avila" for "Ávila"), for highlighting. */
  terms: string[];
}

export interface SearchResults {
  /** How many drafts match in all; `hits` holds the best `limit` of them. */
  total: number;
  hits: SearchHit[];
}

/**
 * Prefix matching from three letters ("traff" finds "trafficking"); shorter words match exactly,
 * as "on" would otherwise expand to half the vocabulary. Every word must match (AND), as a desk
 * expects of a library search box. A match in the headline outweighs one in the body.
 */
const EXACT: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 3,
  fuzzy: false,
  boost: { ...FIELD_BOOST },
};

/**
 * Typos are looked for only when the words as typed find (almost) nothing: one edit from four
 * letters, two from nine ("goverment", "cooperaton"). Always fuzzy, a common word would also
 * match its neighbours ("border" finds "order") and cost two to three times as long.
 */
const TYPO_TOLERANT: SearchOptions = {
  ...EXACT,
  fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 4 ? 1 : false),
};

/** Below this many matches the query is tried again with typo tolerance. */
const FEW_MATCHES = 3;

const OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  // The headline only (about 1 MB for 10,000 drafts), so a hit can be shown and highlighted.
  storeFields: ['headline'],
  tokenize,
  processTerm: keepTerm,
};

const SavedIndexSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(SEARCH_INDEX_VERSION),
  stamps: z.record(z.string(), z.tuple([z.number(), z.number()])),
  // MiniSearch checks its own part (its serializationVersion) in loadJS.
  index: z.object({ documentIds: z.record(z.string(), z.string()) }).loose(),
});

/**
 * The full-text index over every draft, in memory, with the file stamp each draft had when it was
 * indexed, so a start-up can tell which drafts changed while the app was closed.
 */
export class SearchIndex {
  private constructor(
    private readonly mini: MiniSearch<SearchDocument>,
    private readonly stamps: Map<string, FileStamp>,
  ) {}

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(OPTIONS), new Map());
  }

  /**
   * Rebuilds from what `toJSON` wrote; throws on anything else (the caller rebuilds from the
   * drafts). Async: MiniSearch then yields between batches instead of blocking for ~0.7 s.
   */
  static async fromJSON(json: unknown): Promise<SearchIndex> {
    const saved = SavedIndexSchema.parse(json);
    const mini = await MiniSearch.loadJSAsync<SearchDocument>(saved.index as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
    const stamps = new Map<string, FileStamp>();
    for (const id of Object.values(saved.index.documentIds)) {
      const stamp = saved.stamps[id];
      // A document without a stamp cannot be checked against its file: drop it, it is re-indexed.
      if (stamp === undefined) mini.discard(id);
      else stamps.set(id, stamp);
    }
    return new SearchIndex(mini, stamps);
  }

  get size(): number {
    return this.stamps.size;
  }

  ids(): IterableIterator<string> {
    return this.stamps.keys();
  }

  stampOf(id: string): FileStamp | undefined {
    return this.stamps.get(id);
  }

  /** Adds the draft, or replaces what was indexed for it. */
  set(doc: SearchDocument, stamp: FileStamp): void {
    if (this.mini.has(doc.id)) this.mini.replace(doc);
    else this.mini.add(doc);
    this.stamps.set(doc.id, stamp);
  }

  remove(id: string): void {
    if (!this.stamps.delete(id)) return;
    // discard, not remove: remove needs the original text back, which we do not keep.
    this.mini.discard(id);
  }

  search(query: string, limit: number): SearchResults {
    if (query.trim() === '') return { total: 0, hits: [] };
    let results = this.mini.search(query, EXACT);
    if (results.length < FEW_MATCHES) {
      const tolerant = this.mini.search(query, TYPO_TOLERANT);
      if (tolerant.length > results.length) results = tolerant;
    }
    const hits = results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, headline: String(r['headline'] ?? ''), terms: r.terms }));
    return { total: results.length, hits };
  }

  toJSON(): { format: string; version: number; stamps: Record<string, FileStamp>; index: unknown } {
    return { format: FORMAT, version: SEARCH_INDEX_VERSION, stamps: Object.fromEntries(this.stamps), index: this.mini.toJSON() };
  }
}
