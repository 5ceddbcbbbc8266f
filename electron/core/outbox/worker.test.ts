import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffCeiling, MAX_RETRY_AFTER_MS, parseRetryAfter } from './backoff';
import { OutboxStore } from './outbox-store';
import {
  DRAFT_A,
  DRAFT_B,
  FakeTime,
  HOUR,
  httpFailure,
  job,
  networkFailure,
  noSyncIo,
  remoteFor,
  seededRandom,
  settle,
  startWorker,
  stopWorkers,
  tempFolder,
} from './testing';

let work: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  work = await tempFolder();
});
afterEach(async () => {
  await stopWorkers();
  await work.remove();
});


describe('OutboxWorker: order', () => {
  it('sends a story’s actions in order, one at a time, while other stories go meanwhile', async () => {
    const { worker, time, transport, store } = await startWorker(work.path);
    let failuresLeft = 2;
    const inFlight = new Map<string, number>();
    let overlap = false;
    transport.onSend = async (j) => {
      inFlight.set(j.draftId, (inFlight.get(j.draftId) ?? 0) + 1);
      overlap ||= (inFlight.get(j.draftId) ?? 0) > 1;
      await new Promise((resolve) => setImmediate(resolve));
      inFlight.set(j.draftId, (inFlight.get(j.draftId) ?? 1) - 1);
      if (j.draftId === DRAFT_A && j.action === 'create' && failuresLeft-- > 0) throw httpFailure(503);
      return remoteFor(j);
    };
    const a = [await worker.enqueue(job(DRAFT_A)), await worker.enqueue(job(DRAFT_A, 'update')), await worker.enqueue(job(DRAFT_A, 'unpublish'))];
    const b = [await worker.enqueue(job(DRAFT_B)), await worker.enqueue(job(DRAFT_B, 'update'))];
    await settle(worker, time);

    expect(store.list().every((j) => j.state === 'done')).toBe(true);
    expect(worker.pendingCount()).toBe(0);
    expect(overlap).toBe(false);
    expect(transport.sends((c) => c.draftId === DRAFT_A).map((c) => c.jobId)).toEqual([a[0]!.id, a[0]!.id, a[0]!.id, a[1]!.id, a[2]!.id]);
    expect(transport.sends((c) => c.draftId === DRAFT_B).map((c) => c.jobId)).toEqual(b.map((j) => j.id));
    // B did not wait for A's retries.
    const bDone = Math.max(...transport.sends((c) => c.draftId === DRAFT_B).map((c) => c.at));
    expect(bDone).toBeLessThan(transport.sends((c) => c.jobId === a[1]!.id)[0]!.at);
    // An update queued behind the create learns the post the create made.
    expect(transport.sends((c) => c.jobId === a[1]!.id)[0]!.earlier).toEqual(remoteFor(a[0]!));
  });

  it('reports progress: pending → sending → done, each already on disk', async () => {
    const { worker, time, progress } = await startWorker(work.path);
    const queued = await worker.enqueue(job(DRAFT_A));
    await settle(worker, time);
    expect(progress.map((j) => j.state)).toEqual(['pending', 'sending', 'done']);
    const reread = await OutboxStore.open({ folder: work.path, clock: time });
    expect(reread.get(queued.id)).toEqual(progress.at(-1));
  });
});

