import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxJob } from './job';
import { DRAFT_A, DRAFT_B, DRAFT_C, HOUR, httpFailure, job, remoteFor, settle, startWorker, stopWorkers, tempFolder } from './testing';
import { SendFailure } from './transport';

let work: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  work = await tempFolder();
});
afterEach(async () => {
  await stopWorkers();
  await work.remove();
});


describe('OutboxWorker: answers that are not retried', () => {
  it('P8: a 401 stops that account’s queue (0 further requests) until resume; other accounts go on', async () => {
    const { worker, time, transport, store } = await startWorker(work.path);
    let signInFixed = false;
    transport.onSend = (j) => {
      if (j.profileId === 'wp' && !signInFixed) throw httpFailure(401, { message: 'The WordPress site did not accept the application password.' });
      return remoteFor(j);
    };
    const first = await worker.enqueue(job(DRAFT_A));
    await settle(worker, time);
    expect(store.get(first.id)).toMatchObject({ state: 'held', lastError: { status: 401, message: expect.stringMatching(/Settings/) } });
    expect(worker.isAccountStopped('wp')).toBe(true);

    const second = await worker.enqueue(job(DRAFT_B));
    const ghost = await worker.enqueue(job(DRAFT_C, 'create', 'ghost'));
    await settle(worker, time);
    time.advance(24 * HOUR);
    await worker.wake();
    await settle(worker, time);
    expect(transport.sends((c) => c.profileId === 'wp')).toHaveLength(1);
    expect(store.get(ghost.id)?.state).toBe('done');

    // Still stopped after a restart: the held job on disk says so.
    await worker.stop();
    const restarted = await startWorker(work.path, { time, transport });
    await settle(restarted.worker, time);
    expect(transport.sends((c) => c.profileId === 'wp')).toHaveLength(1);

    signInFixed = true;
    await restarted.worker.resume('wp');
    await settle(restarted.worker, time);
    // One more request each: the held job again, and the one that had been waiting behind the stop.
    expect(transport.sends((c) => c.jobId === first.id)).toHaveLength(2);
    expect(transport.sends((c) => c.jobId === second.id)).toHaveLength(1);
    expect(restarted.store.list().every((j) => j.state === 'done')).toBe(true);
  });

  it.each([400, 403, 404, 409, 413, 422])('P10: %i is never retried; the story’s later actions wait, other stories go', async (status) => {
    const { worker, time, transport, store } = await startWorker(work.path);
    let fixed = false;
    transport.onSend = (j) => {
      if (j.draftId === DRAFT_A && j.action === 'update' && !fixed) throw httpFailure(status, { message: `The CMS refused the update (HTTP ${status}).` });
      return remoteFor(j);
    };
    await worker.enqueue(job(DRAFT_A));
    const refused = await worker.enqueue(job(DRAFT_A, 'update'));
    const behind = await worker.enqueue(job(DRAFT_A, 'unpublish'));
    const other = await worker.enqueue(job(DRAFT_B));
    await settle(worker, time);
    time.advance(7 * 24 * HOUR);
    await worker.wake();
    await settle(worker, time);

    expect(transport.sends((c) => c.jobId === refused.id)).toHaveLength(1);
    expect(transport.sends((c) => c.jobId === behind.id)).toHaveLength(0);
    expect(store.get(other.id)?.state).toBe('done');
    const parked = store.get(refused.id) as OutboxJob;
    expect(parked).toMatchObject({ state: 'failed', lastError: { status } });
    expect(parked.lastError?.message).toMatch(/^The CMS refused the update \(HTTP \d+\)\. [A-Z].+\.$/);

    // The user fixed the cause and chose Retry: the story's queue moves again.
    fixed = true;
    await worker.retry(refused.id);
    await settle(worker, time);
    expect(store.list().every((j) => j.state === 'done')).toBe(true);
  });

  it('an adapter that throws something unexpected parks the job, keeping it as "outcome unknown"', async () => {
    const { worker, time, transport, store } = await startWorker(work.path);
    transport.onSend = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const queued = await worker.enqueue(job(DRAFT_A));
    await settle(worker, time);
    expect(store.get(queued.id)).toMatchObject({ state: 'failed', outcomeUnknown: true, lastError: { code: 'INTERNAL' } });
    expect(transport.sends()).toHaveLength(1);
    expect(transport.calls.filter((c) => c.kind === 'reconcile')).toHaveLength(0);
  });

  it('a 429 pauses the whole account until its Retry-After', async () => {
    const { worker, time, transport } = await startWorker(work.path, { maxInFlight: 1 });
    transport.onSend = (j) => {
      if (transport.sends().length === 1) throw new SendFailure({ code: 'CMS_ERROR', message: 'Too many requests.', status: 429, retryAfter: '120', outcomeUnknown: false });
      return remoteFor(j);
    };
    const start = time.now().getTime();
    await worker.enqueue(job(DRAFT_A));
    await worker.enqueue(job(DRAFT_B));
    await settle(worker, time);
    const [, ...rest] = transport.sends();
    expect(rest.length).toBe(2);
    for (const call of rest) expect(call.at - start).toBeGreaterThanOrEqual(120_000);
  });
});
