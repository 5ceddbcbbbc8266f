import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `X-Newsroom-Signature` header (Stripe's scheme): `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">` with the profile's shared secret. The time inside the signed text lets the
 * receiver refuse a captured request replayed later; docs/http-endpoint.md shows how to verify.
 */
export const SIGNATURE_HEADER = 'X-Newsroom-Signature';
/** How far apart the sender's and the receiver's clocks may be, and how old a request may be. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signatureFor(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

export function signatureHeader(secret: string, rawBody: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${signatureFor(secret, timestamp, rawBody)}`;
}

/** True when `header` signs exactly `rawBody` with `secret`, made within the tolerance of `now`. */
export function verifySignature(secret: string, header: string | undefined, rawBody: string, now: Date, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  if (header === undefined) return false;
  const parts = new Map(header.split(',').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureFor(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
