import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readWordPressEnv, WordPressReader, type WordPressEnv } from '../../../e2e/host/wordpress';
import { AppFailure } from '../../../shared/ipc/result';
import { sendRequest, TransportFailure } from '../publishing/http';
import { WordPressClient } from '../publishing/wordpress/wordpress-client';
import { FaultProxy, type FaultRule, matches, routeOf, scriptedPolicy, seededPolicy } from './fault-proxy';

/**
 * The fault proxy in front of the real WordPress on 127.0.0.1 (scripts/cms/wordpress.sh): each
 * fault must do to the CMS what it claims — a reset after commit leaves a post, an answer from the
 * proxy leaves none — and look to our client as the real fault would.
 */
let env: WordPressEnv;
let reader: WordPressReader;
let proxy: FaultProxy | undefined;
const RUN = randomUUID().slice(0, 8);

beforeAll(async () => {
  env = await readWordPressEnv().catch(() => {
    throw new Error('The test WordPress is not running: start it with `npm run cms:wordpress start` (needs root for apt).');
  });
  reader = new WordPressReader(env);
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  await proxy?.close();
});

const CREATE = { method: 'POST', route: '/wp/v2/posts' } as const;

async function through(...steps: Array<FaultRule & { match?: typeof CREATE }>): Promise<{ proxy: FaultProxy; client: WordPressClient }> {
  proxy = await FaultProxy.start({ target: env.url, policy: scriptedPolicy(steps) });
  const client = new WordPressClient({ siteUrl: proxy.url, username: env.username, applicationPassword: env.applicationPassword }, fetch, 2_000);
  return { proxy, client };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

let n = 0;
const title = (what: string): string => `Fault proxy ${RUN} ${what} ${(n += 1)}`;
const post = (t: string) => ({ title: t, content: '<p>Proxy test</p>', status: 'publish' as const });

describe('FaultProxy in front of the real WordPress', () => {
  it('passes requests through unchanged: a create made through it is on the site once', async () => {
    const { client, proxy } = await through();
    const t = title('pass');
    const created = await client.createPost(post(t));
    expect((await reader.postsTitled(t)).map((p) => p.id)).toEqual([created.id]);
    expect(proxy.records).toEqual([{ index: 0, method: 'POST', route: '/wp/v2/posts', rule: 'pass', upstreamStatus: 201 }]);
  });

  it('reset-after-commit: WordPress has the post, the client sees a dropped connection with an unknown outcome', async () => {
    const { client, proxy } = await through({ kind: 'reset-after-commit', match: CREATE });
    const t = title('reset-after-commit');
    const failure = await failureOf(client.createPost(post(t)));
    expect(failure).toBeInstanceOf(TransportFailure);
    expect(failure.code).toBe('UNREACHABLE');
    expect((failure as TransportFailure).outcomeUnknown).toBe(true);
    expect(await reader.postsTitled(t)).toHaveLength(1);
    expect(proxy.records[0]).toMatchObject({ rule: 'reset-after-commit', upstreamStatus: 201 });
  });

  it('reset-before-forward: nothing reaches WordPress', async () => {
    const { client } = await through({ kind: 'reset-before-forward', match: CREATE });
    const t = title('reset-before');
    const failure = await failureOf(client.createPost(post(t)));
    expect(failure.code).toBe('UNREACHABLE');
    expect(await reader.postsTitled(t)).toHaveLength(0);
  });

  it('503 and 429 with Retry-After are answered by the proxy, and WordPress makes nothing', async () => {
    const { client, proxy } = await through(
      { kind: 'status', status: 503, match: CREATE },
      { kind: 'status', status: 429, retryAfter: '7', match: CREATE },
    );
    const t503 = title('503');
    const failure = await failureOf(client.createPost(post(t503)));
    expect(failure.message).toContain('HTTP 503');
    const reply = await sendRequest(fetch, { method: 'POST', url: `${proxy.url}/?rest_route=/wp/v2/posts`, body: {}, timeoutMs: 2_000, siteLabel: 'the proxy' });
    expect(reply.status).toBe(429);
    expect(reply.retryAfter).toBe('7');
    expect(await reader.postsTitled(t503)).toHaveLength(0);
    expect(proxy.records.map((r) => [r.rule, r.upstreamStatus])).toEqual([['status', undefined], ['status', undefined]]);
  });

  it('stall: the client deadline fires (outcome unknown) close to its timeout, and nothing is made', async () => {
    const { proxy } = await through({ kind: 'stall', match: CREATE });
    const t = title('stall');
    const client = new WordPressClient({ siteUrl: proxy.url, username: env.username, applicationPassword: env.applicationPassword }, fetch, 400);
    const started = Date.now();
    const failure = await failureOf(client.createPost(post(t)));
    expect(Date.now() - started).toBeLessThan(400 + 1_000);
    expect(failure.code).toBe('TIMEOUT');
    expect((failure as TransportFailure).outcomeUnknown).toBe(true);
    expect(await reader.postsTitled(t)).toHaveLength(0);
  });

  it('stall-body: WordPress commits, the answer stops halfway, the client times out mid-body', async () => {
    const { proxy } = await through({ kind: 'stall-body', match: CREATE });
    const t = title('stall-body');
    const client = new WordPressClient({ siteUrl: proxy.url, username: env.username, applicationPassword: env.applicationPassword }, fetch, 1_000);
    const failure = await failureOf(client.createPost(post(t)));
    expect(failure.code).toBe('TIMEOUT');
    expect((failure as TransportFailure).outcomeUnknown).toBe(true);
    expect(await reader.postsTitled(t)).toHaveLength(1);
  });

  it('limits a rule to its method and route: a GET and an update pass while a create is reset', async () => {
    const { client, proxy } = await through({ kind: 'reset-after-commit', match: CREATE });
    const me = await client.whoAmI();
    expect(me.canPublish).toBe(true);
    const t = title('scoped');
    await failureOf(client.createPost(post(t)));
    const [made] = await reader.postsTitled(t);
    const updated = await client.updatePost(made!.id, post(`${t} updated`));
    expect(updated.id).toBe(made!.id);
    expect(proxy.records.map((r) => `${r.method} ${r.route} ${r.rule}`)).toEqual([
      'GET /wp/v2/users/me pass',
      'POST /wp/v2/posts reset-after-commit',
      `POST /wp/v2/posts/${made!.id} pass`,
    ]);
  });

  it('close() ends a stalled exchange instead of leaving it hanging', async () => {
    const { proxy } = await through({ kind: 'stall' });
    const pending = fetch(`${proxy.url}/?rest_route=/`).then(() => 'answered', () => 'ended');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await proxy.close();
    expect(await pending).toBe('ended');
  });

  it('refuses requests beyond maxRequests with 503 without forwarding', async () => {
    proxy = await FaultProxy.start({ target: env.url, maxRequests: 1 });
    expect((await fetch(`${proxy.url}/?rest_route=/`)).status).toBe(200);
    expect((await fetch(`${proxy.url}/?rest_route=/`)).status).toBe(503);
    expect(proxy.records.map((r) => r.upstreamStatus)).toEqual([200, undefined]);
  });
});

describe('fault policies', () => {
  it('reads the route from rest_route or a /wp-json path', () => {
    expect(routeOf('/?rest_route=%2Fwp%2Fv2%2Fposts&context=edit')).toBe('/wp/v2/posts');
    expect(routeOf('/wp-json/wp/v2/posts?x=1')).toBe('/wp/v2/posts');
    expect(matches(CREATE, { index: 0, method: 'POST', route: '/wp/v2/posts/5' })).toBe(false);
    expect(matches({ route: /^\/wp\/v2\/posts/ }, { index: 0, method: 'GET', route: '/wp/v2/posts/5' })).toBe(true);
  });

  it('a seeded policy is the same sequence for the same seed, hits only what it matches, at about its rate', () => {
    const rules = [{ rule: { kind: 'reset-after-commit' } as const, probability: 0.3, match: CREATE }];
    const one = seededPolicy(42, rules);
    const kinds = Array.from({ length: 1_000 }, (_, index) => one({ index, method: 'POST', route: '/wp/v2/posts' }).kind);
    const again = seededPolicy(42, rules);
    expect(Array.from({ length: 1_000 }, (_, index) => again({ index, method: 'POST', route: '/wp/v2/posts' }).kind)).toEqual(kinds);
    const resets = kinds.filter((k) => k === 'reset-after-commit').length;
    expect(resets).toBeGreaterThan(250);
    expect(resets).toBeLessThan(350);
    expect(one({ index: 0, method: 'GET', route: '/wp/v2/posts' }).kind).toBe('pass');
    // Look-ups interleaved at random (as parallel lanes do) do not change what the creates meet.
    const mixedRules = [...rules, { rule: { kind: 'status', status: 503 } as const, probability: 0.5, match: { method: 'GET' } }];
    const mixed = seededPolicy(42, mixedRules);
    const interleaved: string[] = [];
    for (let index = 0; interleaved.length < 1_000; index += 1) {
      if (index % 3 === 1) mixed({ index, method: 'GET', route: '/wp/v2/posts' });
      else interleaved.push(mixed({ index, method: 'POST', route: '/wp/v2/posts' }).kind);
    }
    expect(interleaved).toEqual(kinds);
    const other = seededPolicy(43, rules);
    expect(Array.from({ length: 1_000 }, (_, index) => other({ index, method: 'POST', route: '/wp/v2/posts' }).kind)).not.toEqual(kinds);
  });
});
