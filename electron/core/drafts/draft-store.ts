import { randomUUID } from 'node:crypto';
import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { countBodyWords } from '../../../shared/editor/word-count';
import { type Article, type ArticleInput, emptyBody } from '../../../shared/model/article';
import { newReviewRecord, type ReviewRecord, ReviewRecordSchema } from '../../../shared/model/review';
import { slugFromHeadline } from '../../../shared/model/slug';
import { type Draft, type DraftProblem, type DraftSummary, PublicationSchema } from '../../../shared/model/draft';
import { AppFailure } from '../../../shared/ipc/result';
import { type AtomicWriteOptions, AtomicWriteFailure, writeFileAtomic } from '../fs/atomic-write';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { toAppFailure } from '../fs/fs-errors';
import { fileStamp, pathExists } from '../fs/set-aside';
import { DraftCatalog } from '../library/draft-catalog';
import type { DraftIndexer } from '../library/indexer';
import type { SummaryEntry } from '../library/summary-index';
import { draftFolders, stampDrafts } from '../library/scan';
import { type FileStamp, sameStamp, stampOf as stamp } from '../library/stamp';
import { type Clock, type Logger, silentLogger, systemClock } from '../ports';
import { checkArticle, DRAFT_FILE_NAME, serializeDraft } from './draft-file';
import { listDrafts } from './draft-list';
import { DraftSweeper } from './draft-sweep';
import { draftNotFound, loadDraft, type ReaderDeps } from './draft-reader';
import { KeyedQueue } from './keyed-queue';
import { listSpikedFolders, SPIKED_FILE, type SpikedEntry, spikedMarker } from './spike';
import { ExternalWatch } from './external-watch';
import { draftChangedElsewhere, isStaleSave } from './save-conflict';

const LAST_WRITTEN_KEPT = 8;

export interface DraftStoreOptions {
  /**
   * The data folder, or the drafts folder the journalist chose: drafts live in
   * `<folder>/drafts/<id>/draft.json`, the trash beside them in `<folder>/trash/`.
   */
  folder: string;
  clock?: Clock;
  logger?: Logger;
  /** Tests inject faults here. */
  io?: FileIo;
  atomicWrite?: AtomicWriteOptions;
  /**
   * Where the library's index files go (a cache, rebuilt when missing); `<folder>/index` by
   * default. A drafts folder shared through a sync service should keep its index local.
   */
  indexFolder?: string;
}

export interface SaveReceipt {
  revision: number;
  savedAt: string;
  wordCount: number;
}

type Publication = Draft['publication'];

/** The very pattern z.uuid() checks, tested directly: a listing tests 10,000 folder names. */
const DRAFT_ID = z.regexes.uuid();
const isDraftId = (id: string): boolean => DRAFT_ID.test(id);
const spikedNotFound = (): AppFailure => new AppFailure('NOT_FOUND', 'This draft is not among the spiked drafts any more.');

/**
 * Drafts on disk (DESIGN §6). Every file operation on one draft runs through a per-draft queue,
 * so saves land in the order they were issued and a corrupt file is set aside exactly once.
 * A damaged draft file is moved aside, never overwritten, and reported; the rest keep working.
 * Listing reads only drafts whose file changed since the catalog last saw it (size and mtime).
 */
export class DraftStore {
  private readonly queue = new KeyedQueue();
  private readonly sweeper: DraftSweeper;
  /** Complete new content left behind by a rename that kept failing; dropped once superseded. */
  private readonly keptTemps = new Map<string, string>();
  /**
   * The last draft this store wrote or opened per id, with its file's stamp: the base of the next
   * save (see `currentForWrite`), what tells our own writes from another program's, and the drafts
   * watched for outside changes.
   */
  private readonly lastWritten = new Map<string, { draft: Draft; stamp: FileStamp; written: boolean }>();
  /** Outside changes already reported, by the stamp they had, so each is reported once. */
  private readonly reportedExternal = new Map<string, FileStamp>();
  private externalWatch: ExternalWatch | undefined;
  /** Where the drafts and the library's index files are, for the search index to share. */
  readonly folders: { readonly drafts: string; readonly index: string };

  private get deps(): ReaderDeps {
    return { clock: this.clock, io: this.io, logger: this.logger };
  }

