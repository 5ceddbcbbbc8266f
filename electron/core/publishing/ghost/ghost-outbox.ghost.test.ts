import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readGhostEnv, type GhostEnv } from '../../../../e2e/host/ghost';
import { newArticle } from '../../../../shared/model/article';
import { OutboxStore } from '../../outbox/outbox-store';
import { FakeTime, settle, startWorker, stopWorkers, tempFolder } from '../../outbox/testing';
import { FaultProxy, type FaultMatch, seededPolicy } from '../../test-support/fault-proxy';
import type { AssetReader } from '../adapter';
import { GhostAdapter } from './ghost-adapter';
import { GhostAdmin, publishPayload } from './ghost-testing';

/**
 * "Never twice" end to end: the real OutboxWorker and OutboxStore (real files) send a create and
 * then an update per story through the GhostAdapter to the real Ghost, behind the fault proxy,
 * which resets 30 % of the writes after Ghost committed them, answers some with 503 itself, resets
 * some before forwarding, and fails some reconcile look-ups. Pass: every job done, exactly one
 * post per story on Ghost, carrying the update, and it is the post the jobs name. Backoff and the
 * reconcile grace run on fake time; HTTP is real. GHOST_FAULTS_DRAFTS scales the run.
 */
const STORIES = Number(process.env['GHOST_FAULTS_DRAFTS'] ?? 24);
const SEED = Number(process.env['GHOST_FAULTS_SEED'] ?? 20261128);
const RUN = `nrghostfaults${randomBytes(5).toString('hex')}`;
const WRITE: FaultMatch = { route: /^\/ghost\/api\/admin\/posts\/([0-9a-f]{24}\/)?$/ };
const READ: FaultMatch = { method: 'GET', route: /^\/ghost\/api\/admin\/posts\// };

let env: GhostEnv;
let admin: GhostAdmin;
let proxy: FaultProxy | undefined;
let work: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  env = await readGhostEnv();
  admin = new GhostAdmin(env);
  work = await tempFolder('newsroom-ghost-outbox-');
});
afterEach(async () => {
  await stopWorkers();
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  if (admin) for (const post of await admin.postsContaining(RUN)) await admin.deletePost(post.id);
  await work?.remove();
});

const noImages: AssetReader = (_draftId, asset) => Promise.reject(new Error(`no image ${asset} in this test`));
const draftId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const title = (n: number, version: string): string => `Outbox ${RUN} story ${n} ${version}`;
const payload = (n: number, version: string) => publishPayload(newArticle({ headline: title(n, version), standfirst: `Story ${n}.`, section: 'Fault tests' }));

describe('outbox → fault proxy → real Ghost', () => {
  it(`${STORIES} creates and updates with resets after commit, 503s and failed look-ups: no duplicate, none lost, updates on the right post`, { timeout: 180_000 }, async () => {
    proxy = await FaultProxy.start({
      target: env.url,
      maxRequests: STORIES * 40,
      policy: seededPolicy(SEED, [
        { rule: { kind: 'reset-after-commit' }, probability: 0.3, match: { ...WRITE, method: 'POST' } },
        { rule: { kind: 'reset-after-commit' }, probability: 0.3, match: { ...WRITE, method: 'PUT' } },
        { rule: { kind: 'status', status: 503 }, probability: 0.05, match: WRITE },
        { rule: { kind: 'reset-before-forward' }, probability: 0.03, match: WRITE },
        { rule: { kind: 'status', status: 503 }, probability: 0.05, match: READ },
      ]),
    });
    const adapter = new GhostAdapter({ adminUrl: proxy.url, adminApiKey: env.adminApiKey }, { readAsset: noImages, timeoutMs: 3_000 });
    const time = new FakeTime(new Date().toISOString());
    const { worker, store } = await startWorker(work.path, { time, transport: adapter, maxInFlight: 4 });
    for (let n = 0; n < STORIES; n += 1) {
      await worker.enqueue({ draftId: draftId(n), profileId: 'ghost', action: 'create', payload: payload(n, 'first') });
      await worker.enqueue({ draftId: draftId(n), profileId: 'ghost', action: 'update', payload: payload(n, 'second') });
    }
    await settle(worker, time, () => worker.pendingCount() === 0, 50_000);
    await worker.stop();

    const jobs = (await OutboxStore.open({ folder: work.path })).list();
    expect(jobs).toHaveLength(STORIES * 2);
    expect(jobs.filter((j) => j.state !== 'done').map((j) => `${j.draftId.slice(-4)} ${j.action} ${j.state}: ${j.lastError?.message ?? ''}`)).toEqual([]);
    expect(store.list().every((j) => j.state === 'done')).toBe(true);

    const posts = await admin.postsContaining(RUN);
    const perStory = new Map<number, typeof posts>();
    for (const post of posts) {
      const n = Number(/story (\d+) /.exec(post.title)?.[1]);
      perStory.set(n, [...(perStory.get(n) ?? []), post]);
    }
    const wrong = [...perStory].filter(([, found]) => found.length !== 1).map(([n, found]) => `story ${n}: ${found.length} posts`);
    expect(wrong).toEqual([]);
    expect(posts).toHaveLength(STORIES);
    for (const job of jobs) {
      const n = Number(job.draftId.slice(-12));
      const post = perStory.get(n)?.[0];
      expect(job.result?.remoteId, `story ${n} ${job.action}`).toBe(post?.id);
      expect(post?.title).toBe(title(n, 'second'));
    }
    // The faults really happened, and Ghost made each post exactly once.
    const creates = proxy.records.filter((r) => r.method === 'POST' && r.route === '/ghost/api/admin/posts/');
    expect(proxy.count('reset-after-commit')).toBeGreaterThanOrEqual(Math.floor(STORIES * 0.3));
    expect(creates.filter((r) => r.upstreamStatus === 201)).toHaveLength(STORIES);
    console.info(
      `ghost outbox faults (seed ${SEED}): ${STORIES} stories, ${proxy.records.length} requests, ${proxy.count('reset-after-commit')} reset after commit, ` +
        `${proxy.count('status')} answered 503 by the proxy, ${proxy.count('reset-before-forward')} reset before forwarding`,
    );
  });
});
