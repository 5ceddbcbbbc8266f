import { describe, expect, it } from 'vitest';
import { backoffCeiling } from './backoff';
import type { JobAction } from './job';
import { decide, DEFAULT_RECONCILE_AFTER_MS, type FailedTry, type Outcome } from './policy';
import { seededRandom } from './testing';

const options = { random: () => 0.5 };

function failed(overrides: Partial<FailedTry>): Outcome {
  return {
    ok: false,
    action: 'create',
    phase: 'send',
    code: 'CMS_ERROR',
    message: 'The WordPress site at https://news.test answered with an error.',
    outcomeUnknown: false,
    failures: 1,
    serverErrors: 0,
    ...overrides,
  };
}

describe('the status-code policy (notes/reliability.md §4.3)', () => {
  it('a success is done', () => {
    expect(decide({ ok: true }, options)).toEqual({ kind: 'done' });
  });

  it.each([408, 429, 502, 503, 504])('%i is retried with backoff', (status) => {
    expect(decide(failed({ status }), options)).toMatchObject({ kind: 'retry', pauseAccount: status === 429 });
  });

  it.each(['UNREACHABLE', 'TIMEOUT'] as const)('a network failure (%s) is retried', (code) => {
    expect(decide(failed({ code }), options).kind).toBe('retry');
  });

  it('500 is retried at most 3 times, then parked', () => {
    const kinds = [1, 2, 3, 4].map((serverErrors) => decide(failed({ status: 500, serverErrors }), options).kind);
    expect(kinds).toEqual(['retry', 'retry', 'retry', 'park']);
    const parked = decide(failed({ status: 500, serverErrors: 4 }), options);
    expect(parked).toMatchObject({ message: expect.stringContaining('tried 4 times') });
  });

  it('401 stops the account and says what to fix', () => {
    const decision = decide(failed({ status: 401, code: 'AUTH_FAILED' }), options);
    expect(decision).toMatchObject({ kind: 'stop-account', message: expect.stringContaining('Settings') });
  });

  it.each([400, 403, 404, 409, 413, 422, 405, 410])('%i is parked, never retried blindly', (status) => {
    const decision = decide(failed({ status, failures: 1 }), options);
    expect(decision.kind).toBe('park');
  });

  it('an idempotency 409 ("still in progress") is retried later with the same key', () => {
    expect(decide(failed({ status: 409, inProgress: true }), options).kind).toBe('retry');
  });

  it('an unknown outcome is reconciled, after the grace period for a send', () => {
    const afterSend = decide(failed({ code: 'TIMEOUT', outcomeUnknown: true }), options);
    expect(afterSend).toEqual({ kind: 'reconcile', delayMs: DEFAULT_RECONCILE_AFTER_MS });
    const afterLookUp = decide(failed({ code: 'UNREACHABLE', outcomeUnknown: true, phase: 'reconcile' }), options);
    expect(afterLookUp).toEqual({ kind: 'reconcile', delayMs: 1_000 });
    const gateway = decide(failed({ status: 504, outcomeUnknown: true }), { ...options, reconcileAfterMs: 0 });
    expect(gateway).toEqual({ kind: 'reconcile', delayMs: 1_000 });
  });

  it('a 2xx answer that could not be read is reconciled, not parked or re-sent', () => {
    expect(decide(failed({ status: 201, code: 'BAD_RESPONSE', outcomeUnknown: true }), options).kind).toBe('reconcile');
  });

  it('an adapter bug parks the job instead of retrying forever', () => {
    expect(decide(failed({ code: 'INTERNAL' }), options).kind).toBe('park');
  });

  it('parked messages are plain sentences that say what to do, per status and action', () => {
    const cases: Array<[number, JobAction, RegExp]> = [
      [400, 'create', /report it/],
      [422, 'update', /report it/],
      [403, 'create', /administrator/],
      [404, 'create', /address in Settings/],
      [404, 'update', /deleted there.*new post/],
      [404, 'unpublish', /deleted there/],
      [409, 'update', /did not overwrite/],
      [413, 'create', /images smaller/],
    ];
    for (const [status, action, pattern] of cases) {
      const decision = decide(failed({ status, action }), options);
      if (decision.kind !== 'park') throw new Error(`${status} was not parked`);
      expect(decision.message, `${status} ${action}`).toMatch(pattern);
      expect(decision.message).toMatch(/^The WordPress site at https:\/\/news\.test answered with an error\. /);
      expect(decision.message).not.toMatch(/undefined|null|\[object/);
    }
    const bare = decide(failed({ status: 413, message: '' }), options);
    expect(bare).toMatchObject({ message: expect.stringMatching(/^The CMS answered HTTP 413\. It is too large/) });
  });

  it('P3, 500 seeded cases: retries wait within the backoff bounds and never less than Retry-After', () => {
    const random = seededRandom(4242);
    const statuses = [undefined, 408, 429, 502, 503, 504, 500];
    for (let i = 0; i < 500; i += 1) {
      const status = statuses[Math.floor(random() * statuses.length)];
      const failures = 1 + Math.floor(random() * 15);
      const retryAfterMs = random() < 0.6 ? Math.floor(random() * 3_600_000) : undefined;
      const outcomeUnknown = random() < 0.3;
      const outcome = failed({ status, failures, retryAfterMs, outcomeUnknown, code: status === undefined ? 'TIMEOUT' : 'CMS_ERROR', serverErrors: 1 });
      const decision = decide(outcome, { random, reconcileAfterMs: 0 });
      if (decision.kind !== 'retry' && decision.kind !== 'reconcile') throw new Error(`case ${i}: ${decision.kind}`);
      expect(decision.kind, `case ${i}`).toBe(outcomeUnknown ? 'reconcile' : 'retry');
      expect(decision.delayMs, `case ${i}`).toBeGreaterThanOrEqual(retryAfterMs ?? 0);
      expect(decision.delayMs, `case ${i}`).toBeLessThanOrEqual(Math.max(retryAfterMs ?? 0, backoffCeiling(failures)));
    }
  });
});
