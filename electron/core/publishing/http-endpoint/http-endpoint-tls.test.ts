import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendFailure } from '../../outbox/transport';
import { jobOf, publish, readAsset } from '../adapter-fixture';
import { HttpEndpointAdapter } from './http-endpoint-adapter';

/** An endpoint behind a self-signed certificate (made by openssl): TLS_ERROR, and nothing was sent. */
let dir: string;
let server: Server | undefined;
let hits = 0;
let adapter: HttpEndpointAdapter;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-endpoint-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1']);
  const https = createServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) => {
    hits += 1;
    res.end('{}');
  });
  server = https;
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/newsroom`;
  adapter = new HttpEndpointAdapter({ endpointUrl: url, auth: { kind: 'hmac', secret: 's' }, readAsset, timeoutMs: 5_000 });
});

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

describe('HTTP endpoint over TLS', () => {
  it('says the certificate is not trusted, for the connection check and a send (certainly not sent)', async () => {
    expect(await adapter.testConnection()).toMatchObject({ ok: false, code: 'TLS_ERROR', message: expect.stringMatching(/self-signed/) });
    const failure = await adapter.send(jobOf('create', publish()), { earlier: undefined }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SendFailure);
    expect(failure).toMatchObject({ code: 'TLS_ERROR', outcomeUnknown: false });
    expect(hits).toBe(0);
  });
});
