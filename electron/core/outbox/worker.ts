import { type Clock, type Logger, silentLogger, systemClock } from '../ports';
import { runAttempt } from './attempt';
import type { BackoffOptions } from './backoff';
import { compareJobs, type NewJob, type OutboxJob } from './job';
import type { OutboxStore } from './outbox-store';
import { DEFAULT_RECONCILE_AFTER_MS, type PolicyOptions } from './policy';
import { MAX_TIMER_MS, systemTimers, type Timers } from './timers';
import type { OutboxTransport, SendContext } from './transport';

export type { Timers } from './timers';

export interface OutboxWorkerOptions {
  store: OutboxStore;
  transport: OutboxTransport;
  clock?: Clock;
  timers?: Timers;
  random?: () => number;
  logger?: Logger;
  /** Called after every change of a job (the shell forwards it to the renderer). */
  onProgress?: (job: OutboxJob) => void;
  backoff?: BackoffOptions;
  maxServerErrorRetries?: number;
  reconcileAfterMs?: number;
  /** A backlog after an outage must not open a hundred connections at once. */
  maxInFlight?: number;
}

/** Jobs of one lane go one at a time, in order: one story on one CMS. */
export const laneOf = (job: OutboxJob): string => `${job.draftId}\u0000${job.profileId}`;

/**
 * Drains the outbox. Lanes are (draft, CMS profile): a story's actions on one CMS go in order,
 * one in flight, and a later one waits while an earlier one waits, is held or needs attention;
 * other stories, and the same story on another CMS, carry on. A 401 stops every lane of that
 * account until `resume`; a 429 pauses them until its Retry-After.
 */
