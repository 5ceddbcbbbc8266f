import { AppFailure } from '../../../../shared/ipc/result';
import type { ConnectionVerdict } from '../adapter';
import { SendFailure } from '../../outbox/transport';
import { type HttpReply, htmlErrorSummary } from '../http';
import { ErrorAnswerSchema } from './payload';

/**
 * An answer other than success, as a SendFailure the outbox policy can act on, in plain words.
 * The `error` codes are the ones docs/http-endpoint.md asks the CMS to use.
 */
export function answerFailure(reply: HttpReply, site: string, phase: 'send' | 'reconcile'): SendFailure {
  const { status, retryAfter } = reply;
  const parsed = ErrorAnswerSchema.safeParse(reply.json);
  const error = parsed.success ? parsed.data.error : undefined;
  const said = parsed.success && parsed.data.message ? ` It said: “${parsed.data.message.slice(0, 200)}”` : '';
  const base = { status, retryAfter, outcomeUnknown: false };
  if (status === 401) return new SendFailure({ ...base, code: 'AUTH_FAILED', message: `${cap(site)} refused Newsroom’s token or signature. Check the secret in the publishing profile.` });
  if (status === 403) return new SendFailure({ ...base, code: 'FORBIDDEN', message: `${cap(site)} does not let this account publish.${said}` });
  if (status === 404) return new SendFailure({ ...base, code: 'NOT_FOUND', message: `${cap(site)} no longer has this story (it was deleted there).` });
  if (status === 409 && error === 'idempotency_in_progress') {
    // The first attempt is still being worked on there: it may yet succeed, so do not re-send blind.
    return new SendFailure({ ...base, code: 'CMS_ERROR', inProgress: true, outcomeUnknown: true, message: `${cap(site)} is still working on the first try of this action.` });
  }
  if (status === 409) {
    return new SendFailure({ ...base, code: 'CONFLICT', message: `The story was changed on ${site} since Newsroom last sent it. Compare the two before overwriting it.` });
  }
  if (status === 422 && error === 'idempotency_key_reused') {
    return new SendFailure({ ...base, code: 'BAD_RESPONSE', message: `${cap(site)} already had a different request under this action’s key, so nothing was sent. This needs a developer to look at it.` });
  }
  if (status === 429 || status === 503) {
    return new SendFailure({ ...base, code: 'CMS_ERROR', message: `${cap(site)} is busy or down for a moment; Newsroom will try again.` });
  }
  // A gateway that gave up may have passed the request on: the CMS may have acted.
  const outcomeUnknown = phase === 'send' && (status === 502 || status === 504);
  const page = reply.json === undefined ? htmlErrorSummary(reply.text) : undefined;
  const detail = said || (page ? ` (${page})` : '');
  return new SendFailure({ ...base, outcomeUnknown, code: status >= 500 ? 'CMS_ERROR' : 'BAD_RESPONSE', message: `${cap(site)} answered with an error (HTTP ${status}).${detail}` });
}

/** A failure of the connection check, as the verdict the profile screen shows. */
export function transportVerdict(error: unknown): ConnectionVerdict {
  if (error instanceof AppFailure) {
    const code = error.code;
    if (code === 'TIMEOUT' || code === 'UNREACHABLE' || code === 'TLS_ERROR') return { ok: false, code, message: error.message };
    return { ok: false, code: 'BAD_RESPONSE', message: error.message };
  }
  return { ok: false, code: 'UNREACHABLE', message: 'Newsroom could not reach the publishing endpoint.' };
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
