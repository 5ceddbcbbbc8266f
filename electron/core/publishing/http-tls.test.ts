import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest, tlsProblem, TransportFailure } from './http';

/**
 * TLS failures are told apart from "unreachable": they do not pass by waiting, and the journalist
 * (or the site's administrator) has to act. A real HTTPS server on 127.0.0.1 with a self-signed
 * certificate made by openssl produces Node's own error; the other codes are checked by name.
 */
let dir: string;
let server: Server | undefined;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1']);
  const https = createServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) => res.end('{}'));
  server = https;
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

describe('TLS failures', () => {
  it('a self-signed certificate is TLS_ERROR, in plain words, and certainly sent nothing', async () => {
    const error = await sendRequest(fetch, { method: 'POST', url, body: { title: 'x' }, timeoutMs: 5_000, siteLabel: 'the test site' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransportFailure);
    expect(error).toMatchObject({ code: 'TLS_ERROR', outcomeUnknown: false });
    expect((error as Error).message).toBe(
      'The secure connection to the test site failed: it uses a self-signed certificate this computer does not trust (DEPTH_ZERO_SELF_SIGNED_CERT).',
    );
  });

  it.each([
    ['CERT_HAS_EXPIRED', /expired/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /self-signed/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /another address/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /not signed by an authority/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /could not be checked/],
  ])('%s is explained', (code, words) => {
    expect(tlsProblem(code)).toMatch(words);
  });

  it('network codes are not TLS problems', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', undefined]) expect(tlsProblem(code)).toBeUndefined();
  });
});
