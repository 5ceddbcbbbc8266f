import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/ipc/result';
import { type AtomicWriteOptions, writeFileAtomic } from '../fs/atomic-write';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { isNotFound } from '../fs/fs-errors';
import { sweepTempFiles } from '../fs/temp-sweep';
import { type Clock, type Logger, silentLogger, systemClock } from '../ports';
import { checkJobText, compareJobs, type NewJob, type OutboxJob, OutboxJobSchema, serializeJob } from './job';
import { type JobProblem, loadJobFiles } from './load';

export type { JobProblem } from './load';

export interface OutboxStoreOptions {
  /** The data folder; jobs live in `<folder>/outbox/<jobId>.json`. */
  folder: string;
  clock?: Clock;
  logger?: Logger;
  /** Tests inject faults (or skip fsync for speed) here. */
  io?: FileIo;
  atomicWrite?: AtomicWriteOptions;
}

/**
 * The outbox on disk: one file per job, each written with the crash-safe writer. The jobs are
 * also held in memory (one process owns the folder), and every change goes to disk before the
 * worker acts on it. Opening the store cleans up after a crash: orphan temps are swept, damaged
 * files are set aside and reported (on every start, until someone deals with them), and a job
 * cut off mid-send is marked outcome-unknown so it is reconciled before any re-send.
 */
export class OutboxStore {
  private readonly jobs = new Map<string, OutboxJob>();
  private readonly writes = new Map<string, Promise<void>>();
  /** Files that could not be loaded, as found when the store was opened. */
  readonly problems: JobProblem[] = [];
  /** Jobs that were `sending` when the app stopped: their outcome is unknown. */
  readonly recovered: string[] = [];

  private constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly io: FileIo,
    private readonly writeOptions: AtomicWriteOptions,
  ) {}

  static async open(options: OutboxStoreOptions): Promise<OutboxStore> {
    const dir = join(options.folder, 'outbox');
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new AppFailure('IO_ERROR', 'Newsroom could not open its publishing queue folder.', { cause: error });
    }
    const { clock = systemClock, logger = silentLogger, io = nodeFileIo } = options;
    const store = new OutboxStore(dir, clock, logger, io, options.atomicWrite ?? {});
    const isValid = (text: string): boolean => checkJobText(text).kind !== 'corrupt';
    await sweepTempFiles(dir, { isValid, io, clock, logger }).catch((error: unknown) => {
      logger.error('outbox: temp sweep failed', { error: String(error) });
    });
    const loaded = await loadJobFiles(dir, { clock, logger, io });
    for (const job of loaded.jobs) store.jobs.set(job.id, job);
    store.problems.push(...loaded.problems);
    await store.recover();
    return store;
  }

  /** Every job, in sending order (creation time, then sequence number). */
  list(): OutboxJob[] {
    return [...this.jobs.values()].sort(compareJobs);
  }

  get(id: string): OutboxJob | undefined {
    return this.jobs.get(id);
  }

  /** Adds a job; it exists (in memory and on disk) only once this resolves. */
  async enqueue(input: NewJob): Promise<OutboxJob> {
    const now = this.clock.now().toISOString();
    const jobs = this.list();
    const last = jobs.at(-1);
    // Never before the last job, so a clock set back cannot reorder a story's actions.
    const createdAt = last !== undefined && last.createdAt > now ? last.createdAt : now;
    const parsed = OutboxJobSchema.safeParse({
      id: randomUUID(),
      seq: jobs.reduce((max, job) => Math.max(max, job.seq), 0) + 1,
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
      draftId: input.draftId,
      profileId: input.profileId,
      action: input.action,
      payload: input.payload ?? null,
      state: 'pending',
      outcomeUnknown: false,
      attempts: 0,
      failures: 0,
      serverErrors: 0,
      createdAt,
      updatedAt: now,
      notBefore: input.notBefore ?? now,
    });
    if (!parsed.success) throw new AppFailure('INVALID_INPUT', 'The publishing job is not valid.');
    const job = parsed.data;
    await this.write(job);
    this.jobs.set(job.id, job);
    return job;
  }

  /**
   * Records a job's new state. Memory changes at once (it is what the worker acts on); the
   * promise says whether the disk has it. Writes to one job land in the order they were made.
   */
  save(job: OutboxJob): Promise<void> {
    if (!OutboxJobSchema.safeParse(job).success) {
      // Never write what the next start would set aside as damaged.
      return Promise.reject(new AppFailure('INTERNAL', 'A publishing job was about to be saved in a broken state.'));
    }
    this.jobs.set(job.id, job);
    return this.write(job);
  }

  /** Deletes a job's file (the user discarded it). */
  remove(id: string): Promise<void> {
    this.jobs.delete(id);
    return this.chain(id, async () => {
      await this.io.unlink(this.pathOf(id)).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
      await this.io.fsyncDir(this.dir);
    });
  }

  /** Resolves once every write issued so far has settled. */
  async whenWritten(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes.values()]);
  }

  private write(job: OutboxJob): Promise<void> {
    return this.chain(job.id, () => writeFileAtomic(this.pathOf(job.id), serializeJob(job), this.io, this.writeOptions));
  }

  private chain(id: string, task: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(id) ?? Promise.resolve()).catch(() => undefined).then(task);
    this.writes.set(id, next);
    const forget = (): void => {
      if (this.writes.get(id) === next) this.writes.delete(id);
    };
    next.then(forget, forget);
    return next;
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private async recover(): Promise<void> {
    const now = this.clock.now().toISOString();
    for (const job of this.list()) {
      if (job.state !== 'sending') continue;
      // The request may or may not have reached the CMS: ask the CMS before sending again.
      // notBefore keeps the moment the send began (its last write): the worker counts its grace
      // period from there. If the disk refuses, the file still says `sending`: same next start.
      const next: OutboxJob = { ...job, state: 'waiting', outcomeUnknown: true, notBefore: job.updatedAt, updatedAt: now };
      await this.save(next).catch((error: unknown) => {
        this.logger.error('outbox: could not record a recovered job', { id: job.id, error: String(error) });
      });
      this.recovered.push(job.id);
      this.logger.warn('outbox: job was cut off mid-send; it will be reconciled', { id: job.id, draftId: job.draftId });
    }
  }
}
