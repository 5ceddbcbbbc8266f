import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../publishing/http-endpoint/signing';
import { HttpReceiver } from './http-receiver';

const SECRET = 'whsec_receiver';
let receiver: HttpReceiver;
beforeEach(async () => {
  receiver = await new HttpReceiver({ kind: 'hmac', secret: SECRET }).start();
});
afterEach(() => receiver.close());

const health = (headers: Record<string, string>) => fetch(`${receiver.url}/health`, { headers });

describe('signatures (what the receiver and docs/http-endpoint.md check)', () => {
  const now = new Date('2026-11-28T10:00:00.000Z');
  it('accepts the exact body within five minutes, and nothing else', () => {
    const header = signatureHeader(SECRET, '{"a":1}', now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, header, '{"a":1}', now)).toBe(true);
    expect(verifySignature(SECRET, header, '{"a":1}', new Date(now.getTime() + 299_000))).toBe(true);
    expect(verifySignature(SECRET, header, '{"a":1}', new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifySignature(SECRET, header, '{"a":2}', now)).toBe(false);
    expect(verifySignature('other', header, '{"a":1}', now)).toBe(false);
    expect(verifySignature(SECRET, header.replace(/t=\d+/, 't=1'), '{"a":1}', now)).toBe(false);
    expect(verifySignature(SECRET, 'v1=abc', '{"a":1}', now)).toBe(false);
    expect(verifySignature(SECRET, undefined, '{"a":1}', now)).toBe(false);
  });

  it('the receiver refuses an unsigned, a stale and a wrongly signed request with 401', async () => {
    expect((await health({})).status).toBe(401);
    const stale = signatureHeader(SECRET, '', new Date(Date.now() - 600_000));
    expect((await health({ 'X-Newsroom-Signature': stale })).status).toBe(401);
    expect((await health({ 'X-Newsroom-Signature': signatureHeader('nope', '', new Date()) })).status).toBe(401);
    expect((await health({ 'X-Newsroom-Signature': signatureHeader(SECRET, '', new Date()) })).status).toBe(200);
  });

  it('refuses a signed send without an Idempotency-Key, and a payload that is not the documented one', async () => {
    const post = (body: string, headers: Record<string, string>) =>
      fetch(receiver.url, { method: 'POST', body, headers: { 'X-Newsroom-Signature': signatureHeader(SECRET, body, new Date()), ...headers } });
    expect((await post('{}', {})).status).toBe(400);
    const bad = await post('{"version":1}', { 'Idempotency-Key': 'k1' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_payload' });
    expect(receiver.items.size).toBe(0);
  });
});
