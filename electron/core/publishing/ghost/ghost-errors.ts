import { z } from 'zod';
import { AppFailure, type ErrorCode } from '../../../../shared/ipc/result';
import { capitalise, htmlErrorSummary, type HttpReply } from '../http';

/** A failure Ghost answered with: the HTTP status and Ghost's own error type, for the outbox policy. */
export class GhostApiFailure extends AppFailure {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    /** Ghost's error `type`, e.g. `UpdateCollisionError`, `ValidationError`, `NotFoundError`. */
    readonly ghostType?: string,
    /** The raw `Retry-After` header, for the outbox's backoff. */
    readonly retryAfter?: string,
  ) {
    super(code, message);
    this.name = 'GhostApiFailure';
  }
}

const ErrorReplySchema = z.object({
  errors: z
    .array(
      z.object({
        message: z.string(),
        context: z.string().nullable().optional(),
        type: z.string().optional(),
        code: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

/** A non-2xx answer in plain words, naming the site (`site` = "the Ghost site at …"). */
export function ghostFailure(reply: HttpReply, method: string, site: string): GhostApiFailure {
  const { status } = reply;
  const fail = (code: ErrorCode, message: string, type?: string): GhostApiFailure =>
    new GhostApiFailure(code, message, status, type, reply.retryAfter);
  const parsed = ErrorReplySchema.safeParse(reply.json);
  if (!parsed.success) {
    // Not Ghost's error format: an HTML error page, a proxy, or not a Ghost site at all.
    const summary = reply.json === undefined ? htmlErrorSummary(reply.text) : undefined;
    if (status === 404) {
      return fail('BAD_RESPONSE', `${capitalise(site)} does not offer the Ghost Admin API. Check the address.`);
    }
    if (status === 401 || status === 403) {
      return fail('BAD_RESPONSE', `${capitalise(site)} refused access (HTTP ${status}), but not the way Ghost does. Check the address: is something else in front of Ghost?`);
    }
    return fail(
      'BAD_RESPONSE',
      `${capitalise(site)} answered with an error (HTTP ${status}) instead of Ghost data${summary ? `: “${summary}”` : ''}. The site may be down; try again later.`,
    );
  }
  const error = parsed.data.errors[0] as z.infer<typeof ErrorReplySchema>['errors'][number];
  const type = error.type;
  const detail = [error.message, error.context].filter((part): part is string => !!part).join(' ').slice(0, 400);
  switch (status) {
    case 401: {
      // Ghost also answers 401 for a token outside its 5-minute window: a wrong computer clock.
      const clock = /expired|iat|before|future|maxAge/i.test(detail) ? ' If the key is right, check that this computer’s clock is correct.' : '';
      return fail('AUTH_FAILED', `${capitalise(site)} did not accept the Admin API key (${detail}). Check the key in Settings.${clock}`, type);
    }
    case 403:
      return fail('FORBIDDEN', `${capitalise(site)} did not allow this (${detail}). Check that the key is a custom integration’s Admin API key.`, type);
    case 404:
      return type === 'NotFoundError'
        ? fail('NOT_FOUND', `The post is not on ${site} (it may have been deleted there).`, type)
        : fail('BAD_RESPONSE', `${capitalise(site)} does not offer that part of the Ghost Admin API (${detail}). Check the address.`, type);
    case 409:
      return type === 'UpdateCollisionError'
        ? fail('CMS_ERROR', `The post was changed on ${site} since Newsroom last sent or read it, so it was not overwritten. Compare the two versions and choose which to keep.`, type)
        : fail('CMS_ERROR', `${capitalise(site)} refused the change because of a conflict: ${detail}`, type);
    case 413:
      return fail('CMS_ERROR', `The story is too large for ${site} (${detail}).`, type);
    case 422:
    case 400:
      return fail('CMS_ERROR', `${capitalise(site)} refused the post: ${detail}`, type);
    case 429:
      return fail('CMS_ERROR', `${capitalise(site)} is receiving too many requests and asked Newsroom to wait: ${detail}`, type);
    default:
      if (status >= 500) {
        return fail('CMS_ERROR', `${capitalise(site)} had an internal error (HTTP ${status}: ${detail}). ${method === 'GET' ? 'Try again later.' : 'It may or may not have saved the change; try again later.'}`, type);
      }
      return fail('CMS_ERROR', `${capitalise(site)} refused the request (HTTP ${status}): ${detail}`, type);
  }
}
