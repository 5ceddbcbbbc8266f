import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WordPressEnv } from '../../../../e2e/host/wordpress';
import { LoopbackServers } from '../../test-support/loopback-servers';
import { adapterFor, fullArticle, jobOf, publishPayload, WordPressAdmin, wordpressEnv } from './adapter-testing';

/**
 * "Test connection" verdicts: the real WordPress for the accounts (right, wrong password, a
 * Contributor made through its REST API), small local servers for what it cannot be (a port
 * nobody listens on, another web site, a site that never answers, a self-signed certificate).
 */
let env: WordPressEnv;
let admin: WordPressAdmin;
const servers = new LoopbackServers();
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  env = await wordpressEnv();
  admin = new WordPressAdmin(env);
});
afterAll(async () => {
  await servers.closeAll();
  while (cleanups.length) await cleanups.pop()?.();
});

describe('WordPressAdapter.testConnection', () => {
  it('accepts the administrator, who may publish', async () => {
    expect(await adapterFor(env).testConnection()).toEqual({ ok: true, account: expect.any(String), canPublish: true });
  });

  it('AUTH_FAILED for a wrong application password', async () => {
    const verdict = await adapterFor(env, undefined, { applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' }).testConnection();
    expect(verdict).toEqual({ ok: false, code: 'AUTH_FAILED', message: expect.stringMatching(/did not accept the user name or application password/) });
  });

  it('FORBIDDEN for a Contributor (signed in, may not publish); an Author may', async () => {
    const contributor = await admin.userWithRole('contributor');
    cleanups.push(contributor.remove);
    const verdict = await adapterFor(env, undefined, contributor).testConnection();
    expect(verdict).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/can sign in .* but may not publish posts there/) });
    // Publishing anyway is refused by WordPress (403): parked by the outbox, never retried, nothing made.
    const refused = await adapterFor(env, undefined, contributor)
      .send(jobOf('create', publishPayload(fullArticle(`Contributor ${Date.now()}`))), { earlier: undefined })
      .then(() => undefined, (e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', status: 403, outcomeUnknown: false });
    const author = await admin.userWithRole('author');
    cleanups.push(author.remove);
    expect(await adapterFor(env, undefined, author).testConnection()).toMatchObject({ ok: true, canPublish: true });
  });

  it('UNREACHABLE when nothing listens at the address', async () => {
    const verdict = await adapterFor(env, undefined, { siteUrl: await servers.refusedUrl() }).testConnection();
    expect(verdict).toEqual({ ok: false, code: 'UNREACHABLE', message: expect.stringMatching(/Could not reach .*ECONNREFUSED/) });
  });

  it('BAD_RESPONSE for a web site that is not WordPress (a 200 HTML page)', async () => {
    const url = await servers.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Bakery</title><h1>Fresh bread daily</h1>');
    });
    const verdict = await adapterFor(env, undefined, { siteUrl: url }).testConnection();
    expect(verdict).toEqual({ ok: false, code: 'BAD_RESPONSE', message: expect.stringMatching(/not like WordPress does/) });
  });

  it('TIMEOUT for a site that accepts the connection and never answers', async () => {
    const url = await servers.serve(() => undefined);
    const started = Date.now();
    const verdict = await adapterFor(env, undefined, { siteUrl: url, timeoutMs: 300 }).testConnection();
    expect(verdict).toEqual({ ok: false, code: 'TIMEOUT', message: expect.stringMatching(/did not answer within 0.3 seconds/) });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('TLS_ERROR for a self-signed certificate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsroom-wp-tls-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1']);
    const https = createServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => https.close(() => resolve())));
    const verdict = await adapterFor(env, undefined, { siteUrl: `https://127.0.0.1:${(https.address() as AddressInfo).port}` }).testConnection();
    expect(verdict).toEqual({ ok: false, code: 'TLS_ERROR', message: expect.stringMatching(/secure connection .* self-signed/) });
  });

  it('NOT_CONFIGURED for an address that is not one, without any request', async () => {
    expect(await adapterFor(env, undefined, { siteUrl: 'news example' }).testConnection()).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
    expect(await adapterFor(env, undefined, { applicationPassword: ' ' }).testConnection()).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
  });
});
