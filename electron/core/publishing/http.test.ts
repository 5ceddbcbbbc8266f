import { afterAll, describe, expect, it } from 'vitest';
import { LoopbackServers } from '../test-support/loopback-servers';
import { sendRequest, TransportFailure } from './http';

/** Faults a real CMS cannot produce on demand, from tiny loopback servers. */
const servers = new LoopbackServers();
const serve = async (handler: Parameters<LoopbackServers['serve']>[0]): Promise<string> => `${await servers.serve(handler)}/`;
afterAll(() => servers.closeAll());

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
    const error = await failure(request(`${await servers.refusedUrl()}/`));
    expect(error).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: false });
  });

  it('a port fetch blocks for safety is said plainly, and nothing was sent', async () => {
    const error = await failure(request('http://127.0.0.1:6000/'));
    expect(error).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: false });
    expect(error.message).toMatch(/port 6000 is blocked/);
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