  private constructor(
    private readonly draftsDir: string,
    private readonly trashDir: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly io: FileIo,
    private readonly writeOptions: AtomicWriteOptions,
    private readonly catalog: DraftCatalog,
    indexDir: string,
  ) {
    this.sweeper = new DraftSweeper(draftsDir, this.deps);
    this.folders = { drafts: draftsDir, index: indexDir };
  }

  static async open(options: DraftStoreOptions): Promise<DraftStore> {
    const draftsDir = join(options.folder, 'drafts');
    const trashDir = join(options.folder, 'trash');
    const indexDir = options.indexFolder ?? join(options.folder, 'index');
    try {
      await mkdir(draftsDir, { recursive: true });
      await mkdir(trashDir, { recursive: true });
      // The default index folder appears with its first write, so a fresh data folder holds only drafts/ and trash/.
      if (options.indexFolder !== undefined) await mkdir(indexDir, { recursive: true });
    } catch (error) {
      throw toAppFailure(error, 'open');
    }
    const logger = options.logger ?? silentLogger;
    const io = options.io ?? nodeFileIo;
    const catalog = await DraftCatalog.open(indexDir, io, logger);
    return new DraftStore(draftsDir, trashDir, options.clock ?? systemClock, logger, io, options.atomicWrite ?? {}, catalog, indexDir);
  }

  /**
   * One readdir and one stat per draft; only drafts whose stamp differs from the catalog's (or
   * that it lacks) are read, in their queue, so damage is handled and reported exactly as a read.
   */
  async list(): Promise<{ drafts: DraftSummary[]; problems: DraftProblem[] }> {
    const listed = await listDrafts({
      stamps: () => this.scan(),
      catalog: this.catalog,
      inQueue: (id, task) => this.inQueue(id, task),
      read: (id) => this.readStamped(id),
      dirOf: (id) => this.dirOf(id),
      logger: this.logger,
    });
    this.sweeper.startBackground(() => this.draftIds(), (id, task) => this.queue.run(id, task));
    return listed;
  }

  /** Every draft folder with its file's stamp (null: no readable draft.json). */
  async scan(): Promise<Map<string, FileStamp | null>> {
    return stampDrafts(this.draftsDir, await this.draftIds(), DRAFT_FILE_NAME);
  }

  /** The draft and the stamp its file had, for an indexer catching up; undefined if unreadable. */
  readIndexed(id: string): Promise<{ draft: Draft; stamp: FileStamp } | undefined> {
    return this.inQueue(id, async () => {
      try {
        const read = await this.readStamped(id);
        if (read.stamp !== undefined) this.catalog.remember(id, read.draft, read.stamp);
        return read.stamp === undefined ? undefined : { draft: read.draft, stamp: read.stamp };
      } catch {
        this.catalog.forget(id);
        return undefined;
      }
    });
  }

  /** Keeps `indexer` in step with every change from now on; returns the way to stop. */
  watch(indexer: DraftIndexer): () => void {
    return this.catalog.watch(indexer);
  }

  /** A new draft; `init` fills fields and body (an import, a template), the rest starts empty. */
  async create(init: { [K in keyof ArticleInput]?: ArticleInput[K] | undefined } = {}): Promise<Draft> {
    const now = this.clock.now().toISOString();
    const id = randomUUID();
    // A field given as undefined is a field not given: it takes its default.
    const given = Object.fromEntries(Object.entries(init).filter(([, value]) => value !== undefined));
    const filled = checkArticle({ headline: '', body: emptyBody(), ...given });
    // A slug that follows the headline is derived from it from the first write on (an import or a
    // template arrives with a headline), so the file says what publishing would send.
    const article = filled.slugFollowsHeadline && filled.slug === '' ? { ...filled, slug: slugFromHeadline(filled.headline) } : filled;
    const draft: Draft = { id, createdAt: now, updatedAt: now, revision: 0, article, publication: {}, review: newReviewRecord() };
    return this.queue.run(id, async () => {
      const dir = join(this.draftsDir, id);
      try {
        await mkdir(dir);
        this.sweeper.markSwept(id);
        await this.io.fsyncDir(this.draftsDir);
      } catch (error) {
        throw toAppFailure(error, 'create');
      }
      try {
        await this.write(id, draft);
      } catch (error) {
        await rmdir(dir).catch(() => undefined); // an empty folder would only be noise in the list
        // The writer words its failure as a save ("Not saved: … still in the editor"): say what failed here.
        throw error instanceof AtomicWriteFailure ? toAppFailure(error.cause ?? error, 'create') : error;
      }
      return draft;
    });
  }

