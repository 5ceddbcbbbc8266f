import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleForChild } from '../test-support/bundle-for-child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxJob } from './job';
import { FileCms, readRecords } from './kill9-cms';
import { OutboxStore } from './outbox-store';
import { FakeTime, settle, startWorker, stopWorkers, tempFolder } from './testing';

/**
 * P7 (notes/reliability.md §4.4) at unit-test size: a child process drains a real outbox into a
 * CMS kept in a file and is killed with SIGKILL at a random moment, sometimes twice; then the
 * outbox is opened again in this process and drained. Every job must end done, every create
 * committed exactly once, and every update applied to the post its create made, after it.
 * Trials run until KILLS kills have landed: 100 by default, as issue 5 asks (about 21 s on the
 * 2-core test machine, measured 2026-11-28); OUTBOX_KILL9_KILLS scales it (P7 asks 200 for long runs).
 */
const KILLS = Number(process.env.OUTBOX_KILL9_KILLS ?? 100);
const DRAFTS = 4;
let work: { path: string; remove: () => Promise<void> };
let childScript: string;

beforeAll(async () => {
  work = await tempFolder('newsroom-outbox-kill9-');
  childScript = await bundleForChild(new URL('./kill9-child.ts', import.meta.url), join(work.path, 'kill9-child.mjs'));
});
afterAll(async () => {
  await stopWorkers();
  await work.remove();
});

type Run = { killed: boolean; recovered: number };

/** Runs the child; kills it `delayMs` after it says ready, unless it finished first. */
function runChild(folder: string, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, folder, join(folder, 'cms.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killTimer === undefined && out.includes('ready\n')) killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(killTimer);
      const recovered = Number(/recovered (\d+)/.exec(out)?.[1] ?? 0);
      if (signal === 'SIGKILL' && killTimer !== undefined) resolve({ killed: true, recovered });
      else if (code === 0 && out.includes('done\n')) resolve({ killed: false, recovered });
      else reject(new Error(`child failed (code ${code}, signal ${signal}): ${err}`));
    });
  });
}

function draftId(trial: number, n: number): string {
  return `00000000-0000-4000-8000-${String(trial * 100 + n).padStart(12, '0')}`;
}

describe('kill -9 while publishing', () => {
  it(`every job ends done exactly once after ${KILLS} kills`, { timeout: 300_000 }, async () => {
    const started = Date.now();
    const stats = { trials: 0, kills: 0, finishedFirst: 0, cutOffMidSend: 0, reconcileFound: 0, resentAfterReconcile: 0 };
    // Two trials at a time (the machines have two cores); each has its own folder.
    const runTrial = async (trial: number): Promise<void> => {
      const folder = join(work.path, `trial-${trial}`);
      const setup = await OutboxStore.open({ folder });
      for (let n = 0; n < DRAFTS; n += 1) {
        for (const action of ['create', 'update'] as const) {
          await setup.enqueue({ draftId: draftId(trial, n), profileId: 'cms', action, payload: { n } });
        }
      }
      // One kill in odd trials, two in even ones: the second often lands mid-reconcile.
      for (let kill = 0; kill < 1 + (trial % 2 === 0 ? 1 : 0); kill += 1) {
        const run = await runChild(folder, Math.random() * 40);
        stats.cutOffMidSend += run.recovered;
        if (!run.killed) {
          stats.finishedFirst += 1;
          break;
        }
        stats.kills += 1;
      }

      const time = new FakeTime(new Date().toISOString());
      const cmsLog = join(folder, 'cms.log');
      const { worker, store } = await startWorker(folder, { time, transport: new FileCms(cmsLog) });
      stats.cutOffMidSend += store.recovered.length;
      await settle(worker, time, () => worker.pendingCount() === 0);
      await worker.stop();
      check(trial, store, readRecords(cmsLog), stats);
      expect(store.problems, `trial ${trial}`).toEqual([]);
      expect((await readdir(join(folder, 'outbox'))).filter((n) => !n.endsWith('.json')), `trial ${trial}`).toEqual([]);
    };
    for (let trial = 0; stats.kills < KILLS; trial += 2) {
      await Promise.all([runTrial(trial), runTrial(trial + 1)]);
      stats.trials += 2;
    }
    console.info(
      `outbox kill -9: ${stats.trials} trials, ${stats.kills} kills in ${Date.now() - started} ms; ` +
        `${stats.finishedFirst} runs finished before their kill; jobs cut off mid-send ${stats.cutOffMidSend}; ` +
        `reconcile found the post ${stats.reconcileFound}×, found nothing and re-sent ${stats.resentAfterReconcile}×`,
    );
    expect(stats.kills).toBeGreaterThanOrEqual(KILLS);
  });
});

function check(trial: number, store: OutboxStore, records: ReturnType<typeof readRecords>, stats: Record<string, number>): void {
  const jobs = store.list();
  expect(jobs, `trial ${trial}`).toHaveLength(DRAFTS * 2);
  const createOf = new Map<string, OutboxJob>();
  for (const job of jobs) {
    expect(job.state, `trial ${trial} job ${job.seq}`).toBe('done');
    if (job.action === 'create') createOf.set(job.draftId, job);
  }
  for (const job of jobs) {
    const commits = records.flatMap((r, index) => (r.op === 'commit' && r.key === job.idempotencyKey ? [{ ...r, index }] : []));
    const label = `trial ${trial}, ${job.action} of draft …${job.draftId.slice(-3)}`;
    if (job.action === 'create') expect(commits, label).toHaveLength(1); // never twice, never lost
    else expect(commits.length, label).toBeGreaterThanOrEqual(1); // an update may be re-applied: harmless
    expect(job.result?.remoteId, label).toBe(commits[0]?.remoteId);
    if (job.action === 'update') {
      const create = createOf.get(job.draftId)!;
      expect(commits[0]!.remoteId, label).toBe(create.result?.remoteId);
      const createdAt = records.findIndex((r) => r.op === 'commit' && r.key === create.idempotencyKey);
      expect(commits[0]!.index, label).toBeGreaterThan(createdAt);
    }
  }
  stats.reconcileFound! += records.filter((r) => r.op === 'reconcile' && r.found).length;
  stats.resentAfterReconcile! += records.filter((r) => r.op === 'reconcile' && !r.found).length;
}
