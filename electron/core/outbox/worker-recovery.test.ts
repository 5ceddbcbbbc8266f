import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errno, withFaults } from '../fs/fault-io';
import type { NewJob, OutboxJob, RemoteResult } from './job';
import { OutboxStore } from './outbox-store';
import { DEFAULT_RECONCILE_AFTER_MS } from './policy';
import { DRAFT_A, DRAFT_B, FakeTime, networkFailure, noSyncIo, remoteFor, ScriptedTransport, seededRandom, settle, startWorker, stopWorkers, tempFolder } from './testing';

let work: { path: string; remove: () => Promise<void> };
let time: FakeTime;
beforeEach(async () => {
  work = await tempFolder();
  time = new FakeTime();
});
afterEach(async () => {
  await stopWorkers();
  await work.remove();
});

const create = (draftId = DRAFT_A): NewJob => ({ draftId, profileId: 'wp', action: 'create', payload: { headline: 'Bridge closed' } });

/** What a crash mid-send leaves: a job file in `sending`. Returns the job as it was sent. */
async function crashedMidSend(): Promise<OutboxJob> {
  const store = await OutboxStore.open({ folder: work.path, clock: time });
  const queued = await store.enqueue(create());
  const sending: OutboxJob = { ...queued, state: 'sending', attempts: 1, updatedAt: time.now().toISOString() };
  await store.save(sending);
  return sending;
}

