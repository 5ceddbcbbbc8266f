import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFaults } from '../fs/fault-io';
import type { FileIo } from '../fs/file-io';
import type { Clock } from '../ports';
import type { NewJob, OutboxJob, RemoteResult } from './job';
import { OutboxStore } from './outbox-store';
import { type OutboxTransport, type SendContext, SendFailure, type SendFailureInit } from './transport';
import { OutboxWorker, type OutboxWorkerOptions, type Timers } from './worker';

/** Test helpers for the outbox; not imported by app code. */

import { seededRandom } from '../test-support/seeded-random';

export { seededRandom };

/** A clock and timers that move only when told: hours of backoff in a few milliseconds. */
export class FakeTime implements Clock, Timers {
  private ms: number;
  private readonly pending = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;

  constructor(start = '2025-06-01T09:00:00.000Z') {
    this.ms = Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.ms + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Jumps to the earliest timer and fires it; false when none is set. */
  fireNext(): boolean {
    let first: [number, { at: number; run: () => void }] | undefined;
    for (const entry of this.pending) if (first === undefined || entry[1].at < first[1].at) first = entry;
    if (first === undefined) return false;
    this.pending.delete(first[0]);
    this.ms = Math.max(this.ms, first[1].at);
    first[1].run();
    return true;
  }

  /** Moves the clock without firing anything (timers that fall due fire on the next fireNext). */
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * Lets the worker run, jumping fake time from timer to timer, until `until()` holds or nothing
 * is left to do. Throws if it never settles (a retry loop that should have stopped).
 */
export async function settle(worker: OutboxWorker, time: FakeTime, until?: () => boolean, maxSteps = 20_000): Promise<void> {
  for (let step = 0; step < maxSteps; step += 1) {
    await worker.whenIdle();
    if (until?.()) return;
    if (!time.fireNext()) return;
  }
  throw new Error(`outbox did not settle in ${maxSteps} steps`);
}

export interface TransportCall {
  kind: 'send' | 'reconcile';
  jobId: string;
  draftId: string;
  profileId: string;
  idempotencyKey: string;
  /** Fake-time milliseconds when the call was made. */
  at: number;
  earlier: RemoteResult | undefined;
}

type Handler<T> = (job: OutboxJob, call: TransportCall) => Promise<T> | T;

/** A transport whose every answer the test scripts; it records each call in order. */
export class ScriptedTransport implements OutboxTransport {
  readonly calls: TransportCall[] = [];

  constructor(
    private readonly clock: Clock,
    public onSend: Handler<RemoteResult> = (job) => remoteFor(job),
    public onReconcile: Handler<RemoteResult | null> = () => null,
  ) {}

  send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    return Promise.resolve(this.onSend(job, this.record('send', job, context)));
  }

  reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null> {
    return Promise.resolve(this.onReconcile(job, this.record('reconcile', job, context)));
  }

  sends(filter: (call: TransportCall) => boolean = () => true): TransportCall[] {
    return this.calls.filter((call) => call.kind === 'send' && filter(call));
  }

  private record(kind: TransportCall['kind'], job: OutboxJob, context: SendContext): TransportCall {
    const { id: jobId, draftId, profileId, idempotencyKey } = job;
    const call = { kind, jobId, draftId, profileId, idempotencyKey, at: this.clock.now().getTime(), earlier: context.earlier };
    this.calls.push(call);
    return call;
  }
}

export const remoteFor = (job: OutboxJob): RemoteResult => ({
  remoteId: `post-${job.idempotencyKey.slice(0, 8)}`,
  url: `https://cms.test/${job.idempotencyKey.slice(0, 8)}/`,
});

/** A failure as an adapter would classify it; `status` alone means the CMS answered. */
export function httpFailure(status: number, extra: Partial<SendFailureInit> = {}): SendFailure {
  return new SendFailure({ code: status === 401 ? 'AUTH_FAILED' : 'CMS_ERROR', message: `The CMS answered HTTP ${status}.`, status, outcomeUnknown: false, ...extra });
}

export function networkFailure(outcomeUnknown: boolean): SendFailure {
  return new SendFailure({ code: 'UNREACHABLE', message: 'Could not reach the CMS (ECONNRESET).', outcomeUnknown });
}

export async function tempFolder(prefix = 'newsroom-outbox-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * The real file operations without fsync: for tests of the worker's rules that write thousands
 * of job files. Durability itself is tested with the real I/O (the store tests, kill -9).
 */
export const noSyncIo: FileIo = withFaults({ fsync: async () => undefined, fsyncDir: async () => undefined });

const started = new Set<OutboxWorker>();

/** Stops every worker `startWorker` started, so a failed test does not write into a removed folder. */
export async function stopWorkers(): Promise<void> {
  await Promise.all([...started].map((worker) => worker.stop()));
  started.clear();
}

/** A started worker over a store in `folder`, on fake time, with a scripted transport. */
export async function startWorker<T extends OutboxTransport = ScriptedTransport>(
  folder: string,
  options: Omit<Partial<OutboxWorkerOptions>, 'transport'> & { time?: FakeTime; transport?: T } = {},
): Promise<{ store: OutboxStore; worker: OutboxWorker; time: FakeTime; transport: T; progress: OutboxJob[] }> {
  const time = options.time ?? new FakeTime();
  // Without a transport of the test's own, T is the default ScriptedTransport.
  const transport = options.transport ?? (new ScriptedTransport(time) as unknown as T);
  const store = options.store ?? (await OutboxStore.open({ folder, clock: time }));
  const progress: OutboxJob[] = [];
  const worker = new OutboxWorker({ random: seededRandom(1), ...options, store, transport, clock: time, timers: time, onProgress: (job) => progress.push(job) });
  started.add(worker);
  await worker.start();
  return { store, worker, time, transport, progress };
}

export const DRAFT_A = '00000000-0000-4000-8000-00000000000a';
export const DRAFT_B = '00000000-0000-4000-8000-00000000000b';
export const DRAFT_C = '00000000-0000-4000-8000-00000000000c';

/** A job for `draftId`, with a payload naming its action (so records show which is which). */
export const job = (draftId: string, action: NewJob['action'] = 'create', profileId = 'wp'): NewJob => ({
  draftId,
  profileId,
  action,
  payload: { headline: `${action} ${draftId.slice(-1)}` },
});

export const HOUR = 3_600_000;
