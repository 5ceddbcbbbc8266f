import { randomBytes } from 'node:crypto';
import { request as httpRequest, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoopbackServers } from '../../test-support/loopback-servers';
import { GhostReader, readGhostEnv, type GhostEnv } from '../../../../e2e/host/ghost';
import { AppFailure } from '../../../../shared/ipc/result';
import { GhostApiFailure, GhostClient, type GhostPostStatus } from './ghost-client';

/**
 * Against the real Ghost 5.130.6 on 127.0.0.1 (scripts/cms/ghost.sh). When Ghost is not running,
 * every test that needs it FAILS with the reason and how to start it; none is skipped. Small local
 * servers stand in only for what Ghost cannot be made to do: hang, vanish, answer as something
 * else, or receive a request without its token.
 */
let env: GhostEnv;
let client: GhostClient;
let reader: GhostReader;
let notReady: unknown;
const created: string[] = [];
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  try {
    env = await readGhostEnv();
    client = new GhostClient({ adminUrl: env.url, adminApiKey: env.adminApiKey });
    reader = new GhostReader(env);
  } catch (error) {
    notReady = error;
  }
});

afterAll(async () => {
  // Leave no test posts behind on a failure half-way.
  if (notReady === undefined) for (const id of created) await client.deletePost(id).catch(() => undefined);
});

const servers = new LoopbackServers();
const serve = (handler: Parameters<LoopbackServers['serve']>[0]): Promise<string> => servers.serve(handler);
afterAll(() => servers.closeAll());

async function failureOf(promise: Promise<unknown>): Promise<GhostApiFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  return error as GhostApiFailure;
}

const BODY = '<p>Julian Ávila Polo reports from <em>Cádiz</em>: “curly quotes” & ümlauts.</p><h2>Second part</h2><p>More — text.</p>';
/** What Ghost 5.130.6 gives back: its HTML → Lexical → HTML round trip escapes `&` and gives headings an id. */
const BODY_READ_BACK =
  '<p>Julian Ávila Polo reports from <em>Cádiz</em>: “curly quotes” &amp; ümlauts.</p><h2 id="second-part">Second part</h2><p>More — text.</p>';

/** Ghost keeps `updated_at` to the second: a change within the same second keeps the same version. */
const nextSecond = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));

