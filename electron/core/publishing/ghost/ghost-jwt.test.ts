import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/ipc/result';
import { mintAdminToken, parseAdminKey, TOKEN_LIFETIME_SECONDS } from './ghost-jwt';

const ID = '6650f1d2a1b2c3d4e5f60718';
const SECRET_HEX = randomBytes(32).toString('hex');
const KEY = `${ID}:${SECRET_HEX}`;

/** Decodes a JWT part without the code under test. */
const decodePart = (part: string): unknown => JSON.parse(Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));

describe('Ghost Admin API token', () => {
  it('is an HS256 JWT naming the key, signed with the hex-decoded secret', () => {
    const token = mintAdminToken(parseAdminKey(KEY), new Date('2026-03-01T12:00:00.900Z'));
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    const [header = '', payload = '', signature = ''] = parts;
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    expect(decodePart(header)).toEqual({ alg: 'HS256', typ: 'JWT', kid: ID });
    // An independent HMAC: RFC 7515's signing input with the secret's bytes, not its hex text.
    const expected = createHmac('sha256', Buffer.from(SECRET_HEX, 'hex'))
      .update(Buffer.from(`${header}.${payload}`, 'ascii'))
      .digest('base64')
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(signature).toBe(expected);
    const wrongSecret = createHmac('sha256', SECRET_HEX).update(`${header}.${payload}`).digest('base64url');
    expect(signature).not.toBe(wrongSecret);
  });

  it('is valid for five minutes from now, for the Admin API', () => {
    const now = new Date('2026-03-01T12:00:00.900Z');
    const [, payload = ''] = mintAdminToken(parseAdminKey(KEY), now).split('.');
    const claims = decodePart(payload) as { iat: number; exp: number; aud: string };
    expect(claims).toEqual({ iat: 1772366400, exp: 1772366700, aud: '/admin/' });
    expect(claims.exp - claims.iat).toBe(300);
    expect(TOKEN_LIFETIME_SECONDS).toBe(300);
  });

  it('is minted fresh: a later time gives a later token', () => {
    const key = parseAdminKey(KEY);
    const first = mintAdminToken(key, new Date(1_000_000_000_000));
    const second = mintAdminToken(key, new Date(1_000_000_060_000));
    expect(second).not.toBe(first);
    const [, payload = ''] = second.split('.');
    expect((decodePart(payload) as { iat: number }).iat).toBe(1_000_000_060);
  });

  it('accepts a key with surrounding spaces or upper-case hex', () => {
    const key = parseAdminKey(`  ${ID.toUpperCase()}:${SECRET_HEX.toUpperCase()}\n`);
    expect(key.id).toBe(ID);
    expect(key.secret.toString('hex')).toBe(SECRET_HEX);
  });

  it.each([
    ['empty', ''],
    ['no colon', `${ID}${SECRET_HEX}`],
    ['a Content API key', 'a1b2c3d4e5f6a7b8c9d0e1f2a3'],
    ['a secret that is not hex', `${ID}:${'z'.repeat(64)}`],
    ['an odd-length secret', `${ID}:${SECRET_HEX.slice(1)}`],
    ['a short id', `abc:${SECRET_HEX}`],
    ['a staff token pasted twice', `${KEY}:${SECRET_HEX}`],
  ])('rejects a malformed key (%s) in plain words', (_label, bad) => {
    let error: unknown;
    try {
      parseAdminKey(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('INVALID_INPUT');
    expect((error as AppFailure).message).toMatch(/not a Ghost Admin API key.*Settings → Integrations/);
    // The secret never appears in the message.
    expect((error as AppFailure).message).not.toContain(SECRET_HEX.slice(0, 16));
  });
});
