import type { ErrorCode } from '../../../shared/ipc/result';
import { type BackoffOptions, retryDelay } from './backoff';
import type { JobAction } from './job';

/**
 * What to do after a try (notes/reliability.md §4.3), as a pure function: the same outcome and
 * the same random numbers give the same decision. Only failures that can pass by themselves are
 * retried; the rest are explained to the user in words they can act on, because sending the
 * same request again would fail again (400, 403, 413, 422) or overwrite someone's work (409).
 */
export interface FailedTry {
  action: JobAction;
  /** A failed reconcile look-up has already waited out the grace period. */
  phase: 'send' | 'reconcile';
  code: ErrorCode;
  /** The adapter's sentence, naming the site. */
  message: string;
  status?: number | undefined;
  retryAfterMs?: number | undefined;
  /** This try, or an earlier one, may have taken effect on the CMS. */
  outcomeUnknown: boolean;
  /** An idempotency 409: the CMS is still working on an earlier attempt with the same key. */
  inProgress?: boolean | undefined;
  /** Failed tries in a row, this one included (≥ 1): the backoff exponent. */
  failures: number;
  /** 500-class answers so far, this one included. */
  serverErrors: number;
}

export type Outcome = { ok: true } | ({ ok: false } & FailedTry);

export type Decision =
  | { kind: 'done' }
  /** `pauseAccount`: the CMS is rate-limiting (429); hold every job of that account as long. */
  | { kind: 'retry'; delayMs: number; pauseAccount: boolean }
  /** Ask the CMS whether the earlier try took effect before sending anything again. */
  | { kind: 'reconcile'; delayMs: number }
  | { kind: 'park'; message: string }
  | { kind: 'stop-account'; message: string };

export interface PolicyOptions {
  random: () => number;
  backoff?: BackoffOptions | undefined;
  /** Retries after a 500-class answer before the job is parked. */
  maxServerErrorRetries?: number | undefined;
  /**
   * Wait at least this long before asking about an unknown outcome: a request that outlived our
   * deadline (15 s, like the WordPress client's) may still be running on the CMS, and asking too
   * early would find nothing and send a second copy. A look-up that fails waits only the backoff.
   */
  reconcileAfterMs?: number | undefined;
}

export const DEFAULT_MAX_SERVER_ERROR_RETRIES = 3;
export const DEFAULT_RECONCILE_AFTER_MS = 15_000;

/** The connection failed or the deadline passed: the network or the CMS may come back. */
const NETWORK_CODES: ReadonlySet<ErrorCode> = new Set(['UNREACHABLE', 'TIMEOUT']);
/** Temporary by definition: timeout, rate limit, gateway and availability trouble. */
const TRANSIENT_STATUS: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** Answers that count against the few retries a 500 gets (502/503/504 say "later", not "broken"). */
export const countsAsServerError = (status: number | undefined): boolean =>
  status !== undefined && status >= 500 && !TRANSIENT_STATUS.has(status);

function isTransient(o: FailedTry, maxServerErrorRetries: number): boolean {
  if (o.status === undefined) return NETWORK_CODES.has(o.code);
  if (TRANSIENT_STATUS.has(o.status)) return true;
  if (o.status === 409) return o.inProgress === true;
  // A 2xx we could not read may well have been committed: only reconciling can tell.
  if (o.status >= 200 && o.status < 300) return o.outcomeUnknown;
  return countsAsServerError(o.status) && o.serverErrors <= maxServerErrorRetries;
}

export function decide(outcome: Outcome, options: PolicyOptions): Decision {
  if (outcome.ok) return { kind: 'done' };
  const maxRetries = options.maxServerErrorRetries ?? DEFAULT_MAX_SERVER_ERROR_RETRIES;
  if (outcome.status === 401 || outcome.code === 'AUTH_FAILED') {
    return { kind: 'stop-account', message: explain(outcome, SIGN_IN) };
  }
  if (!isTransient(outcome, maxRetries)) return { kind: 'park', message: explain(outcome, adviceFor(outcome, maxRetries)) };
  const delayMs = retryDelay(outcome.failures, options.random, outcome.retryAfterMs, options.backoff);
  if (outcome.outcomeUnknown) {
    const grace = outcome.phase === 'send' ? (options.reconcileAfterMs ?? DEFAULT_RECONCILE_AFTER_MS) : 0;
    return { kind: 'reconcile', delayMs: Math.max(delayMs, grace) };
  }
  return { kind: 'retry', delayMs, pauseAccount: outcome.status === 429 };
}

const SIGN_IN =
  'Publishing to this CMS profile is paused until its sign-in is fixed: check the user name and password (or key) in Settings.';
const REPORT = 'Newsroom will not send it again as it is; this looks like a problem in Newsroom. Please report it, naming this story.';

function adviceFor(o: FailedTry, maxRetries: number): string {
  switch (o.status) {
    case 400:
    case 422:
      return REPORT;
    case 403:
      return 'Ask a CMS administrator to let this account publish, or use another profile; then choose Retry.';
    case 404:
      return o.action === 'create'
        ? 'Check the CMS address in Settings, then choose Retry.'
        : 'The post is no longer on the CMS (it was deleted there). Choose whether to publish the story again as a new post, or drop this change.';
    case 409:
      return 'The post may have been changed on the CMS since Newsroom last sent it, so Newsroom did not overwrite it. Compare the two versions and choose which to keep.';
    case 413:
      return 'It is too large for the CMS: make the images smaller, or ask the CMS administrator to accept larger uploads; then choose Retry.';
    case undefined:
      return o.code === 'BAD_RESPONSE'
        ? 'Check the CMS address in Settings, then choose Retry.'
        : 'Newsroom stopped trying so as not to make things worse. Choose Retry, or report the problem if it happens again.';
    default:
      if (o.status >= 500) {
        return `Newsroom tried ${maxRetries + 1} times and stopped. Choose Retry when the site works again, or tell its administrator.`;
      }
      return `The CMS refused it (HTTP ${o.status}). Newsroom will not send it again as it is: choose Retry once the cause is fixed.`;
  }
}

function explain(o: FailedTry, advice: string): string {
  const said = o.message.trim();
  if (said === '') return o.status === undefined ? advice : `The CMS answered HTTP ${o.status}. ${advice}`;
  return `${said}${/[.!?…”]$/.test(said) ? '' : '.'} ${advice}`;
}
