import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readGhostEnv, type GhostEnv } from '../../../e2e/host/ghost';
import { AppFailure } from '../../../shared/ipc/result';
import { TransportFailure } from '../publishing/http';
import { GhostClient } from '../publishing/ghost/ghost-client';
import { FaultProxy, scriptedPolicy } from './fault-proxy';

/**
 * The fault proxy in front of the real Ghost on 127.0.0.1 (scripts/cms/ghost.sh): Ghost's Admin
 * API paths are matched as they are (`/ghost/api/admin/posts/`), and a reset after commit leaves
 * the post on Ghost while an answer from the proxy leaves none.
 */
let env: GhostEnv;
let direct: GhostClient;
let proxy: FaultProxy | undefined;
const made: string[] = [];
const run = randomBytes(4).toString('hex');
const CREATE = { method: 'POST', route: '/ghost/api/admin/posts/' } as const;

beforeAll(async () => {
  env = await readGhostEnv().catch(() => {
    throw new Error('The test Ghost is not running: start it with `npm run cms:ghost start` (needs root for apt).');
  });
  direct = new GhostClient({ adminUrl: env.url, adminApiKey: env.adminApiKey });
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  for (const id of made) await direct?.deletePost(id).catch(() => undefined);
});

async function viaProxy(...steps: Parameters<typeof scriptedPolicy>[0]): Promise<GhostClient> {
  proxy = await FaultProxy.start({ target: env.url, policy: scriptedPolicy(steps) });
  return new GhostClient({ adminUrl: proxy.url, adminApiKey: env.adminApiKey }, fetch, 3_000);
}

const failureOf = async (promise: Promise<unknown>): Promise<AppFailure> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
};

describe('FaultProxy in front of the real Ghost', () => {
  it('reset-after-commit: Ghost has the post, the client sees a dropped connection with an unknown outcome', async () => {
    const client = await viaProxy({ kind: 'reset-after-commit', match: CREATE });
    const slug = `fault-proxy-${run}-reset`;
    const failure = await failureOf(client.createPost({ title: `Fault proxy ${run}`, html: '<p>x</p>', status: 'draft', slug }));
    expect(failure).toBeInstanceOf(TransportFailure);
    expect((failure as TransportFailure).outcomeUnknown).toBe(true);
    const found = await direct.getPostBySlug(slug);
    expect(found?.slug).toBe(slug);
    made.push(found!.id);
    expect(proxy!.records).toMatchObject([{ method: 'POST', route: '/ghost/api/admin/posts/', rule: 'reset-after-commit', upstreamStatus: 201 }]);
  });

  it('503 from the proxy: Ghost never sees the create; the next request passes', async () => {
    const client = await viaProxy({ kind: 'status', status: 503, retryAfter: '5', match: CREATE });
    const slug = `fault-proxy-${run}-503`;
    await failureOf(client.createPost({ title: `Fault proxy ${run}`, html: '<p>x</p>', status: 'draft', slug }));
    expect(await direct.getPostBySlug(slug)).toBeNull();
    const post = await client.createPost({ title: `Fault proxy ${run}`, html: '<p>x</p>', status: 'draft', slug });
    made.push(post.id);
    expect(post.slug).toBe(slug);
    expect(proxy!.records.map((r) => [r.rule, r.upstreamStatus])).toEqual([['status', undefined], ['pass', 201]]);
  });
});