  /**
   * The desk inbox (issue 7) brings a story in under the id it was filed with: a new draft with
   * that id, or the draft of that id with its article and review replaced in one step of its queue
   * (revision + 1; its publication record stays). `created` says which.
   */
  putFromDesk(id: string, article: ArticleInput, review: ReviewRecord): Promise<{ draft: Draft; created: boolean }> {
    const checked = checkArticle(article);
    const parsedReview = ReviewRecordSchema.parse(review);
    if (!isDraftId(id)) return Promise.reject(new AppFailure('INVALID_INPUT', 'This story’s id is not one Newsroom makes, so it was not opened.'));
    return this.inQueue(id, async () => {
      const now = this.clock.now().toISOString();
      const dir = join(this.draftsDir, id);
      if (await this.exists(join(dir, DRAFT_FILE_NAME))) {
        const current = await this.currentForWrite(id);
        const next: Draft = { ...current, article: checked, review: parsedReview, revision: current.revision + 1, updatedAt: now };
        await this.write(id, next);
        return { draft: next, created: false };
      }
      const draft: Draft = { id, createdAt: now, updatedAt: now, revision: 0, article: checked, publication: {}, review: parsedReview };
      try {
        await mkdir(dir, { recursive: true });
        this.sweeper.markSwept(id);
        await this.io.fsyncDir(this.draftsDir);
      } catch (error) {
        throw toAppFailure(error, 'create');
      }
      await this.write(id, draft);
      return { draft, created: true };
    });
  }

  /** Waits for saves already issued to this draft, so it returns what was last saved. */
  read(id: string): Promise<Draft> {
    return this.inQueue(id, async () => {
      const { draft, stamp } = await this.readStamped(id);
      // What the editor now holds: its next save is checked against this file.
      if (stamp !== undefined) this.remember(id, draft, stamp, false);
      return draft;
    });
  }

