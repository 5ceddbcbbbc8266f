import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { sendRequest, TransportFailure } from './http';

/** Faults a real CMS cannot produce on demand, from tiny loopback servers. */
const servers: Server[] = [];
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const request = (url: string, timeoutMs = 2_000) =>
  sendRequest(fetch, { method: 'POST', url, body: { title: 'x' }, timeoutMs, siteLabel: 'the test site' });

async function failure(promise: Promise<unknown>): Promise<TransportFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TransportFailure);
  return error as TransportFailure;
}

describe('sendRequest', () => {
  it('passes Retry-After on to the caller', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
      res.end('{"message":"slow down"}');
    });
    expect(await request(url)).toMatchObject({ status: 429, retryAfter: '7', json: { message: 'slow down' } });
  });

  it('a refused connection certainly did nothing on the server', async () => {
    const url = await serve(() => {});
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(request(url));
    expect(error).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: false });
  });

  it('a connection reset after the request was sent leaves the outcome unknown', async () => {
    const url = await serve((req) => {
      // The server read the request (it may have committed it), then the connection dropped.
      req.resume();
      req.on('end', () => req.socket.destroy());
    });
    const error = await failure(request(url));
    expect(error).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: true });
  });

  it('a time-out after sending leaves the outcome unknown', async () => {
    const url = await serve(() => {});
    const error = await failure(request(url, 200));
    expect(error).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    expect(error.message).toContain('did not answer within 0.2 seconds');
  });
});
