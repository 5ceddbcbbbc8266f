import { createHash } from 'node:crypto';
import { AppFailure } from '../../../../shared/ipc/result';
import type { ConnectionVerdict } from '../adapter';
import { SendFailure } from '../../outbox/transport';
import { TransportFailure } from '../http';
import { GhostApiFailure } from './ghost-errors';

/**
 * The internal tag that marks what one job made, so `reconcile` can find it: Ghost takes no
 * Idempotency-Key. Tags starting with `#` are internal (never shown on the site) and their slug
 * becomes `hash-…`, which the Admin API filters on (`filter=tag:hash-nr-…`, checked against
 * Ghost 5.130.6). A hash, not the key itself: keys may be long and hold characters slugs drop.
 */
export function markerTag(idempotencyKey: string): { name: string; slug: string } {
  const hash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 20);
  return { name: `#nr-${hash}`, slug: `hash-nr-${hash}` };
}

/**
 * Whatever failed during a send or a reconcile look-up, as the outbox's SendFailure. `writing`
 * says the request that changes the post (create or update) had left: only then can the outcome
 * be unknown. Image uploads and reads before it cannot have made the post, so a failure there
 * is certain (an orphan image at worst, which a re-send does not duplicate into the story).
 */
export function toGhostSendFailure(error: unknown, writing: boolean, site: string): SendFailure {
  if (error instanceof SendFailure) return error;
  if (error instanceof TransportFailure) {
    // A TLS failure is never sent (the handshake comes first): http.ts says outcomeUnknown false.
    return new SendFailure({ code: error.code, message: error.message, outcomeUnknown: writing && error.outcomeUnknown, cause: error });
  }
  if (error instanceof GhostApiFailure) {
    const { status } = error;
    const base = { message: error.message, status, retryAfter: error.retryAfter, cause: error };
    if (status === 409 && error.ghostType === 'UpdateCollisionError') return new SendFailure({ ...base, code: 'CONFLICT', outcomeUnknown: false });
    if (status === 401) return new SendFailure({ ...base, code: 'AUTH_FAILED', outcomeUnknown: false });
    if (status === 403 && error.code === 'FORBIDDEN') return new SendFailure({ ...base, code: 'FORBIDDEN', outcomeUnknown: false });
    if ((status === 422 || status === 400) && error.code === 'CMS_ERROR') return new SendFailure({ ...base, code: 'BAD_RESPONSE', outcomeUnknown: false });
    // A 2xx we could not read, or a 5xx after the write left (Ghost or a gateway may have saved
    // the post before failing): only a look-up can tell. 503 means the site was not taking requests.
    const unknown = writing && ((status >= 200 && status < 300) || (status >= 500 && status !== 503));
    return new SendFailure({ ...base, code: error.code, outcomeUnknown: unknown });
  }
  if (error instanceof AppFailure) return new SendFailure({ code: error.code, message: error.message, outcomeUnknown: writing, cause: error });
  return new SendFailure({ code: 'INTERNAL', message: `Newsroom had an internal problem while publishing to ${site}.`, outcomeUnknown: writing, cause: error });
}

type FailedVerdict = Extract<ConnectionVerdict, { ok: false }>;

/** A failed "Test connection" in the verdict's terms. */
export function toVerdict(error: unknown, site: string): FailedVerdict {
  if (error instanceof AppFailure) {
    switch (error.code) {
      case 'UNREACHABLE':
      case 'TIMEOUT':
      case 'TLS_ERROR':
      case 'AUTH_FAILED':
      case 'FORBIDDEN':
      case 'BAD_RESPONSE':
      case 'NOT_CONFIGURED':
      case 'IO_ERROR':
        return { ok: false, code: error.code, message: error.message };
      default:
        // A Ghost error on a read that should always work (500, a 404 of the API itself).
        return { ok: false, code: 'BAD_RESPONSE', message: error.message };
    }
  }
  return { ok: false, code: 'BAD_RESPONSE', message: `Newsroom could not make sense of the answer from ${site}.` };
}
