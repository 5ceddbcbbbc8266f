import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import type { DraftStore } from '../drafts/draft-store';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import type { DraftIndexer } from '../library/indexer';
import { inSlices } from '../library/slices';
import { type FileStamp, sameStamp } from '../library/stamp';
import { type Logger, silentLogger } from '../ports';
import { plainTextOf } from '../../../shared/editor/word-count';
import { highlight, type Marked, snippet } from './highlight';
import { documentOf } from './search-document';
import { SearchFile } from './search-file';
import type { SearchIndex } from './search-index';

export interface DraftSearchOptions {
  logger?: Logger;
  /** Tests inject faults here. */
  io?: FileIo;
}

export interface DraftSearchHit {
  id: string;
  score: number;
  headline: Marked;
  /** Body text around the first match, when asked for and the match is in the body. */
  snippet?: Marked;
  /** The folded index terms that matched, for highlighting elsewhere (e.g. in the editor). */
  terms: string[];
}

export interface DraftSearchResults {
  total: number;
  hits: DraftSearchHit[];
  /** Drafts still waiting to be (re)indexed: results may miss them until this reaches 0. */
  indexing: number;
}

/** A change to apply: the draft as it is, gone, or "read it from disk" (too many to hold). */
type Change = { draft: Draft; stamp: FileStamp } | 'removed' | 'read';
/** Beyond this many waiting changes only ids are held, not whole drafts (a full rebuild). */
const MAX_HELD_DRAFTS = 200;
/**
 * Saved once this many distinct drafts changed since the last save. Fewer are cheaper to
 * re-index at the next start (a few ms each) than to save: writing the index for 10,000 drafts
 * blocks the main process for over a second. So hours of typing in a few drafts never save it;
 * a rebuild, or a sync that changed many drafts, does.
 */
const SAVE_AFTER_DRAFTS = 100;

/**
 * Full-text search over the drafts, kept in step with the store: it follows every save, create
 * and trash (DraftIndexer), and at start-up loads search.json and re-indexes only the drafts whose
 * file stamp changed since (or everything, when the file is missing or damaged). The work is done
 * in short slices so the main process keeps answering while 10,000 drafts are indexed.
 */
export class DraftSearch implements DraftIndexer {
  private index: SearchIndex | undefined;
  private readonly changes = new Map<string, Change>();
  private draining: Promise<void> | undefined;
  /** Drafts changed in the index since it was last saved. */
  private readonly unsaved = new Set<string>();
  /** Drafts this search is reading itself: the store's echo of that read is not a change. */
  private readonly reading = new Set<string>();
  private closed = false;
  private readonly file: SearchFile;
  private readonly logger: Logger;
  private ready!: Promise<void>;
  private unwatch: () => void = () => undefined;

  private constructor(
    private readonly store: DraftStore,
    options: DraftSearchOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    // search.json sits beside the store's summaries.json, in its index folder.
    this.file = new SearchFile(store.folders.index, () => this.index, { io: options.io ?? nodeFileIo, logger: this.logger });
  }

  /** Starts following `store` now and loads (or rebuilds) the index in the background. */
  static attach(store: DraftStore, options: DraftSearchOptions = {}): DraftSearch {
    const search = new DraftSearch(store, options);
    search.unwatch = store.watch(search);
    search.ready = search.load().catch((error: unknown) => search.logger.error('search index failed to start', { error: String(error) }));
    return search;
  }

  indexed(id: string, draft: Draft, stamp: FileStamp): void {
    if (this.reading.has(id) || sameStamp(this.index?.stampOf(id), stamp)) return; // nothing new
    this.changes.set(id, this.changes.size < MAX_HELD_DRAFTS ? { draft, stamp } : 'read');
    this.drain();
  }

  removed(id: string): void {
    this.changes.set(id, 'removed');
    this.drain();
  }

