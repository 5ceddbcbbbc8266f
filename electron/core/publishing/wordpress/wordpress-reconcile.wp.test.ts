import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WordPressReader, type WordPressEnv } from '../../../../e2e/host/wordpress';
import { settle, startWorker, stopWorkers, tempFolder } from '../../outbox/testing';
import { SendFailure } from '../../outbox/transport';
import { FaultProxy, scriptedPolicy } from '../../test-support/fault-proxy';
import { adapterFor, fullArticle, jobOf, MemoryAssets, publishPayload, WordPressAdmin, wordpressEnv } from './adapter-testing';
import type { WordPressAdapter } from './wordpress-adapter';

/**
 * Never twice, against the real WordPress: `reconcile` finds what an attempt left (by the job's
 * marker) and nothing when nothing was made; the outbox worker with this adapter sends a create
 * and an update of one draft into one post, also when the create's answer is lost on the way back
 * (a fault proxy resets the connection after WordPress committed).
 */
let env: WordPressEnv;
let reader: WordPressReader;
let admin: WordPressAdmin;
let proxy: FaultProxy | undefined;
const cleanups: Array<() => Promise<void>> = [];
const RUN = randomUUID().slice(0, 6);
const CREATE = { method: 'POST', route: '/wp/v2/posts' } as const;

beforeAll(async () => {
  env = await wordpressEnv();
  reader = new WordPressReader(env);
  admin = new WordPressAdmin(env);
});
afterEach(async () => {
  await stopWorkers();
  await proxy?.close();
  proxy = undefined;
  while (cleanups.length) await cleanups.pop()?.();
});
afterAll(async () => {
  await proxy?.close();
});

let n = 0;
const headline = (what: string): string => `Reconcile ${what} ${RUN}${(n += 1)}`;

async function viaProxy(...steps: Parameters<typeof scriptedPolicy>[0]): Promise<WordPressAdapter> {
  proxy = await FaultProxy.start({ target: env.url, policy: scriptedPolicy(steps), maxRequests: 200 });
  return adapterFor(env, new MemoryAssets(), { siteUrl: proxy.url, timeoutMs: 5_000 });
}

const forget = (id: string): void => {
  cleanups.push(() => admin.deletePost(id));
};

describe('reconcile against a real WordPress', () => {
  it('finds a create WordPress committed although its answer was lost, and nothing once it is deleted', async () => {
    const adapter = await viaProxy({ kind: 'reset-after-commit', match: CREATE });
    const article = fullArticle(headline('lost answer'));
    const job = jobOf('create', publishPayload(article));
    const error = await adapter.send(job, { earlier: undefined }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: true });

    const [post, ...others] = await reader.postsTitled(article.headline);
    expect(others).toEqual([]);
    if (post === undefined) throw new Error('WordPress did not commit the create');
    forget(String(post.id));
    expect(await adapter.reconcile(job, { earlier: undefined })).toEqual({ remoteId: String(post.id), url: post.link, version: expect.any(String), slug: post.slug });

    // Another job (another key) made nothing.
    expect(await adapter.reconcile(jobOf('create', publishPayload(article)), { earlier: undefined })).toBeNull();
    await admin.deletePost(post.id);
    expect(await adapter.reconcile(job, { earlier: undefined })).toBeNull();
  });

  it('tells an update and an unpublish that landed from ones that did not', async () => {
    const adapter = adapterFor(env);
    const article = fullArticle(headline('update'));
    const created = await adapter.send(jobOf('create', publishPayload(article)), { earlier: undefined });
    forget(created.remoteId);
    const update = jobOf('update', publishPayload({ ...article, standfirst: 'Changed.' }, { baseVersion: created.version }));
    expect(await adapter.reconcile(update, { earlier: created })).toBeNull();
    const updated = await adapter.send(update, { earlier: created });
    expect(await adapter.reconcile(update, { earlier: created })).toEqual(updated);

    const unpublish = jobOf('unpublish', { kind: 'unpublish', baseVersion: updated.version, overwrite: false });
    expect(await adapter.reconcile(unpublish, { earlier: updated })).toBeNull();
    const unpublished = await adapter.send(unpublish, { earlier: updated });
    expect(await adapter.reconcile(unpublish, { earlier: updated })).toEqual(unpublished);
  });

  it('a look-up that cannot reach the site says so, and is not taken as "nothing was made"', async () => {
    const adapter = await viaProxy({ kind: 'reset-before-forward' });
    const job = jobOf('create', publishPayload(fullArticle(headline('unreachable'))));
    const error = await adapter.reconcile(job, { earlier: undefined }).then(() => 'resolved', (e: unknown) => e);
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: false });
  });
});

describe('the outbox worker with the WordPress adapter', () => {
  async function run(adapter: WordPressAdapter, what: string) {
    const folder = await tempFolder('newsroom-wp-outbox-');
    cleanups.push(folder.remove);
    const { worker, store, time } = await startWorker(folder.path, { transport: adapter });
    const draftId = randomUUID();
    const article = fullArticle(headline(what));
    const create = await worker.enqueue({ draftId, profileId: 'wp', action: 'create', payload: publishPayload(article) });
    const update = await worker.enqueue({ draftId, profileId: 'wp', action: 'update', payload: publishPayload({ ...article, standfirst: 'Updated from the outbox.' }) });
    await settle(worker, time, () => store.list().every((job) => job.state === 'done' || job.state === 'failed'));
    const done = [store.get(create.id), store.get(update.id)];
    expect(done.map((job) => [job?.state, job?.lastError?.message])).toEqual([
      ['done', undefined],
      ['done', undefined],
    ]);
    const posts = await reader.postsTitled(article.headline);
    for (const post of posts) forget(String(post.id));
    expect(posts.map((post) => String(post.id))).toEqual([done[0]?.result?.remoteId]);
    expect(done[1]?.result?.remoteId).toBe(done[0]?.result?.remoteId);
    expect(posts[0]?.excerpt.raw).toBe('Updated from the outbox.');
    return done;
  }

  it('sends a create then an update of one draft: both done, one post', async () => {
    await run(adapterFor(env), 'worker');
  });

  it('when the create’s answer is lost, reconciles instead of posting twice', async () => {
    const adapter = await viaProxy({ kind: 'reset-after-commit', match: CREATE });
    const [create] = await run(adapter, 'worker lost answer');
    expect(create?.attempts).toBe(1);
    expect(proxy?.records.filter((r) => r.method === 'POST' && r.route === '/wp/v2/posts')).toHaveLength(1);
  });
});
