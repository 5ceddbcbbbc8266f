import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { countBodyWords } from '../../../shared/editor/word-count';
import { type Article, emptyBody } from '../../../shared/model/article';
import { type Draft, type DraftProblem, type DraftSummary, PublicationSchema } from '../../../shared/model/draft';
import { AppFailure } from '../../../shared/ipc/result';
import { type AtomicWriteOptions, AtomicWriteFailure, writeFileAtomic } from '../fs/atomic-write';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { toAppFailure } from '../fs/fs-errors';
import { fileStamp, pathExists } from '../fs/set-aside';
import { sweepTempFiles } from '../fs/temp-sweep';
import { type Clock, type Logger, silentLogger, systemClock } from '../ports';
import { checkArticle, checkDraftText, DRAFT_FILE_NAME, serializeDraft } from './draft-file';
import { draftNotFound, DraftUnreadable, loadDraft, type ReaderDeps } from './draft-reader';
import { KeyedQueue } from './keyed-queue';
import { mapLimit } from './map-limit';

export interface DraftStoreOptions {
  /** The data folder; drafts live in `<folder>/drafts/<id>/draft.json`, the trash in `<folder>/trash/`. */
  folder: string;
  clock?: Clock;
  logger?: Logger;
  /** Tests inject faults here. */
  io?: FileIo;
  atomicWrite?: AtomicWriteOptions;
}

export interface SaveReceipt {
  revision: number;
  savedAt: string;
  wordCount: number;
}

type Publication = Draft['publication'];
type Listed = { summary: DraftSummary } | { problem: DraftProblem } | undefined;

const DraftId = z.uuid();
const isDraftId = (id: string): boolean => DraftId.safeParse(id).success;
/** Reading a thousand drafts at once would run out of file handles. */
const LIST_CONCURRENCY = 8;

/**
 * Drafts on disk (DESIGN §6). Every file operation on one draft runs through a per-draft queue,
 * so saves land in the order they were issued and a corrupt file is set aside exactly once.
 * A damaged draft file is moved aside, never overwritten, and reported; the rest keep working.
 */