describe('OutboxWorker after a crash mid-send', () => {
  it('reconciles before anything else; when the post exists, the job is done without a second send', async () => {
    const sent = await crashedMidSend();
    const sentAt = time.now().getTime();
    const found: RemoteResult = { remoteId: '812', url: 'https://news.test/?p=812' };
    const transport = new ScriptedTransport(time, undefined, () => found);
    const { worker, store } = await startWorker(work.path, { time, transport });
    await settle(worker, time);

    expect(transport.calls.map((c) => c.kind)).toEqual(['reconcile']);
    expect(transport.calls[0]!.at - sentAt).toBeGreaterThanOrEqual(DEFAULT_RECONCILE_AFTER_MS);
    expect(store.get(sent.id)).toMatchObject({ state: 'done', result: found, outcomeUnknown: false, attempts: 1 });
    const reread = await OutboxStore.open({ folder: work.path, clock: time });
    expect(reread.get(sent.id)?.state).toBe('done');
  });

  it('when the CMS has nothing, sends again with the SAME idempotency key', async () => {
    const sent = await crashedMidSend();
    const { worker, store, transport } = await startWorker(work.path, { time });
    await settle(worker, time);
    expect(transport.calls.map((c) => [c.kind, c.idempotencyKey])).toEqual([
      ['reconcile', sent.idempotencyKey],
      ['send', sent.idempotencyKey],
    ]);
    expect(store.get(sent.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('while the CMS cannot be asked (offline), it keeps asking with backoff and never sends', async () => {
    const sent = await crashedMidSend();
    let online = false;
    const transport = new ScriptedTransport(time, undefined, () => {
      if (!online) throw networkFailure(false);
      return null;
    });
    const { worker, store } = await startWorker(work.path, { time, transport });
    await settle(worker, time, () => transport.calls.length >= 12);
    expect(transport.calls.every((c) => c.kind === 'reconcile')).toBe(true);
    expect(store.get(sent.id)).toMatchObject({ state: 'waiting', outcomeUnknown: true });
    const gaps = transport.calls.slice(1).map((c, i) => c.at - transport.calls[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10 * 60_000);

    online = true;
    await worker.wake();
    await settle(worker, time);
    expect(transport.calls.slice(-2).map((c) => c.kind)).toEqual(['reconcile', 'send']);
    expect(store.get(sent.id)?.state).toBe('done');
  });
});

describe('OutboxWorker when the answer is lost', () => {
  it('P1 in miniature: resets after commit on 30% of 200 creates make 0 duplicates and lose 0 jobs', { timeout: 60_000 }, async () => {
    const random = seededRandom(30);
    const posts = new Map<string, RemoteResult>(); // the CMS, keyed by the marker the adapter leaves
    const commits = new Map<string, number>();
    let resets = 0;
    const transport = new ScriptedTransport(
      time,
      (job) => {
        if (random() < 0.05) throw networkFailure(true); // dropped before the CMS saw it
        const post = remoteFor(job);
        posts.set(job.idempotencyKey, post);
        commits.set(job.idempotencyKey, (commits.get(job.idempotencyKey) ?? 0) + 1);
        if (random() < 0.3) {
          resets += 1;
          throw networkFailure(true); // committed, then the connection reset
        }
        return post;
      },
      (job) => posts.get(job.idempotencyKey) ?? null,
    );
    const store = await OutboxStore.open({ folder: work.path, clock: time, io: noSyncIo });
    const { worker } = await startWorker(work.path, { time, transport, store, random });
    const drafts = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const draftId of drafts) await worker.enqueue(create(draftId));
    await settle(worker, time, () => worker.pendingCount() === 0);

    const jobs = store.list();
    expect(resets).toBeGreaterThan(40);
    expect(jobs).toHaveLength(200);
    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    expect([...commits.values()].every((n) => n === 1)).toBe(true);
    expect(commits.size).toBe(200);
    for (const j of jobs) expect(j.result).toEqual(posts.get(j.idempotencyKey));
    // Every re-send was preceded by a reconcile that found nothing.
    for (const j of jobs) {
      const calls = transport.calls.filter((c) => c.jobId === j.id).map((c) => c.kind);
      calls.forEach((kind, i) => i > 0 && kind === 'send' && expect(calls[i - 1]).toBe('reconcile'));
    }
  });

  it('a send the disk could not record as `sending` is not sent until it can be', async () => {
    let diskFull = true;
    const io = withFaults({
      open: async (path, flags) => {
        if (diskFull && path.includes('.json.')) throw errno('ENOSPC', 'open');
        return noSyncIo.open(path, flags);
      },
    }, noSyncIo);
    const store = await OutboxStore.open({ folder: work.path, clock: time, io: noSyncIo });
    const queued = await store.enqueue(create());
    const faulty = await OutboxStore.open({ folder: work.path, clock: time, io });
    const { worker, transport } = await startWorker(work.path, { time, store: faulty });
    await settle(worker, time, () => (faulty.get(queued.id)?.failures ?? 0) >= 3);
    expect(transport.calls).toHaveLength(0);
    expect(faulty.get(queued.id)?.state).toBe('pending');

    diskFull = false;
    await settle(worker, time);
    expect(transport.sends()).toHaveLength(1);
    expect(faulty.get(queued.id)?.state).toBe('done');
  });

  it('a job sent but not recorded as done (disk failed) is reconciled at the next start, not sent twice', async () => {
    let failDone = false;
    const io = withFaults({
      open: async (path, flags) => {
        if (failDone) throw errno('EIO', 'open');
        return noSyncIo.open(path, flags);
      },
    }, noSyncIo);
    const store = await OutboxStore.open({ folder: work.path, clock: time, io });
    const transport = new ScriptedTransport(time, (job) => {
      failDone = true; // the disk dies while the request is out
      return remoteFor(job);
    }, (job) => remoteFor(job));
    const { worker } = await startWorker(work.path, { time, transport, store });
    const queued = await worker.enqueue(create(DRAFT_B));
    await settle(worker, time);
    expect(store.get(queued.id)?.state).toBe('done'); // what the app shows this session
    await worker.stop();

    failDone = false;
    const restarted = await startWorker(work.path, { time, transport });
    expect(restarted.store.recovered).toEqual([queued.id]);
    await settle(restarted.worker, time);
    expect(transport.calls.map((c) => c.kind)).toEqual(['send', 'reconcile']);
    expect(restarted.store.get(queued.id)).toMatchObject({ state: 'done', result: remoteFor(queued) });
  });

  it('an answer that does not say where the story went parks the job as "outcome unknown"; Retry reconciles', async () => {
    const transport = new ScriptedTransport(time, () => ({ remoteId: '', url: 'https://news.test/' }), (job) => remoteFor(job));
    const { worker, store } = await startWorker(work.path, { time, transport });
    const queued = await worker.enqueue(create());
    await settle(worker, time);
    expect(store.get(queued.id)).toMatchObject({ state: 'failed', outcomeUnknown: true, lastError: { code: 'BAD_RESPONSE' } });
    await worker.retry(queued.id);
    await settle(worker, time);
    expect(transport.calls.map((c) => c.kind)).toEqual(['send', 'reconcile']);
    expect(store.get(queued.id)).toMatchObject({ state: 'done', result: remoteFor(queued) });
  });
});
