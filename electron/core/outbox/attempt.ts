import type { Clock, Logger } from '../ports';
import { parseRetryAfter, retryDelay } from './backoff';
import { type JobError, type OutboxJob, type RemoteResult, RemoteResultSchema } from './job';
import { countsAsServerError, decide, type PolicyOptions } from './policy';
import { type OutboxTransport, type SendContext, SendFailure, toSendFailure } from './transport';

export interface AttemptDeps {
  transport: OutboxTransport;
  clock: Clock;
  logger: Logger;
  policy: PolicyOptions;
  /** Records a job's new state: memory at once, then disk; rejects when the disk refused. */
  save: (job: OutboxJob) => Promise<void>;
}

/** How one try ended; `pauseAccountUntil` (epoch ms) when the CMS asked the account to slow down. */
export interface AttemptEnd {
  job: OutboxJob;
  stopAccount: boolean;
  pauseAccountUntil?: number;
}

/**
 * One try of one job: reconcile first if an earlier try may have taken effect, then write
 * `sending` to disk, and only then send. The order is the whole point: a crash at any moment
 * leaves either a job that was never sent, or one marked `sending` that start-up reconciles.
 */
export async function runAttempt(job: OutboxJob, context: SendContext, deps: AttemptDeps): Promise<AttemptEnd> {
  let current = job;
  let phase: 'send' | 'reconcile' = 'reconcile';
  try {
    if (current.outcomeUnknown) {
      const found = await deps.transport.reconcile(current, context);
      if (found !== null) return await finish(current, checked(found), deps);
      deps.logger.info('outbox: reconciled, nothing was made; sending again with the same key', { id: job.id });
    }
    const sending: OutboxJob = { ...current, state: 'sending', outcomeUnknown: false, attempts: current.attempts + 1, updatedAt: now(deps) };
    try {
      await deps.save(sending);
    } catch (error) {
      return await notStarted(current, error, deps);
    }
    phase = 'send';
    current = sending;
    const result = checked(await deps.transport.send(current, context));
    return await finish(current, result, deps);
  } catch (error) {
    return await fail(current, toSendFailure(error, phase), phase, deps);
  }
}

/**
 * An adapter's answer is checked here, not when `done` is written: a job cannot be recorded as
 * done without knowing where the story went, and the CMS may well have it: outcome unknown.
 */
function checked(result: RemoteResult): RemoteResult {
  const parsed = RemoteResultSchema.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new SendFailure({
    code: 'BAD_RESPONSE',
    message: 'The CMS answered, but Newsroom could not tell where the story went.',
    outcomeUnknown: true,
  });
}

const now = (deps: AttemptDeps): string => deps.clock.now().toISOString();

/** Saves a transition; a disk failure is logged, not thrown: memory holds the truth until restart. */
async function record(job: OutboxJob, deps: AttemptDeps, what: string): Promise<void> {
  await deps.save(job).catch((error: unknown) => {
    deps.logger.error(`outbox: could not record ${what}`, { id: job.id, error: String(error) });
  });
}

async function finish(job: OutboxJob, result: RemoteResult, deps: AttemptDeps): Promise<AttemptEnd> {
  const done: OutboxJob = { ...job, state: 'done', result, outcomeUnknown: false, lastError: undefined, updatedAt: now(deps) };
  // If this write fails, the file still says sending (or outcome unknown): the next start
  // reconciles, finds the post and ends here again, without sending it twice.
  await record(done, deps, 'a finished job');
  return { job: done, stopAccount: false };
}

/** `sending` could not be written, so nothing was sent: wait and try again (the disk may recover). */
async function notStarted(job: OutboxJob, error: unknown, deps: AttemptDeps): Promise<AttemptEnd> {
  deps.logger.error('outbox: could not record sending; not sent', { id: job.id, error: String(error) });
  const delayMs = retryDelay(job.failures + 1, deps.policy.random, undefined, deps.policy.backoff);
  const back: OutboxJob = { ...job, failures: job.failures + 1, notBefore: new Date(deps.clock.now().getTime() + delayMs).toISOString() };
  await record(back, deps, 'a job that was not sent');
  return { job: back, stopAccount: false };
}

function jobError(failure: SendFailure, message: string): JobError {
  const { status } = failure;
  const valid = status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599;
  return valid ? { code: failure.code, message, status } : { code: failure.code, message };
}

async function fail(job: OutboxJob, failure: SendFailure, phase: 'send' | 'reconcile', deps: AttemptDeps): Promise<AttemptEnd> {
  const at = deps.clock.now();
  const failures = job.failures + 1;
  const serverErrors = job.serverErrors + (countsAsServerError(failure.status) ? 1 : 0);
  const outcomeUnknown = job.outcomeUnknown || failure.outcomeUnknown;
  const decision = decide(
    {
      ok: false,
      action: job.action,
      phase,
      code: failure.code,
      message: failure.message,
      status: failure.status,
      retryAfterMs: parseRetryAfter(failure.retryAfter, at),
      outcomeUnknown,
      inProgress: failure.inProgress,
      failures,
      serverErrors,
    },
    deps.policy,
  );
  const base: OutboxJob = { ...job, failures, serverErrors, outcomeUnknown, updatedAt: at.toISOString(), lastError: jobError(failure, failure.message) };
  let next: OutboxJob;
  const end: Omit<AttemptEnd, 'job'> = { stopAccount: false };
  switch (decision.kind) {
    case 'retry':
    case 'reconcile': {
      const notBefore = at.getTime() + decision.delayMs;
      next = { ...base, state: 'waiting', notBefore: new Date(notBefore).toISOString() };
      if (decision.kind === 'retry' && decision.pauseAccount) end.pauseAccountUntil = notBefore;
      break;
    }
    case 'park':
      next = { ...base, state: 'failed', lastError: jobError(failure, decision.message) };
      break;
    case 'stop-account':
      next = { ...base, state: 'held', lastError: jobError(failure, decision.message) };
      end.stopAccount = true;
      break;
    case 'done':
      throw new Error('unreachable: a failure never decides done');
  }
  deps.logger.warn(`outbox: ${phase} failed → ${decision.kind}`, { id: job.id, code: failure.code, status: failure.status });
  await record(next, deps, 'a failed try');
  return { ...end, job: next };
}