  /**
   * `baseRevision`: the revision the text was edited from. When given and the file was changed by
   * another program or machine since (see `isStaleSave`), the save is refused with CONFLICT and
   * nothing is written. Without it the save builds on whatever is on disk (other callers).
   */
  async save(id: string, article: ArticleInput, baseRevision?: number): Promise<SaveReceipt> {
    const checked = checkArticle(article);
    return this.inQueue(id, async () => {
      const seen = this.lastWritten.get(id);
      const lastSeen = seen?.draft;
      const current = await this.currentForWrite(id);
      // Written by this store, not merely read: a file the editor has just reloaded must still
      // refuse a save queued from the text before it.
      const ours = seen?.written === true && current === lastSeen;
      if (baseRevision !== undefined && isStaleSave({ baseRevision, onDisk: current, ours, lastSeen })) {
        this.logger.warn('save refused: the draft changed on disk', { id, baseRevision, onDisk: current.revision });
        throw draftChangedElsewhere();
      }
      const next: Draft = {
        ...current,
        article: checked,
        revision: current.revision + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      const summary = await this.write(id, next);
      return { revision: next.revision, savedAt: next.updatedAt, wordCount: summary?.summary.wordCount ?? countBodyWords(checked.body) };
    });
  }

  /**
   * Changes the saved article in one step inside the draft's queue, so no save can land between
   * reading and writing it (publishing pins the slug this way). `change` returns null to leave the
   * draft as it is. Resolves to the draft before and the revision after (the same when unchanged).
   */
  updateArticle(id: string, change: (article: Article) => ArticleInput | null): Promise<{ before: Draft; revision: number }> {
    return this.inQueue(id, async () => {
      const current = await this.currentForWrite(id);
      const changed = change(current.article);
      if (changed === null) return { before: current, revision: current.revision };
      const next: Draft = {
        ...current,
        article: checkArticle(changed),
        revision: current.revision + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      await this.write(id, next);
      return { before: current, revision: next.revision };
    });
  }

  /** Records where the draft went; the text, revision and updatedAt stay as they are. */
  setPublication(id: string, update: (current: Publication) => Publication): Promise<Draft> {
    return this.inQueue(id, async () => {
      const current = await this.currentForWrite(id);
      const parsed = PublicationSchema.safeParse(update(current.publication));
      if (!parsed.success) throw new AppFailure('INVALID_INPUT', 'The publication record is not valid.');
      const next: Draft = { ...current, publication: parsed.data };
      await this.write(id, next);
      return next;
    });
  }

  /**
   * Changes the desk status and its trail in one step of the draft's queue (no save can land
   * between reading and writing); the text, revision and updatedAt stay as they are, so an open
   * editor's next save is not refused. `update` returns null to leave the draft as it is.
   */
  setReview(id: string, update: (current: Draft) => ReviewRecord | null): Promise<Draft> {
    return this.inQueue(id, async () => {
      const current = await this.currentForWrite(id);
      const changed = update(current);
      if (changed === null) return current;
      const parsed = ReviewRecordSchema.safeParse(changed);
      if (!parsed.success) throw new AppFailure('INVALID_INPUT', 'The desk status is not valid.');
      const next: Draft = { ...current, review: parsed.data };
      await this.write(id, next);
      return next;
    });
  }

  /** Moves the whole draft folder to the trash, after the saves already issued to it. */
  trash(id: string): Promise<void> {
    return this.inQueue(id, async () => {
      const dir = this.dirOf(id);
      if (!(await this.exists(dir))) throw draftNotFound();
      await this.dropKeptTemp(id);
      this.lastWritten.delete(id);
      let target = join(this.trashDir, id);
      if (await this.exists(target)) target = `${target}-${fileStamp(this.clock.now())}`;
      try {
        await this.io.rename(dir, target);
        await this.io.fsyncDir(this.draftsDir);
        await this.io.fsyncDir(this.trashDir);
      } catch (error) {
        throw toAppFailure(error, 'trash');
      }
      this.catalog.forget(id);
      // When it was spiked, for the list and the 30-day purge; without it the folder's mtime stands in.
      const marker = Buffer.from(spikedMarker(this.clock.now()), 'utf8');
      await writeFileAtomic(join(target, SPIKED_FILE), marker, this.io, this.writeOptions).catch((error: unknown) => {
        this.logger.warn('spike time not recorded', { id, error: String(error) });
      });
      this.logger.info('draft moved to trash', { id, target });
    });
  }

  /** Spiked drafts, newest spike first; a draft spiked more than once is listed by its latest spike. */
  async listSpiked(): Promise<Omit<SpikedEntry, 'folder'>[]> {
    const seen = new Set<string>();
    const listed: Omit<SpikedEntry, 'folder'>[] = [];
    for (const { folder: _folder, ...entry } of await listSpikedFolders(this.trashDir)) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      listed.push(entry);
    }
    return listed;
  }

  /**
   * Moves the latest spike of `id` back to drafts/, where it lists and is found again. Refused
   * when a draft with that id is already there: nothing is overwritten.
   */
  restore(id: string): Promise<void> {
    return this.inQueue(id, async () => {
      const dir = this.dirOf(id);
      const spiked = (await listSpikedFolders(this.trashDir)).find((entry) => entry.id === id);
      if (spiked === undefined) throw spikedNotFound();
      if (await this.exists(dir)) {
        throw new AppFailure('ALREADY_EXISTS', 'This draft was not restored: a draft with the same identity is already in the library.');
      }
      const from = join(this.trashDir, spiked.folder);
      try {
        await rm(join(from, SPIKED_FILE), { force: true });
        await this.io.rename(from, dir);
        await this.io.fsyncDir(this.trashDir);
        await this.io.fsyncDir(this.draftsDir);
      } catch (error) {
        throw toAppFailure(error, 'restore');
      }
      this.lastWritten.delete(id);
      // Back in the summary index and the search index, as a save would put it.
      try {
        const read = await this.readStamped(id);
        if (read.stamp === undefined) this.catalog.invalidate(id);
        else this.catalog.remember(id, read.draft, read.stamp);
      } catch {
        this.catalog.invalidate(id); // unreadable: the next list reports it as a problem
      }
      this.logger.info('draft restored from trash', { id, from });
    });
  }

  /** Deletes every spike of `id` for good. */
  purge(id: string): Promise<void> {
    if (!isDraftId(id)) return Promise.reject(spikedNotFound());
    return this.queue.run(id, async () => {
      const folders = (await listSpikedFolders(this.trashDir)).filter((entry) => entry.id === id);
      if (folders.length === 0) throw spikedNotFound();
      await this.removeSpiked(folders);
    });
  }

  /** Deletes for good the spikes older than `days` at `now`; returns the ids deleted. */
  async purgeExpired(now: Date, days = 30): Promise<string[]> {
    const limit = now.getTime() - days * 24 * 60 * 60 * 1000;
    const expired = (await listSpikedFolders(this.trashDir)).filter((entry) => Date.parse(entry.spikedAt) < limit);
    const purged: string[] = [];
    for (const entry of expired) {
      try {
        await this.queue.run(entry.id, () => this.removeSpiked([entry]));
        purged.push(entry.id);
      } catch (error) {
        this.logger.warn('expired spiked draft not deleted', { folder: entry.folder, error: String(error) });
      }
    }
    return purged;
  }

  private async removeSpiked(entries: SpikedEntry[]): Promise<void> {
    try {
      for (const entry of entries) {
        await rm(join(this.trashDir, entry.folder), { recursive: true, force: true });
        this.logger.info('spiked draft deleted for good', { id: entry.id, folder: entry.folder });
      }
      await this.io.fsyncDir(this.trashDir);
    } catch (error) {
      throw toAppFailure(error, 'purge');
    }
  }

  /** Resolves when every queued write, and the summary index, has reached the disk: call before quitting. */
  async whenIdle(): Promise<void> {
    await this.sweeper.settle();
    await this.queue.whenIdle();
    await this.catalog.flush();
  }

  /** Every operation on a draft runs in its queue, after its folder has been swept once. */
  private inQueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(id, async () => {
      if (isDraftId(id)) await this.sweeper.ensure(id);
      return task();
    });
  }