describe('GhostClient against a real Ghost', () => {
  beforeEach(() => {
    if (notReady !== undefined) throw notReady;
  });

  it('recognises a working Admin API key and names the site', async () => {
    const me = await client.whoAmI();
    expect(me).toEqual({ siteTitle: 'Newsroom test site', siteUrl: `${env.url}/`, ghostVersion: '5.130.6' });
  });

  it('publishes a post from HTML and reads the same HTML back', async () => {
    const slug = `client-${run}-published`;
    const post = await client.createPost({
      title: 'Julian Ávila Polo on the harbour',
      html: BODY,
      status: 'published',
      slug,
      custom_excerpt: 'The standfirst, with ñ.',
      tags: ['Local', 'Harbour Ávila'],
    });
    created.push(post.id);
    expect(post).toMatchObject({ title: 'Julian Ávila Polo on the harbour', slug, status: 'published', customExcerpt: 'The standfirst, with ñ.' });
    expect(post.tags).toEqual(['Local', 'Harbour Ávila']);
    expect(post.url).toBe(`${env.url}/${slug}/`);
    expect(post.publishedAt).not.toBeNull();
    expect(Date.parse(post.updatedAt)).not.toBeNaN();

    const read = await client.getPost(post.id);
    expect(read.html).toBe(BODY_READ_BACK);
    expect(read.updatedAt).toBe(post.updatedAt);
    // A second, independent client sees the same.
    const independent = await reader.post(post.id);
    expect(independent?.html).toBe(BODY_READ_BACK);
    expect(independent?.tags.map((tag) => tag.name)).toEqual(['Local', 'Harbour Ávila']);
    // And the public page is live.
    const page = await fetch(post.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Julian Ávila Polo reports from');
  });

  it('updates the same post with the current updated_at, and refuses a stale one without overwriting', async () => {
    const post = await client.createPost({ title: `Update ${run}`, html: '<p>First</p>', status: 'published', slug: `client-${run}-update` });
    created.push(post.id);
    await nextSecond();
    const updated = await client.updatePost(post.id, { title: `Update ${run} (2)`, html: '<p>Second Ávila</p>' }, post.updatedAt);
    expect(updated.id).toBe(post.id);
    expect(updated.title).toBe(`Update ${run} (2)`);
    expect(updated.updatedAt).not.toBe(post.updatedAt);
    expect((await client.getPost(post.id)).html).toBe('<p>Second Ávila</p>');

    // Someone edited it on Ghost since: our copy of updated_at is stale.
    const stale = await failureOf(client.updatePost(post.id, { html: '<p>Would overwrite</p>' }, post.updatedAt));
    expect(stale).toBeInstanceOf(GhostApiFailure);
    expect(stale.code).toBe('CMS_ERROR');
    expect(stale.status).toBe(409);
    expect(stale.ghostType).toBe('UpdateCollisionError');
    expect(stale.message).toBe(
      `The post was changed on the Ghost site at ${env.url} since Newsroom last sent or read it, so it was not overwritten. Compare the two versions and choose which to keep.`,
    );
    expect((await reader.post(post.id))?.html).toBe('<p>Second Ávila</p>');
    // Without the body, no `?source=html` is needed: a title-only change with the fresh version.
    const again = await client.updatePost(post.id, { title: `Update ${run} (3)` }, updated.updatedAt);
    expect(again.title).toBe(`Update ${run} (3)`);
    expect((await client.getPost(post.id)).html).toBe('<p>Second Ávila</p>');
  });

  it('finds a post by slug in any status, and says null for a slug Ghost does not have', async () => {
    const slug = `client-${run}-draft`;
    const draft = await client.createPost({ title: `Draft ${run}`, html: '<p>Draft</p>', status: 'draft', slug });
    created.push(draft.id);
    expect(draft.status).toBe('draft');
    const found = await client.getPostBySlug(slug);
    expect(found).toMatchObject({ id: draft.id, status: 'draft', html: '<p>Draft</p>' });
    expect(await client.getPostBySlug(`client-${run}-never-made`)).toBeNull();
  });

  it('schedules a post for a future time', async () => {
    const at = new Date(Date.now() + 3 * 24 * 3600_000);
    at.setUTCMilliseconds(0);
    const post = await client.createPost({ title: `Scheduled ${run}`, html: '<p>Later</p>', status: 'scheduled', published_at: at.toISOString(), slug: `client-${run}-scheduled` });
    created.push(post.id);
    expect(post.status).toBe('scheduled');
    expect(Date.parse(post.publishedAt ?? '')).toBe(at.getTime());
  });

  it('passes on Ghost’s own words for invalid input (422)', async () => {
    const failure = await failureOf(client.createPost({ title: `Invalid ${run}`, html: '<p>x</p>', status: 'bogus' as GhostPostStatus }));
    expect(failure.code).toBe('CMS_ERROR');
    expect(failure.status).toBe(422);
    expect(failure.ghostType).toBe('ValidationError');
    expect(failure.message).toMatch(/^The Ghost site at http:\/\/127\.0\.0\.1:\d+ refused the post: Validation error, cannot save post\. Validation failed for status\.$/);
    expect(await reader.postsTitled(`Invalid ${run}`)).toEqual([]);
  });

  it('reports a wrong Admin API key as AUTH_FAILED, and creates nothing', async () => {
    const [id = ''] = env.adminApiKey.split(':');
    const wrong = new GhostClient({ adminUrl: env.url, adminApiKey: `${id}:${randomBytes(32).toString('hex')}` });
    const who = await failureOf(wrong.whoAmI());
    expect(who.code).toBe('AUTH_FAILED');
    expect(who.status).toBe(401);
    expect(who.message).toMatch(/^The Ghost site at http:\/\/127\.0\.0\.1:\d+ did not accept the Admin API key \(Invalid token: invalid signature.*\)\. Check the key in Settings\.$/);
    const create = await failureOf(wrong.createPost({ title: `Wrong key ${run}`, html: '<p>x</p>', status: 'published' }));
    expect(create.code).toBe('AUTH_FAILED');
    // A key id Ghost does not know is the same verdict.
    const unknown = new GhostClient({ adminUrl: env.url, adminApiKey: `${'0'.repeat(24)}:${randomBytes(32).toString('hex')}` });
    expect((await failureOf(unknown.whoAmI())).code).toBe('AUTH_FAILED');
    expect(await reader.postsTitled(`Wrong key ${run}`)).toEqual([]);
  });

  it('reports FORBIDDEN when the token does not reach Ghost (a proxy dropping Authorization)', async () => {
    const target = new URL(env.url); // the real Ghost behind a proxy that drops the token
    const url = await serve((req, res) => {
      const headers = { ...req.headers };
      delete headers.authorization;
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    const proxied = new GhostClient({ adminUrl: url, adminApiKey: env.adminApiKey });
    const failure = await failureOf(proxied.whoAmI());
    expect(failure.code).toBe('FORBIDDEN');
    expect(failure.status).toBe(403);
    expect(failure.message).toMatch(/^The Ghost site at http:\/\/127\.0\.0\.1:\d+ did not allow this \(Authorization failed/);
  });

  it('deletes a post: reading it is then NOT_FOUND, and its slug is free', async () => {
    const slug = `client-${run}-delete`;
    const post = await client.createPost({ title: `Delete ${run}`, html: '<p>Gone soon</p>', status: 'published', slug });
    await client.deletePost(post.id);
    const failure = await failureOf(client.getPost(post.id));
    expect(failure.code).toBe('NOT_FOUND');
    expect(failure.message).toBe(`The post is not on the Ghost site at ${env.url} (it may have been deleted there).`);
    expect(await client.getPostBySlug(slug)).toBeNull();
    expect(await reader.post(post.id)).toBeNull();
    expect((await failureOf(client.deletePost(post.id))).code).toBe('NOT_FOUND');
  });
});

describe('GhostClient when the answer is not what Ghost gives', () => {
  const someKey = (): string => `${randomBytes(12).toString('hex')}:${randomBytes(32).toString('hex')}`;

  it('reports a site that cannot be reached', async () => {
    const url = await servers.refusedUrl();
    const failure = await failureOf(new GhostClient({ adminUrl: url, adminApiKey: someKey() }).whoAmI());
    expect(failure.code).toBe('UNREACHABLE');
    expect(failure.message).toMatch(/^Could not reach the Ghost site at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('gives up on a site that hangs, with a time-out message', async () => {
    const url = await serve(() => {
      // Never answers: a stalled server or a dead proxy.
    });
    const failure = await failureOf(new GhostClient({ adminUrl: url, adminApiKey: someKey() }, fetch, 300).getPostBySlug('x'));
    expect(failure.code).toBe('TIMEOUT');
    expect(failure.message).toMatch(/did not answer within 0\.3 seconds/);
  });

  it('rejects a site that answers 200 with something other than Ghost JSON', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hello":"world"}');
    });
    const failure = await failureOf(new GhostClient({ adminUrl: url, adminApiKey: someKey() }).whoAmI());
    expect(failure.code).toBe('BAD_RESPONSE');
    expect(failure.message).toMatch(/answered, but not like Ghost does/);
  });

  it('never reads a foreign 404 page as "no such post" (reconciliation must not resend)', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><title>Not Found</title><h1>Page not found</h1></html>');
    });
    const other = new GhostClient({ adminUrl: `${url}/ghost/`, adminApiKey: someKey() });
    const failure = await failureOf(other.getPostBySlug('some-story'));
    expect(failure.code).toBe('BAD_RESPONSE');
    expect(failure.message).toMatch(/does not offer the Ghost Admin API\. Check the address\.$/);
    expect(failure.message).not.toContain('/ghost/ghost');
  });

  it('passes on Ghost’s words for a rate limit (429) and an internal error (500), with the status for the outbox', async () => {
    const ghostError = (status: number, type: string, message: string) => (_req: unknown, res: ServerResponse) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message, context: null, type, details: null, property: null, help: null, code: null, id: 'x' }] }));
    };
    const limited = await serve(ghostError(429, 'TooManyRequestsError', 'Too many attempts.'));
    const slow = await failureOf(new GhostClient({ adminUrl: limited, adminApiKey: someKey() }).createPost({ title: 't', html: '<p>x</p>', status: 'draft' }));
    expect(slow).toMatchObject({ code: 'CMS_ERROR', status: 429, ghostType: 'TooManyRequestsError' });
    expect(slow.message).toMatch(/is receiving too many requests and asked Newsroom to wait: Too many attempts\.$/);
    const broken = await serve(ghostError(500, 'InternalServerError', 'The server has encountered an error.'));
    const write = await failureOf(new GhostClient({ adminUrl: broken, adminApiKey: someKey() }).createPost({ title: 't', html: '<p>x</p>', status: 'draft' }));
    expect(write).toMatchObject({ code: 'CMS_ERROR', status: 500 });
    expect(write.message).toMatch(/had an internal error \(HTTP 500: The server has encountered an error\.\)\. It may or may not have saved the change; try again later\.$/);
    const read = await failureOf(new GhostClient({ adminUrl: broken, adminApiKey: someKey() }).getPost('abc'));
    expect(read.message).toMatch(/\. Try again later\.$/);
  });

  it('explains a server error page in plain words', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>');
    });
    const failure = await failureOf(new GhostClient({ adminUrl: url, adminApiKey: someKey() }).createPost({ title: 't', html: '<p>x</p>', status: 'draft' }));
    expect(failure.code).toBe('BAD_RESPONSE');
    expect(failure.status).toBe(502);
    expect(failure.message).toMatch(/answered with an error \(HTTP 502\) instead of Ghost data: “Bad Gateway”\. The site may be down; try again later\.$/);
  });
});