  async search(query: string, options: { limit?: number; snippets?: number } = {}): Promise<DraftSearchResults> {
    await this.ready;
    const index = this.index;
    if (index === undefined) return { total: 0, hits: [], indexing: this.changes.size };
    const found = index.search(query, options.limit ?? 50);
    const hits: DraftSearchHit[] = found.hits.map((hit) => ({ id: hit.id, score: hit.score, headline: highlight(hit.headline, hit.terms), terms: hit.terms }));
    const withSnippets = hits.slice(0, options.snippets ?? 0);
    await Promise.all(withSnippets.map(async (hit) => {
      const body = await this.bodyText(hit.id);
      const cut = body === undefined ? undefined : snippet(body, hit.terms);
      if (cut !== undefined) hit.snippet = cut;
    }));
    return { total: found.total, hits, indexing: this.changes.size };
  }

  /** Saves the index now if anything changed (`force`), or if enough did to be worth it. */
  async flush(options: { force?: boolean } = {}): Promise<void> {
    await this.whenIdle();
    if (this.unsaved.size >= (options.force === true ? 1 : SAVE_AFTER_DRAFTS)) await this.save();
  }

  /** Resolves once start-up indexing and every change so far are in the index, and no save is running. */
  async whenIdle(): Promise<void> {
    await this.ready;
    while (this.draining !== undefined) await this.draining;
    await this.file.settle();
  }

  /** Stops following the store; what is indexed but unsaved is redone at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.unwatch();
    await this.whenIdle();
  }

  private async load(): Promise<void> {
    const index = await this.file.load(this.logger);
    const stamps = await this.store.scan();
    for (const [id, stamp] of stamps) {
      if (this.changes.has(id)) continue; // already told of a newer state
      if (stamp === null) this.changes.set(id, index.stampOf(id) === undefined ? 'read' : 'removed');
      else if (!sameStamp(index.stampOf(id), stamp)) this.changes.set(id, 'read');
    }
    for (const id of index.ids()) if (!stamps.has(id) && !this.changes.has(id)) this.changes.set(id, 'removed');
    this.index = index;
    if (this.changes.size > 0) this.logger.info('search index catching up', { drafts: this.changes.size, indexed: index.size });
    this.drain();
    await this.draining;
  }

  private drain(): void {
    if (this.index === undefined || this.draining !== undefined || this.closed) return;
    this.draining = this.applyChanges().finally(() => (this.draining = undefined));
  }

  private async applyChanges(): Promise<void> {
    const index = this.index as SearchIndex;
    while (this.changes.size > 0 && !this.closed) {
      const batch = [...this.changes].slice(0, 256);
      for (const [id] of batch) this.changes.delete(id);
      const read = new Map(await Promise.all(batch.filter(([, change]) => change === 'read').map(([id]) => this.readDraft(id))));
      await inSlices(batch, ([id, change]) => {
        const now = change === 'read' ? (read.get(id) ?? 'removed') : change;
        if (now === 'removed') {
          if (index.stampOf(id) !== undefined) this.unsaved.add(id);
          index.remove(id);
        } else if (!sameStamp(index.stampOf(id), now.stamp)) {
          index.set(documentOf(id, now.draft.article), now.stamp);
          this.unsaved.add(id);
        }
      });
    }
    if (this.unsaved.size >= SAVE_AFTER_DRAFTS && !this.closed) await this.save();
  }

  private async readDraft(id: string): Promise<readonly [string, { draft: Draft; stamp: FileStamp } | undefined]> {
    this.reading.add(id);
    try {
      return [id, await this.store.readIndexed(id)];
    } finally {
      this.reading.delete(id);
    }
  }

  private async save(): Promise<void> {
    this.unsaved.clear();
    await this.file.save();
  }

  /** The body of a draft for its snippet, read without the store's queue: a snippet may be a save behind. */
  private async bodyText(id: string): Promise<string | undefined> {
    try {
      const file = JSON.parse(await readFile(join(this.store.folders.drafts, id, 'draft.json'), 'utf8')) as Draft;
      return plainTextOf(file.article.body);
    } catch {
      return undefined;
    }
  }
}
