import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readWordPressEnv, type WordPressEnv } from '../../../e2e/host/wordpress';
import { newArticle } from '../../../shared/model/article';
import type { AssetReader, PublishPayload } from '../publishing/adapter';
import { WordPressAdapter } from '../publishing/wordpress/wordpress-adapter';
import { FaultProxy, type FaultMatch, seededPolicy } from '../test-support/fault-proxy';
import { OutboxStore } from './outbox-store';
import { FakeTime, settle, startWorker, stopWorkers, tempFolder } from './testing';

/**
 * P1 / F2 (notes/reliability.md §4.4) against the real WordPress on 127.0.0.1, behind the fault
 * proxy: the real OutboxWorker, OutboxStore (a temp folder, real files) and WordPressAdapter
 * (reconcile by its marker in the content) publish DRAFTS distinct stories while the proxy resets
 * 30 % of the create POSTs after WordPress committed them, answers some with 429 (Retry-After) or
 * 503, resets some before forwarding and stalls a few. Pass: every job done, exactly one post per
 * story on WordPress, the job's remote id is that post, nothing lost when the queue is read back
 * from disk. A second test queues create + update per story through a network outage and an app
 * restart (F2): the update lands on the create's post, after it.
 *
 * Time: backoff, 429 pauses and the reconcile grace run on fake time (they are the worker's rules,
 * not what is under test here); HTTP and the client's deadline are real. OUTBOX_FAULTS_DRAFTS
 * scales the run (the reliability notes ask 500 for long runs).
 */
const DRAFTS = Number(process.env.OUTBOX_FAULTS_DRAFTS ?? 200);
const SEED = Number(process.env.OUTBOX_FAULTS_SEED ?? 20261128);
/** Unique per run, in every headline: runs (and other tests) do not see each other's posts. */
const RUN = `nrfaults${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const CREATE: FaultMatch = { method: 'POST', route: '/wp/v2/posts' };
const LOOKUP: FaultMatch = { method: 'GET', route: '/wp/v2/posts' };

let env: WordPressEnv;
let proxy: FaultProxy | undefined;
let work: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  env = await readWordPressEnv().catch(() => {
    throw new Error('The test WordPress is not running: start it with `npm run cms:wordpress start` (needs root for apt).');
  });
  work = await tempFolder('newsroom-outbox-faults-');
});
afterEach(async () => {
  await stopWorkers();
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  await work.remove();
  // The site is shared by every test run: leave it as found (WordPress' search slows as posts pile up).
  if (env === undefined) return;
  const ids = (await postsOfRun('')).map((post) => post.id);
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(ids.slice(i, i + 8).map((id) => fetch(restUrl(`/wp/v2/posts/${id}`, { force: 'true' }), { method: 'DELETE', headers: { Authorization: auth() } })));
  }
}, 60_000);

const PostSchema = z.object({ id: z.number(), link: z.string(), slug: z.string(), title: z.object({ raw: z.string() }), content: z.object({ raw: z.string() }) });
type Post = z.infer<typeof PostSchema>;

const auth = (): string => `Basic ${Buffer.from(`${env.username}:${env.applicationPassword}`).toString('base64')}`;

/** The stories carry no images; a request for one is a bug in the test. */
const noImages: AssetReader = (_draftId, asset) => Promise.reject(new Error(`no image ${asset} in this test`));

/** Engineer W's adapter, pointed at the proxy; a short deadline so a stall costs 2 s, not 15. */
const adapterVia = (siteUrl: string): WordPressAdapter =>
  new WordPressAdapter({ credentials: { siteUrl, username: env.username, applicationPassword: env.applicationPassword }, readAsset: noImages, timeoutMs: 2_000 });

function restUrl(route: string, query: Record<string, string>): URL {
  const url = new URL(`${env.url}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url;
}

/** This run's posts whose title starts with `prefix`, in any status but trash, read directly (not through the proxy). */
async function postsOfRun(prefix: string): Promise<Post[]> {
  const posts: Post[] = [];
  for (let page = 1; ; page += 1) {
    const url = restUrl('/wp/v2/posts', { search: RUN, status: 'any', context: 'edit', per_page: '100', page: String(page) });
    const response = await fetch(url, { headers: { Authorization: auth() } });
    if (!response.ok) throw new Error(`GET posts page ${page} -> ${response.status}`);
    posts.push(...z.array(PostSchema).parse(await response.json()));
    if (page >= Number(response.headers.get('x-wp-totalpages') ?? 1)) return posts.filter((post) => post.title.raw.startsWith(prefix));
  }
}

