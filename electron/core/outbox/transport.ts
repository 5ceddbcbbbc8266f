import { AppFailure, type ErrorCode } from '../../../shared/ipc/result';
import type { OutboxJob, RemoteResult } from './job';

/** What the worker knows that the job file does not. */
export interface SendContext {
  /**
   * What the last done job of this draft on this profile made. An update queued (offline)
   * behind a create had no remote id when it was queued; this is where it finds it.
   */
  earlier: RemoteResult | undefined;
}

/**
 * The port a CMS adapter (WordPress, Ghost, generic endpoint, local folder) fills. The shell
 * passes one transport that picks the adapter by `job.profileId`.
 */
export interface OutboxTransport {
  /**
   * Performs the job's action once. Sends `job.idempotencyKey` where the CMS takes one and leaves
   * a marker `reconcile` can find where it does not. Throws a SendFailure; anything else is taken
   * as a bug in the adapter and parks the job.
   */
  send(job: OutboxJob, context: SendContext): Promise<RemoteResult>;
  /**
   * Did an earlier attempt of this job take effect? Returns what it made, or null when nothing
   * was made, and the job is then sent again with the same key. Throws a SendFailure when it
   * cannot tell (CMS unreachable). Never changes anything on the CMS.
   */
  reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null>;
}

export interface SendFailureInit {
  code: ErrorCode;
  /** A sentence a journalist can read, naming the site ("Could not reach the WordPress site at …"). */
  message: string;
  /** The HTTP status, when the CMS answered. */
  status?: number | undefined;
  /** The raw `Retry-After` header; the worker parses it against its own clock. */
  retryAfter?: string | undefined;
  /**
   * The request may have reached the CMS and taken effect: the connection dropped after it was
   * sent, the deadline passed while waiting for the answer, a gateway timed out (504), or a 2xx
   * answer could not be read. False only when the CMS certainly did nothing (connection refused,
   * DNS failure, a 4xx/5xx answer from the CMS itself).
   */
  outcomeUnknown: boolean;
  /** An idempotency 409: the CMS is still working on an earlier attempt with this key. */
  inProgress?: boolean | undefined;
  cause?: unknown;
}

/** One failed try, classified by the adapter so the policy can decide without knowing the CMS. */
export class SendFailure extends AppFailure {
  readonly status: number | undefined;
  readonly retryAfter: string | undefined;
  readonly outcomeUnknown: boolean;
  readonly inProgress: boolean;

  constructor(init: SendFailureInit) {
    super(init.code, init.message, { cause: init.cause });
    this.name = 'SendFailure';
    this.status = init.status;
    this.retryAfter = init.retryAfter;
    this.outcomeUnknown = init.outcomeUnknown;
    this.inProgress = init.inProgress ?? false;
  }
}

/**
 * Whatever a transport threw, as a SendFailure. An error from `send` that does not say otherwise
 * may have happened after the request left, so its outcome is unknown: reconciling costs one
 * look-up, guessing wrong costs a duplicate story.
 */
export function toSendFailure(error: unknown, phase: 'send' | 'reconcile'): SendFailure {
  if (error instanceof SendFailure) return error;
  const outcomeUnknown = phase === 'send';
  if (error instanceof AppFailure) return new SendFailure({ code: error.code, message: error.message, outcomeUnknown, cause: error });
  return new SendFailure({
    code: 'INTERNAL',
    message: 'Newsroom had an internal problem while publishing.',
    outcomeUnknown,
    cause: error,
  });
}
