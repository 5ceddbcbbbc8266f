import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import { TEMP_NAME } from '../fs/atomic-write';
import type { FileIo } from '../fs/file-io';
import type { Logger } from '../ports';
import { IndexFile } from './index-file';
import type { DraftIndexer } from './indexer';
import type { FileStamp } from './stamp';
import { type SummaryEntry, SummaryIndex, summaryOf } from './summary-index';

/**
 * What the store knows about its drafts without reading them: the summary index (persisted as
 * `<index>/summaries.json`) and the indexers that follow every change (search).
 */
export class DraftCatalog {
  private readonly indexers = new Set<DraftIndexer>();
  private summaries = new SummaryIndex();
  private readonly file: IndexFile;

  private constructor(
    indexDir: string,
    io: FileIo,
    private readonly logger: Logger,
  ) {
    const serialize = (): string => JSON.stringify(this.summaries);
    this.file = new IndexFile(join(indexDir, 'summaries.json'), serialize, { io, logger });
  }

  /** A missing or damaged index starts empty: every draft is then read once, the slow way. */
  static async open(indexDir: string, io: FileIo, logger: Logger): Promise<DraftCatalog> {
    await removeStrayTemps(indexDir);
    const catalog = new DraftCatalog(indexDir, io, logger);
    const read = await catalog.file.read();
    if (read.kind === 'damaged') logger.warn('summary index unreadable, rebuilding it', { reason: read.reason });
    if (read.kind !== 'ok') return catalog;
    const loaded = SummaryIndex.fromJSON(read.json);
    if ('damaged' in loaded) {
      logger.warn('summary index not usable, rebuilding it', { reason: loaded.damaged });
      return catalog;
    }
    catalog.summaries = loaded.index;
    if (loaded.dropped > 0) logger.warn('summary index entries dropped, those drafts are read again', { dropped: loaded.dropped });
    return catalog;
  }

  get(id: string): SummaryEntry | undefined {
    return this.summaries.get(id);
  }

  ids(): string[] {
    return [...this.summaries.ids()];
  }

  /** The draft as its file is at `stamp`: its summary is kept and every indexer told. */
  remember(id: string, draft: Draft, stamp: FileStamp): SummaryEntry {
    this.summaries.put(id, stamp, summaryOf(id, draft));
    this.file.changed();
    for (const indexer of this.indexers) this.tell(() => indexer.indexed(id, draft, stamp));
    return this.summaries.get(id) as SummaryEntry;
  }

  /** The draft left the list (or its file could not be read); safe to call for an unknown id. */
  forget(id: string): void {
    if (this.summaries.delete(id)) this.file.changed();
    for (const indexer of this.indexers) this.tell(() => indexer.removed(id));
  }

  /** Our record of the draft may not match its file: the next list reads it. Indexers keep theirs (they check stamps too). */
  invalidate(id: string): void {
    if (this.summaries.delete(id)) this.file.changed();
  }

  watch(indexer: DraftIndexer): () => void {
    this.indexers.add(indexer);
    return () => this.indexers.delete(indexer);
  }

  /** Writes the summary index if it changed: at the end of a list that read files, and on quit. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  /** An indexer's failure must never fail a save: the draft is on disk, which is what counts. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.error('a draft indexer failed', { error: String(error) });
    }
  }
}

/** Temps a crash left in the index folder; the index itself is rebuilt if it was the victim. */
async function removeStrayTemps(indexDir: string): Promise<void> {
  const names = await readdir(indexDir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => TEMP_NAME.test(name)).map((name) => rm(join(indexDir, name), { force: true })));
}
