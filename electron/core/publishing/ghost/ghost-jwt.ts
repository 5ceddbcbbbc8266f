import { createHmac } from 'node:crypto';
import { AppFailure } from '../../../../shared/ipc/result';

/**
 * Ghost Admin API tokens (docs.ghost.org/admin-api, "Token Authentication"): the Admin API key
 * `id:secret` is never sent itself; each request carries a short-lived HS256 JWT whose `kid` header
 * names the key and which is signed with the hex-decoded secret. Ghost accepts at most 5 minutes
 * between `iat` and `exp`, so a token is minted per request.
 */
export interface GhostAdminKey {
  id: string;
  /** The secret, hex-decoded. */
  secret: Buffer;
}

/** How long a token is valid: Ghost's maximum (`maxAge: '5m'`). */
export const TOKEN_LIFETIME_SECONDS = 300;

const KEY_PATTERN = /^([0-9a-f]{24}):((?:[0-9a-f]{2}){16,})$/i;

/**
 * Splits and checks an Admin API key. Ghost's are a 24-hex-digit id and a 64-hex-digit secret;
 * any even-length hex secret of 16 bytes or more is accepted so a future key length still works.
 */
export function parseAdminKey(adminApiKey: string): GhostAdminKey {
  const match = KEY_PATTERN.exec(adminApiKey.trim());
  if (!match?.[1] || !match[2]) {
    throw new AppFailure(
      'INVALID_INPUT',
      'This is not a Ghost Admin API key. Copy the “Admin API key” of a custom integration in Ghost (Settings → Integrations): it looks like an id, a colon and a long secret.',
    );
  }
  return { id: match[1].toLowerCase(), secret: Buffer.from(match[2], 'hex') };
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A fresh token for `Authorization: Ghost <token>`, valid from `now` for five minutes. */
export function mintAdminToken(key: GhostAdminKey, now: Date = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT', kid: key.id })}.${base64url({ iat, exp: iat + TOKEN_LIFETIME_SECONDS, aud: '/admin/' })}`;
  const signature = createHmac('sha256', key.secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}