  private draftIds(): Promise<string[]> {
    return draftFolders(this.draftsDir, isDraftId).catch((error: unknown) => {
      throw toAppFailure(error, 'open');
    });
  }

  /** Stat first, then read: if the file changes in between, the stamp is the older one and the next list reads it again. */
  private async readStamped(id: string): Promise<{ draft: Draft; stamp: FileStamp | undefined }> {
    const dir = this.dirOf(id);
    const stats = await stat(join(dir, DRAFT_FILE_NAME)).catch(() => undefined);
    const draft = await loadDraft(dir, id, 'read', this.deps);
    return { draft, stamp: stats === undefined ? undefined : stamp(stats) };
  }

  private async exists(path: string): Promise<boolean> {
    return pathExists(path).catch((error: unknown) => {
      throw toAppFailure(error, 'trash');
    });
  }

  /**
   * The draft a save builds on. When the file is still exactly the one this store last wrote
   * (same size and mtime), the copy in memory stands in for reading and parsing it again, which
   * cost a long story's autosave as much as writing it; otherwise the file is read as usual.
   */
  private async currentForWrite(id: string): Promise<Draft> {
    const known = this.lastWritten.get(id);
    if (known !== undefined) {
      const stats = await stat(join(this.dirOf(id), DRAFT_FILE_NAME)).catch(() => undefined);
      if (stats !== undefined && sameStamp(stamp(stats), known.stamp)) return known.draft;
      this.lastWritten.delete(id);
    }
    return loadDraft(this.dirOf(id), id, 'save', this.deps);
  }

  private async write(id: string, draft: Draft): Promise<SummaryEntry | undefined> {
    const file = join(this.dirOf(id), DRAFT_FILE_NAME);
    const bytes = Buffer.from(serializeDraft(draft), 'utf8');
    try {
      await writeFileAtomic(file, bytes, this.io, this.writeOptions);
    } catch (error) {
      // No catalog change: the old file is untouched (its stamp still matches), or, if only the
      // folder fsync failed, the new one is in place with a new stamp that the next list reads.
      if (error instanceof AtomicWriteFailure && error.keptTemp !== undefined) {
        await this.dropKeptTemp(id); // the new one holds newer text
        this.keptTemps.set(id, error.keptTemp);
        this.logger.warn('save failed at rename; new text kept in a temp file', { id, keptTemp: error.keptTemp });
      }
      throw error;
    }
    await this.dropKeptTemp(id);
    return this.catalogWritten(id, file, draft, bytes.byteLength);
  }