export class OutboxWorker {
  /** Lane → the try in flight there. */
  private readonly running = new Map<string, { jobId: string; settled: Promise<void> }>();
  private readonly stoppedAccounts = new Set<string>();
  private readonly pausedUntil = new Map<string, number>();
  private timer: { handle: unknown } | undefined;
  private status: 'new' | 'running' | 'stopping' = 'new';
  private readonly store: OutboxStore;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly logger: Logger;
  private readonly policy: PolicyOptions;
  private readonly graceMs: number;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? systemTimers;
    this.logger = options.logger ?? silentLogger;
    this.graceMs = options.reconcileAfterMs ?? DEFAULT_RECONCILE_AFTER_MS;
    const { backoff, maxServerErrorRetries } = options;
    this.policy = { random: options.random ?? Math.random, reconcileAfterMs: this.graceMs, backoff, maxServerErrorRetries };
  }

  async start(): Promise<void> {
    for (const job of this.store.list()) if (job.state === 'held') this.stoppedAccounts.add(job.profileId);
    // A send cut off by a crash may still be running on the CMS: give it the grace period.
    for (const id of this.store.recovered) {
      const job = this.store.get(id);
      if (job?.state !== 'waiting' || !job.outcomeUnknown) continue;
      await this.update({ ...job, notBefore: this.iso(Math.max(this.nowMs(), Date.parse(job.notBefore) + this.graceMs)) });
    }
    this.status = 'running';
    this.pump();
  }

  async enqueue(input: NewJob): Promise<OutboxJob> {
    const job = await this.store.enqueue(input);
    this.emit(job);
    this.pump();
    return job;
  }

  /** The account's sign-in was fixed: its held jobs go again, from the first. */
  async resume(profileId: string): Promise<void> {
    this.stoppedAccounts.delete(profileId);
    for (const job of this.store.list()) {
      if (job.profileId === profileId && job.state === 'held') await this.update(this.fresh(job));
    }
    this.pump();
  }

  /** The user asks to try a job that needs attention (or is waiting) again now. */
  async retry(jobId: string): Promise<void> {
    const job = this.store.get(jobId);
    if (job === undefined || this.isRunning(job) || (job.state !== 'failed' && job.state !== 'waiting')) return;
    await this.update({ ...this.fresh(job), serverErrors: 0 });
    this.pump();
  }

  /** Drops a job that is not being sent. If its outcome was unknown, the CMS may have it. */
  async discard(jobId: string): Promise<OutboxJob | undefined> {
    const job = this.store.get(jobId);
    if (job === undefined || this.isRunning(job)) return undefined;
    await this.store.remove(jobId);
    this.pump();
    return job;
  }

  /**
   * The network may be back: jobs waiting after a connection failure go now, not at the end of
   * their backoff. A CMS's Retry-After, a held account and a reconcile grace period still count.
   */
  async wake(): Promise<void> {
    const now = this.nowMs();
    for (const job of this.store.list()) {
      if (job.state !== 'waiting' || job.lastError?.status !== undefined || this.isRunning(job)) continue;
      const earliest = job.outcomeUnknown ? Date.parse(job.updatedAt) + this.graceMs : now;
      if (Date.parse(job.notBefore) > Math.max(earliest, now)) await this.update({ ...job, notBefore: this.iso(Math.max(earliest, now)) });
    }
    this.pump();
  }

  /** Jobs not yet delivered, including those waiting for the user. */
  pendingCount(): number {
    return this.store.list().filter((job) => job.state !== 'done').length;
  }

  isAccountStopped(profileId: string): boolean {
    return this.stoppedAccounts.has(profileId);
  }

  /** Resolves when no try is in flight (a timer may still be set). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()].map((r) => r.settled));
  }

  /** Starts nothing more and waits for the tries in flight to settle and be written. */
  async stop(): Promise<void> {
    this.status = 'stopping';
    this.clearTimer();
    await this.whenIdle();
    await this.store.whenWritten();
  }

  private pump(): void {
    if (this.status !== 'running') return;
    this.clearTimer();
    const now = this.nowMs();
    const seen = new Set<string>();
    let wakeAt = Infinity;
    for (const job of this.store.list()) {
      const lane = laneOf(job);
      if (job.state === 'done' || seen.has(lane)) continue;
      seen.add(lane); // only the first unfinished job of a lane may go
      if (this.running.has(lane) || (job.state !== 'pending' && job.state !== 'waiting')) continue;
      if (this.stoppedAccounts.has(job.profileId)) continue;
      const readyAt = Math.max(Date.parse(job.notBefore), this.pausedUntil.get(job.profileId) ?? 0);
      if (readyAt > now) wakeAt = Math.min(wakeAt, readyAt);
      else if (this.running.size < (this.options.maxInFlight ?? 4)) this.launch(lane, job);
    }
    if (wakeAt !== Infinity) {
      this.timer = { handle: this.timers.setTimeout(() => this.pump(), Math.min(wakeAt - now, MAX_TIMER_MS)) };
    }
  }

  private launch(lane: string, job: OutboxJob): void {
    const deps = { transport: this.options.transport, clock: this.clock, logger: this.logger, policy: this.policy, save: (j: OutboxJob) => this.update(j, true) };
    const settled = runAttempt(job, this.contextFor(job), deps)
      .then((end) => {
        if (end.stopAccount) this.stoppedAccounts.add(job.profileId);
        if (end.pauseAccountUntil !== undefined) {
          this.pausedUntil.set(job.profileId, Math.max(end.pauseAccountUntil, this.pausedUntil.get(job.profileId) ?? 0));
        }
      })
      .catch((error: unknown) => this.logger.error('outbox: a try failed unexpectedly', { id: job.id, error: String(error) }))
      .finally(() => {
        this.running.delete(lane);
        this.pump();
      });
    this.running.set(lane, { jobId: job.id, settled });
  }

  /** A job being reconciled is still `waiting` on disk: only the lane knows it is in flight. */
  private isRunning(job: OutboxJob): boolean {
    return this.running.get(laneOf(job))?.jobId === job.id;
  }

  private contextFor(job: OutboxJob): SendContext {
    const lane = laneOf(job);
    const earlier = this.store.list().filter((j) => j.state === 'done' && laneOf(j) === lane && compareJobs(j, job) < 0).at(-1);
    return { earlier: earlier?.result };
  }

  /** Saves and tells the UI. With `strict`, a refused write rejects (the try must not go on). */
  private async update(job: OutboxJob, strict = false): Promise<void> {
    try {
      await this.store.save(job);
    } catch (error) {
      if (strict) throw error;
      this.logger.error('outbox: could not save a job', { id: job.id, error: String(error) });
    } finally {
      if (this.store.get(job.id) === job) this.emit(job);
    }
  }

  private fresh(job: OutboxJob): OutboxJob {
    return { ...job, state: 'pending', failures: 0, notBefore: this.iso(this.nowMs()), updatedAt: this.iso(this.nowMs()) };
  }

  private emit(job: OutboxJob): void {
    try {
      this.options.onProgress?.(job);
    } catch (error) {
      this.logger.error('outbox: progress listener failed', { error: String(error) });
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer.handle);
    this.timer = undefined;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }
}