export class DraftStore {
  private readonly queue = new KeyedQueue();
  /** Complete new content left behind by a rename that kept failing; dropped once superseded. */
  private readonly keptTemps = new Map<string, string>();

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
  ) {}

  static async open(options: DraftStoreOptions): Promise<DraftStore> {
    const draftsDir = join(options.folder, 'drafts');
    const trashDir = join(options.folder, 'trash');
    try {
      await mkdir(draftsDir, { recursive: true });
      await mkdir(trashDir, { recursive: true });
    } catch (error) {
      throw toAppFailure(error, 'open');
    }
    const store = new DraftStore(
      draftsDir,
      trashDir,
      options.clock ?? systemClock,
      options.logger ?? silentLogger,
      options.io ?? nodeFileIo,
      options.atomicWrite ?? {},
    );
    await store.sweep();
    return store;
  }

  async list(): Promise<{ drafts: DraftSummary[]; problems: DraftProblem[] }> {
    const ids = await this.draftIds();
    const listed = await mapLimit(ids, LIST_CONCURRENCY, (id) => this.queue.run(id, () => this.listOne(id)));
    const drafts: DraftSummary[] = [];
    const problems: DraftProblem[] = [];
    for (const item of listed) {
      if (item === undefined) continue;
      if ('summary' in item) drafts.push(item.summary);
      else problems.push(item.problem);
    }
    drafts.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.id.localeCompare(b.id));
    return { drafts, problems };
  }

  async create(init: { headline?: string | undefined } = {}): Promise<Draft> {
    const now = this.clock.now().toISOString();
    const id = randomUUID();
    const article = checkArticle({ headline: init.headline ?? '', body: emptyBody() });
    const draft: Draft = { id, createdAt: now, updatedAt: now, revision: 0, article, publication: {} };
    return this.queue.run(id, async () => {
      const dir = join(this.draftsDir, id);
      try {
        await mkdir(dir);
        await this.io.fsyncDir(this.draftsDir);
      } catch (error) {
        throw toAppFailure(error, 'create');
      }
      try {
        await this.write(id, draft);
      } catch (error) {
        await rmdir(dir).catch(() => undefined); // an empty folder would only be noise in the list
        throw error;
      }
      return draft;
    });
  }

  /** Waits for saves already issued to this draft, so it returns what was last saved. */
  read(id: string): Promise<Draft> {
    return this.queue.run(id, () => loadDraft(this.dirOf(id), id, 'read', this.deps));
  }

  async save(id: string, article: Article): Promise<SaveReceipt> {
    const checked = checkArticle(article);
    return this.queue.run(id, async () => {
      const current = await loadDraft(this.dirOf(id), id, 'save', this.deps);
      const next: Draft = {
        ...current,
        article: checked,
        revision: current.revision + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      await this.write(id, next);
      return { revision: next.revision, savedAt: next.updatedAt, wordCount: countBodyWords(checked.body) };
    });
  }

  /** Records where the draft went; the text, revision and updatedAt stay as they are. */
  setPublication(id: string, update: (current: Publication) => Publication): Promise<Draft> {
    return this.queue.run(id, async () => {
      const current = await loadDraft(this.dirOf(id), id, 'save', this.deps);
      const parsed = PublicationSchema.safeParse(update(current.publication));
      if (!parsed.success) throw new AppFailure('INVALID_INPUT', 'The publication record is not valid.');
      const next: Draft = { ...current, publication: parsed.data };
      await this.write(id, next);
      return next;
    });
  }

  /** Moves the whole draft folder to the trash, after the saves already issued to it. */
  trash(id: string): Promise<void> {
    return this.queue.run(id, async () => {
      const dir = this.dirOf(id);
      if (!(await this.exists(dir))) throw draftNotFound();
      await this.dropKeptTemp(id);
      let target = join(this.trashDir, id);
      if (await this.exists(target)) target = `${target}-${fileStamp(this.clock.now())}`;
      try {
        await this.io.rename(dir, target);
        await this.io.fsyncDir(this.draftsDir);
        await this.io.fsyncDir(this.trashDir);
      } catch (error) {
        throw toAppFailure(error, 'trash');
      }
      this.logger.info('draft moved to trash', { id, target });
    });
  }

  /** Resolves when every queued write has settled: call before quitting. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  private async sweep(): Promise<void> {
    const isValid = (text: string): boolean => checkDraftText(text).kind !== 'corrupt';
    await mapLimit(await this.draftIds(), LIST_CONCURRENCY, async (id) => {
      try {
        await sweepTempFiles(this.dirOf(id), { isValid, io: this.io, clock: this.clock, logger: this.logger });
      } catch (error) {
        this.logger.error('sweep failed for a draft folder', { id, error: String(error) });
      }
    });
  }

  private async draftIds(): Promise<string[]> {
    const entries = await readdir(this.draftsDir, { withFileTypes: true }).catch((error: unknown) => {
      throw toAppFailure(error, 'open');
    });
    return entries.filter((entry) => entry.isDirectory() && isDraftId(entry.name)).map((entry) => entry.name);
  }

  private async listOne(id: string): Promise<Listed> {
    try {
      const draft = await loadDraft(this.dirOf(id), id, 'read', this.deps);
      const wordpress = draft.publication.wordpress;
      const summary: DraftSummary = {
        id,
        headline: draft.article.headline,
        wordCount: countBodyWords(draft.article.body),
        updatedAt: draft.updatedAt,
        published: wordpress !== undefined,
        ...(wordpress === undefined ? {} : { publishedUrl: wordpress.url }),
      };
      return { summary };
    } catch (error) {
      // One bad draft becomes a problem in the list; it never fails the whole list.
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return undefined; // creation cut short
      const reason = error instanceof AppFailure ? error.message : 'The draft could not be read.';
      const keptAs = error instanceof DraftUnreadable ? error.keptAs : join(this.dirOf(id), DRAFT_FILE_NAME);
      if (!(error instanceof AppFailure)) this.logger.error('listing a draft failed', { id, error: String(error) });
      return { problem: { id, reason, keptAs } };
    }
  }

  private async exists(path: string): Promise<boolean> {
    return pathExists(path).catch((error: unknown) => {
      throw toAppFailure(error, 'trash');
    });
  }

  private async write(id: string, draft: Draft): Promise<void> {
    try {
      await writeFileAtomic(join(this.dirOf(id), DRAFT_FILE_NAME), serializeDraft(draft), this.io, this.writeOptions);
    } catch (error) {
      if (error instanceof AtomicWriteFailure && error.keptTemp !== undefined) {
        await this.dropKeptTemp(id); // the new one holds newer text
        this.keptTemps.set(id, error.keptTemp);
        this.logger.warn('save failed at rename; new text kept in a temp file', { id, keptTemp: error.keptTemp });
      }
      throw error;
    }
    await this.dropKeptTemp(id);
  }

  private async dropKeptTemp(id: string): Promise<void> {
    const kept = this.keptTemps.get(id);
    if (kept === undefined) return;
    this.keptTemps.delete(id);
    await this.io.unlink(kept).catch(() => undefined);
  }

  /** Ids come from the renderer: only a UUID can name a folder, so `../` never reaches the disk. */
  private dirOf(id: string): string {
    if (!isDraftId(id)) throw draftNotFound();
    return join(this.draftsDir, id);
  }
}