describe('OutboxWorker: retries', () => {
  it('P3/P11, 500 seeded failures: each retry waits within the backoff bounds, never before Retry-After', { timeout: 60_000 }, async () => {
    const time = new FakeTime();
    const script = seededRandom(99);
    const store = await OutboxStore.open({ folder: work.path, clock: time, io: noSyncIo });
    const lastFailure = new Map<string, { at: number; floor: number }>();
    let failures = 0;
    const { worker, transport } = await startWorker(work.path, { time, store, random: seededRandom(5) });
    transport.onSend = (j, call) => {
      const last = lastFailure.get(j.id);
      if (last !== undefined) {
        const gap = call.at - last.at;
        expect(gap, `job ${j.seq}, failure ${j.failures}`).toBeGreaterThanOrEqual(last.floor);
        expect(gap, `job ${j.seq}, failure ${j.failures}`).toBeLessThanOrEqual(Math.max(last.floor, backoffCeiling(j.failures)));
        // Exactly when the job said, not a moment earlier or later: one request per backoff slot.
        expect(call.at).toBe(Date.parse(j.notBefore));
      }
      if (script() < 0.3) return remoteFor(j);
      failures += 1;
      const now = time.now();
      const seconds = Math.floor(script() * 900);
      const failure = [
        networkFailure(false),
        httpFailure(408),
        httpFailure(429, { retryAfter: String(seconds) }),
        httpFailure(429, { retryAfter: new Date(now.getTime() + seconds * 1000).toUTCString() }),
        httpFailure(502),
        httpFailure(503, { retryAfter: String(seconds) }),
        httpFailure(504),
      ][Math.floor(script() * 7)]!;
      lastFailure.set(j.id, { at: call.at, floor: Math.min(parseRetryAfter(failure.retryAfter, now) ?? 0, MAX_RETRY_AFTER_MS) });
      throw failure;
    };
    // Five stories, each on its own account so one's 429 pause cannot move another's retry:
    // every retry is then its lane's next request, and its timing is the job's own.
    const lanes = [0, 1, 2, 3, 4].map((i) => ({ draftId: `00000000-0000-4000-8000-00000000010${i}`, profileId: `cms-${i}` }));
    while (failures < 500) {
      for (const lane of lanes) await worker.enqueue({ ...lane, action: 'update', payload: null });
      await settle(worker, time, () => worker.pendingCount() === 0);
    }
    expect(worker.pendingCount()).toBe(0);
    expect(transport.sends().length).toBeGreaterThanOrEqual(500);
  });

  it('500 is retried at most 3 times, then parked with a plain message', async () => {
    const { worker, time, transport, store } = await startWorker(work.path);
    transport.onSend = () => {
      throw httpFailure(500, { message: 'The WordPress site at https://news.test had an internal error (HTTP 500).' });
    };
    const queued = await worker.enqueue(job(DRAFT_A));
    await settle(worker, time);
    time.advance(48 * HOUR);
    await settle(worker, time);
    expect(transport.sends()).toHaveLength(4);
    expect(store.get(queued.id)).toMatchObject({ state: 'failed', lastError: { status: 500, message: expect.stringMatching(/tried 4 times and stopped/) } });
  });

  it('wake() sends a job waiting after a connection failure now, but not one under Retry-After', async () => {
    const { worker, time, transport, store } = await startWorker(work.path, { random: () => 0.99 });
    transport.onSend = (j) => {
      if (j.draftId === DRAFT_A && j.failures < 5) throw networkFailure(false);
      if (j.draftId === DRAFT_B && j.failures < 1) throw httpFailure(503, { retryAfter: '600' });
      return remoteFor(j);
    };
    const offline = await worker.enqueue(job(DRAFT_A));
    const limited = await worker.enqueue(job(DRAFT_B));
    await settle(worker, time, () => store.get(offline.id)?.failures === 5);
    expect(Date.parse(store.get(offline.id)!.notBefore) - time.now().getTime()).toBeGreaterThan(30_000);
    const before = transport.sends().length;

    await worker.wake();
    await worker.whenIdle();
    const woken = transport.sends().slice(before);
    expect(woken.map((c) => [c.jobId, c.at])).toEqual([[offline.id, time.now().getTime()]]);
    expect(store.get(offline.id)?.state).toBe('done');
    expect(store.get(limited.id)?.state).toBe('waiting');
  });
});

describe('OutboxWorker: stop', () => {
  it('waits for the send in flight to settle and be written, and starts nothing more', async () => {
    const { worker, transport, time } = await startWorker(work.path, { maxInFlight: 1 });
    let release: () => void = () => undefined;
    transport.onSend = (j) => new Promise((resolve) => (release = () => resolve(remoteFor(j))));
    const sent = await worker.enqueue(job(DRAFT_A));
    await worker.enqueue(job(DRAFT_B));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(transport.sends()).toHaveLength(1);

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(transport.sends()).toHaveLength(1);
    const reread = await OutboxStore.open({ folder: work.path, clock: time });
    expect(reread.get(sent.id)?.state).toBe('done');
    expect(reread.recovered).toEqual([]);
  });
});
