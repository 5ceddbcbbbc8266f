import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWordPressEnv, WordPressReader, wordpressScript, type WordPressEnv } from '../../../../e2e/host/wordpress';
import { AppFailure } from '../../../../shared/ipc/result';
import { LoopbackServers } from '../../test-support/loopback-servers';
import { WordPressClient } from './wordpress-client';

/**
 * Against the real WordPress on 127.0.0.1 (scripts/cms/wordpress.sh, started by `npm test`).
 * Small local servers stand in only for faults WordPress cannot produce on demand: a hang and garbage.
 */
let env: WordPressEnv;

beforeAll(async () => {
  env = await readWordPressEnv().catch(() => {
    throw new Error('The test WordPress is not running: start it with `npm run cms:wordpress start` (needs root for apt).');
  });
});

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('WordPressClient against a real WordPress', () => {
  it('recognises valid credentials and the right to publish', async () => {
    const me = await new WordPressClient({ siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword }).whoAmI();
    expect(me.canPublish).toBe(true);
    expect(me.name.length).toBeGreaterThan(0);
  });

  it('reports a wrong application password as AUTH_FAILED in plain words', async () => {
    const client = new WordPressClient({ siteUrl: env.url, username: env.username, applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' });
    const failure = await failureOf(client.whoAmI());
    expect(failure.code).toBe('AUTH_FAILED');
    expect(failure.message).toMatch(/did not accept the user name or application password/);
    const createFailure = await failureOf(client.createPost({ title: 'Never', content: '<p>x</p>', status: 'publish' }));
    expect(createFailure.code).toBe('AUTH_FAILED');
  });

  it('creates a post and updates the same post', async () => {
    const client = new WordPressClient({ siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword });
    const title = `Client test ${Date.now()}`;
    const created = await client.createPost({ title, content: '<!-- wp:paragraph --><p>First Ávila</p><!-- /wp:paragraph -->', status: 'publish' });
    const updated = await client.updatePost(created.id, { title, content: '<!-- wp:paragraph --><p>Second</p><!-- /wp:paragraph -->', status: 'publish' });
    expect(updated.id).toBe(created.id);
    const post = await new WordPressReader(env).post(created.id);
    expect(post.content.raw).toContain('<p>Second</p>');
    expect(await new WordPressReader(env).postsTitled(title)).toHaveLength(1);
  });

  it('explains the error when the database is down (an HTML page, or JSON for a JSON post), then recovers', async () => {
    const client = new WordPressClient({ siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword });
    await wordpressScript('db-stop');
    try {
      // A GET gets WordPress' HTML error page...
      const page = await failureOf(client.whoAmI());
      expect(page.code).toBe('BAD_RESPONSE');
      expect(page.message).toContain('answered with an error page (HTTP 500)');
      expect(page.message).toContain('“Error establishing a database connection”');
      // ...a JSON POST gets the same failure as JSON.
      const json = await failureOf(client.createPost({ title: 'Never', content: '<p>x</p>', status: 'publish' }));
      expect(json.code).toBe('CMS_ERROR');
      expect(json.message).toContain('internal error (HTTP 500: Error establishing a database connection)');
    } finally {
      await wordpressScript('db-start');
    }
    await expect(client.whoAmI()).resolves.toMatchObject({ canPublish: true });
  });
});

describe('WordPressClient when the site is not answering like WordPress', () => {
  const servers = new LoopbackServers();
  const serve = (handler: Parameters<LoopbackServers['serve']>[0]): Promise<string> => servers.serve(handler);
  afterAll(() => servers.closeAll());

  it('reports a site that cannot be reached', async () => {
    const url = await servers.refusedUrl();
    const failure = await failureOf(new WordPressClient({ siteUrl: url, username: 'a', applicationPassword: 'b' }).whoAmI());
    expect(failure.code).toBe('UNREACHABLE');
    expect(failure.message).toMatch(/Could not reach the WordPress site at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('gives up on a site that hangs, with a time-out message', async () => {
    const url = await serve(() => {
      // Never answers: a stalled server or a dead proxy.
    });
    const failure = await failureOf(new WordPressClient({ siteUrl: url, username: 'a', applicationPassword: 'b' }, fetch, 300).whoAmI());
    expect(failure.code).toBe('TIMEOUT');
    expect(failure.message).toMatch(/did not answer within 0\.3 seconds/);
  });

  it('rejects a site that answers 200 with something other than WordPress JSON', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hello":"world"}');
    });
    const failure = await failureOf(new WordPressClient({ siteUrl: url, username: 'a', applicationPassword: 'b' }).whoAmI());
    expect(failure.code).toBe('BAD_RESPONSE');
    expect(failure.message).toMatch(/not like WordPress/);
  });

  it('rejects a plain web page that has no REST API', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><title>Not Found</title><h1>Page not found</h1></html>');
    });
    const failure = await failureOf(new WordPressClient({ siteUrl: url, username: 'a', applicationPassword: 'b' }).whoAmI());
    expect(failure.code).toBe('BAD_RESPONSE');
    expect(failure.message).toContain('Page not found');
  });
});