const draftId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const headline = (n: number, test = 'P1'): string => `Outbox ${test} ${RUN} story ${n}`;

function publishPayload(n: number, title = headline(n), section = ''): PublishPayload {
  return { kind: 'publish', article: newArticle({ headline: title, standfirst: `Story ${n} of a fault run.`, section }), revision: 1, timing: { kind: 'now' }, overwrite: false };
}

describe('outbox → fault proxy → real WordPress', () => {
  it(`${DRAFTS} creates with 30 % reset after commit, 429s, 503s and stalls: no duplicate, none lost`, { timeout: 180_000 }, async () => {
    const started = Date.now();
    proxy = await FaultProxy.start({
      target: env.url,
      maxRequests: DRAFTS * 6,
      policy: seededPolicy(SEED, [
        { rule: { kind: 'reset-after-commit' }, probability: 0.3, match: CREATE },
        { rule: { kind: 'status', status: 429, retryAfter: '3' }, probability: 0.04, match: CREATE },
        { rule: { kind: 'status', status: 503 }, probability: 0.05, match: CREATE },
        { rule: { kind: 'reset-before-forward' }, probability: 0.03, match: CREATE },
        { rule: { kind: 'stall' }, probability: 0.01, match: CREATE },
        // The reconcile look-ups fail too: a failed look-up must not lead to a blind re-send.
        { rule: { kind: 'status', status: 503 }, probability: 0.05, match: LOOKUP },
        { rule: { kind: 'reset-before-forward' }, probability: 0.03, match: LOOKUP },
      ]),
    });
    const folder = `${work.path}/p1`;
    const time = new FakeTime(new Date().toISOString());
    const { worker, store } = await startWorker(folder, { time, transport: adapterVia(proxy.url), maxInFlight: 6 });
    for (let n = 0; n < DRAFTS; n += 1) {
      await worker.enqueue({ draftId: draftId(n), profileId: 'wp', action: 'create', payload: publishPayload(n) });
    }
    await settle(worker, time, () => worker.pendingCount() === 0, 50_000);
    await worker.stop();
    expect(store.list().filter((j) => j.state !== 'done')).toEqual([]);

    // Nothing lost: every job is done, in memory and as read back from its file.
    const reopened = await OutboxStore.open({ folder });
    expect(reopened.problems).toEqual([]);
    const jobs = reopened.list();
    expect(jobs).toHaveLength(DRAFTS);
    const notDone = jobs.filter((j) => j.state !== 'done').map((j) => `${j.draftId.slice(-4)} ${j.state}: ${j.lastError?.message ?? ''}`);
    expect(notDone).toEqual([]);

    // No duplicate: exactly one post per story, and it is the one the job names.
    const posts = await postsOfRun(headline(0).replace(/ 0$/, ' '));
    const byTitle = new Map<string, Post[]>();
    for (const post of posts) byTitle.set(post.title.raw, [...(byTitle.get(post.title.raw) ?? []), post]);
    const wrong = [...byTitle].filter(([, found]) => found.length !== 1).map(([title, found]) => `${title}: ${found.length} posts`);
    expect(wrong).toEqual([]);
    expect(posts).toHaveLength(DRAFTS);
    for (const job of jobs) {
      const n = Number(job.draftId.slice(-12));
      expect(job.result?.remoteId, `story ${n}`).toBe(String(byTitle.get(headline(n))?.[0]?.id));
    }

    // The faults really happened, and WordPress committed each create exactly once.
    const resets = proxy.count('reset-after-commit', CREATE);
    const creates = proxy.records.filter((r) => r.method === 'POST' && r.route === '/wp/v2/posts');
    expect(resets).toBeGreaterThanOrEqual(Math.floor(DRAFTS * 0.2));
    expect(proxy.count('status', CREATE)).toBeGreaterThan(0);
    expect(creates.filter((r) => r.upstreamStatus === 201)).toHaveLength(DRAFTS);
    console.info(
      `outbox faults (seed ${SEED}): ${DRAFTS} stories in ${Date.now() - started} ms; ${proxy.records.length} requests, ` +
        `${creates.length} create POSTs: ${resets} reset after commit, ${proxy.count('status', CREATE)} answered 429/503 by the proxy, ` +
        `${proxy.count('reset-before-forward', CREATE)} reset before forwarding, ${proxy.count('stall', CREATE)} stalled; ` +
        `${proxy.count(undefined, LOOKUP)} reconcile look-ups (${proxy.count('pass', LOOKUP)} answered)`,
    );
  });

  it('creates then updates through a network outage and an app restart: order kept per story, no duplicate, none lost', { timeout: 120_000 }, async () => {
    const stories = Math.max(10, Math.round(DRAFTS / 8));
    const write: FaultMatch = { method: 'POST', route: /^\/wp\/v2\/posts(\/\d+)?$/ };
    const read: FaultMatch = { method: 'GET', route: /^\/wp\/v2\/posts(\/\d+)?$/ };
    const faulty = seededPolicy(SEED + 1, [
      { rule: { kind: 'reset-after-commit' }, probability: 0.3, match: write },
      { rule: { kind: 'status', status: 503 }, probability: 0.05, match: write },
      { rule: { kind: 'status', status: 503 }, probability: 0.05, match: read },
    ]);
    proxy = await FaultProxy.start({ target: env.url, maxRequests: stories * 30, policy: faulty });
    const folder = `${work.path}/f2`;
    const time = new FakeTime(new Date().toISOString());
    const title = (n: number, version: string): string => `${headline(n, 'F2')} ${version}`;
    let run = await startWorker(folder, { time, transport: adapterVia(proxy.url), maxInFlight: 6 });
    for (let n = 0; n < stories; n += 1) {
      await run.worker.enqueue({ draftId: draftId(n), profileId: 'wp', action: 'create', payload: publishPayload(n, title(n, 'first'), 'Fault tests') });
      await run.worker.enqueue({ draftId: draftId(n), profileId: 'wp', action: 'update', payload: publishPayload(n, title(n, 'second'), 'Fault tests') });
    }
    const doneCount = (): number => run.store.list().filter((j) => j.state === 'done').length;
    await settle(run.worker, time, () => doneCount() >= stories / 2);

    // The network goes down: every connection is reset before it reaches WordPress.
    proxy.policy = () => ({ kind: 'reset-before-forward' });
    const before = proxy.records.length;
    await settle(run.worker, time, () => proxy!.records.length >= before + 30);
    expect(run.worker.pendingCount()).toBeGreaterThan(0); // the restart must find work cut off
    // The app quits and starts again (the queue is read back from disk), then the network returns.
    await run.worker.stop();
    run = await startWorker(folder, { time, transport: adapterVia(proxy.url), maxInFlight: 6 });
    proxy.policy = faulty;
    await run.worker.wake();
    await settle(run.worker, time, () => run.worker.pendingCount() === 0, 50_000);
    await run.worker.stop();

    const jobs = run.store.list();
    expect(jobs.filter((j) => j.state !== 'done').map((j) => `${j.action} …${j.draftId.slice(-3)}: ${j.lastError?.message ?? j.state}`)).toEqual([]);
    expect(jobs).toHaveLength(stories * 2);
    const posts = await postsOfRun(headline(0, 'F2').replace(/ 0$/, ' '));
    expect(posts).toHaveLength(stories); // one post per story: the update changed it, nothing made a second
    for (let n = 0; n < stories; n += 1) {
      const [create, update] = jobs.filter((j) => j.draftId === draftId(n)).sort((a, b) => a.seq - b.seq);
      const post = posts.find((p) => String(p.id) === create?.result?.remoteId);
      expect(post?.title.raw, `story ${n}`).toBe(title(n, 'second')); // the update landed last, on the create's post
      expect(update?.result?.remoteId, `story ${n}`).toBe(create?.result?.remoteId);
    }
    expect(proxy.count('reset-after-commit')).toBeGreaterThan(0);
    expect(proxy.count('reset-before-forward')).toBeGreaterThanOrEqual(30);
  });
});
