import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readGhostEnv, type GhostEnv } from '../../../../e2e/host/ghost';
import { LoopbackServers } from '../../test-support/loopback-servers';
import { SendFailure } from '../../outbox/transport';
import { GhostAdapter } from './ghost-adapter';
import { fullStory, jobOf, MemoryAssets, publishPayload } from './ghost-testing';

/**
 * "Test connection" against the real Ghost (a working key, a wrong secret), and against what
 * Ghost cannot be made to be: a closed port, a web server that is not Ghost, a site with a
 * self-signed certificate (made with openssl for the test).
 */
let env: GhostEnv;
let notReady: unknown;
const servers = new LoopbackServers();
let tlsServer: Server | undefined;
let tlsUrl = '';
let certDir = '';

beforeAll(async () => {
  try {
    env = await readGhostEnv();
  } catch (error) {
    notReady = error;
  }
  certDir = await mkdtemp(join(tmpdir(), 'newsroom-ghost-tls-'));
  const [key, cert] = [join(certDir, 'key.pem'), join(certDir, 'cert.pem')];
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1']);
  tlsServer = createServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) => res.end('{}'));
  await new Promise<void>((resolve) => tlsServer?.listen(0, '127.0.0.1', resolve));
  tlsUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await servers.closeAll();
  tlsServer?.closeAllConnections();
  await new Promise((resolve) => (tlsServer ? tlsServer.close(resolve) : resolve(undefined)));
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

const someKey = (): string => `${randomBytes(12).toString('hex')}:${randomBytes(32).toString('hex')}`;
const adapterAt = (adminUrl: string, adminApiKey: string, fetchImpl: typeof fetch = fetch): GhostAdapter =>
  new GhostAdapter({ adminUrl, adminApiKey }, { readAsset: new MemoryAssets().read, fetchImpl, timeoutMs: 2_000 });

describe('Test connection to a real Ghost', () => {
  beforeEach(() => {
    if (notReady !== undefined) throw notReady;
  });

  it('recognises a working integration key: the site, its version, and that it may publish', async () => {
    expect(await adapterAt(env.url, env.adminApiKey).testConnection()).toEqual({
      ok: true,
      account: 'A custom integration on “Newsroom test site” (Ghost 5.130.6)',
      canPublish: true,
    });
  });

  it('says AUTH_FAILED for a wrong secret', async () => {
    const [id = ''] = env.adminApiKey.split(':');
    const verdict = await adapterAt(env.url, `${id}:${randomBytes(32).toString('hex')}`).testConnection();
    expect(verdict).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    if (!verdict.ok) expect(verdict.message).toMatch(/did not accept the Admin API key \(Invalid token: invalid signature.*\)\. Check the key in Settings\./);
  });
});

describe('Test connection when the site is not a working Ghost', () => {
  it('says NOT_CONFIGURED for a malformed key or address, before any request', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const noKey = await adapterAt('https://news.example', 'not-a-key', counting).testConnection();
    expect(noKey).toMatchObject({ ok: false, code: 'NOT_CONFIGURED', message: expect.stringMatching(/^This is not a Ghost Admin API key/) });
    const noUrl = await adapterAt('news.example', someKey(), counting).testConnection();
    expect(noUrl).toMatchObject({ ok: false, code: 'NOT_CONFIGURED', message: expect.stringMatching(/not a web address/) });
    expect(requests).toBe(0);
    // Sending with it is refused the same way, certainly without effect.
    const send = await adapterAt('https://news.example', 'not-a-key', counting)
      .send(jobOf('create', publishPayload(fullStory('x', 'y', { featured: 'a'.repeat(16) + '.png', inline: 'b'.repeat(16) + '.png' }))), { earlier: undefined })
      .catch((e: unknown) => e);
    expect(send).toBeInstanceOf(SendFailure);
    expect(send).toMatchObject({ code: 'NOT_CONFIGURED', outcomeUnknown: false });
    expect(requests).toBe(0);
  });

  it('says UNREACHABLE for a closed port', async () => {
    const verdict = await adapterAt(await servers.refusedUrl(), someKey()).testConnection();
    expect(verdict).toMatchObject({ ok: false, code: 'UNREACHABLE', message: expect.stringMatching(/^Could not reach the Ghost site at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/) });
  });

  it('says TIMEOUT for a site that never answers', async () => {
    const url = await servers.serve(() => undefined);
    expect(await adapterAt(url, someKey()).testConnection()).toMatchObject({ ok: false, code: 'TIMEOUT' });
  });

  it('says BAD_RESPONSE for a web server that is not Ghost (an HTML page, or JSON of another shape)', async () => {
    const html = await servers.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><title>My blog</title><body>Hello</body></html>');
    });
    const page = await adapterAt(html, someKey()).testConnection();
    expect(page).toMatchObject({ ok: false, code: 'BAD_RESPONSE', message: expect.stringMatching(/answered, but not like Ghost does\. Check that the address is a Ghost site\.$/) });
    const json = await servers.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"site":{"name":"WordPress"}}');
    });
    expect(await adapterAt(json, someKey()).testConnection()).toMatchObject({ ok: false, code: 'BAD_RESPONSE' });
    const missing = await servers.serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    expect(await adapterAt(missing, someKey()).testConnection()).toMatchObject({ ok: false, code: 'BAD_RESPONSE', message: expect.stringMatching(/does not offer the Ghost Admin API/) });
  });

  it('says TLS_ERROR for a self-signed certificate, naming the reason', async () => {
    const verdict = await adapterAt(tlsUrl, someKey()).testConnection();
    expect(verdict).toMatchObject({ ok: false, code: 'TLS_ERROR' });
    if (!verdict.ok) expect(verdict.message).toMatch(/self-signed certificate.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });
});