  /**
   * Records the stamp of the file we just wrote. A size other than what we wrote means another
   * program wrote in between: then the entry is dropped and the next list reads the file.
   */
  private async catalogWritten(id: string, file: string, draft: Draft, size: number): Promise<SummaryEntry | undefined> {
    const stats = await stat(file).catch(() => undefined);
    if (stats !== undefined && stats.size === size) return this.remember(id, draft, stamp(stats), true);
    this.lastWritten.delete(id);
    this.catalog.invalidate(id);
    return undefined;
  }

  /** The file as this store last wrote or read it; the summary and search follow when it is new to them. */
  private remember(id: string, draft: Draft, fileStamp: FileStamp, written: boolean): SummaryEntry {
    // Only the drafts being worked on now: a few, so long stories do not pile up in memory.
    this.reportedExternal.delete(id);
    // Reading back the very file this store wrote (the same stamp) keeps it ours: publishing pins
    // the slug, then versions read the draft, and the editor's next save must not look stale.
    const previous = this.lastWritten.get(id);
    const stillOurs = previous?.written === true && sameStamp(previous.stamp, fileStamp);
    this.lastWritten.delete(id);
    this.lastWritten.set(id, { draft, stamp: fileStamp, written: written || stillOurs });
    if (this.lastWritten.size > LAST_WRITTEN_KEPT) this.lastWritten.delete(this.lastWritten.keys().next().value as string);
    this.externalWatch?.follow(); // a draft just opened is watched from now, not from the next poll
    const known = this.catalog.get(id);
    return known !== undefined && sameStamp(known.stamp, fileStamp) ? known : this.catalog.remember(id, draft, fileStamp);
  }

  /**
   * Starts noticing when another program or machine changes a draft that is open here (see
   * ExternalWatch); `changed` hears of each such change once the store has re-read the file, so
   * the list and search already show it. Returns the way to stop.
   */
  watchExternal(changed: (id: string, revision: number) => void, options: { pollMs?: number } = {}): { stop(): void; settled(): Promise<void> } {
    this.externalWatch?.stop();
    this.externalWatch = new ExternalWatch({
      draftsDir: this.draftsDir,
      watched: () => this.lastWritten.keys(),
      check: async (id) => {
        const draft = await this.readIfChanged(id);
        if (draft !== undefined) changed(id, draft.revision);
      },
      logger: this.logger,
      ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    });
    return this.externalWatch;
  }

  /**
   * The draft, re-read, when its file is not the one this store last wrote or read or catalogued;
   * undefined when nothing changed or it cannot be read (the list reports damage). In the draft's
   * queue, so our own save in progress is never mistaken for someone else's.
   */
  private readIfChanged(id: string): Promise<Draft | undefined> {
    return this.inQueue(id, async () => {
      const stats = await stat(join(this.dirOf(id), DRAFT_FILE_NAME)).catch(() => undefined);
      if (stats === undefined) return undefined;
      // Not the catalog's stamp: a list may already have read the new file, and the editor must still hear of it.
      const onDisk = stamp(stats);
      if (sameStamp(this.lastWritten.get(id)?.stamp, onDisk) || sameStamp(this.reportedExternal.get(id), onDisk)) return undefined;
      const read = await this.readStamped(id).catch(() => undefined);
      if (read?.stamp === undefined) return undefined;
      this.reportedExternal.set(id, read.stamp);
      // The catalog (list, search) follows; lastWritten keeps what the editor last saw, so a save
      // from that older text is still refused until the editor has loaded the new file.
      if (!sameStamp(this.catalog.get(id)?.stamp, read.stamp)) this.catalog.remember(id, read.draft, read.stamp);
      this.logger.info('draft changed outside Newsroom', { id, revision: read.draft.revision });
      return read.draft;
    });
  }

  private async dropKeptTemp(id: string): Promise<void> {
    const kept = this.keptTemps.get(id);
    if (kept === undefined) return;
    this.keptTemps.delete(id);
    await this.io.unlink(kept).catch(() => undefined);
  }

  /** Ids come from the renderer: only a UUID can name a folder, so `../` never reaches the disk. */
  /** The folder of a live draft (its file, `assets/`); NOT_FOUND for a malformed id. */
  folderOf(id: string): string {
    return this.dirOf(id);
  }

  private dirOf(id: string): string {
    if (!isDraftId(id)) throw draftNotFound();
    return join(this.draftsDir, id);
  }
}
