import { describe, expect, it } from 'vitest';
import { backoffCeiling, DEFAULT_BACKOFF, fullJitter, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from './backoff';
import { seededRandom } from './testing';

const NOW = new Date('2025-06-01T09:00:00.000Z');

describe('full-jitter backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffCeiling(n))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffCeiling(10)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffCeiling(5_000)).toBe(DEFAULT_BACKOFF.capMs); // 2 ** 4999 is Infinity, not NaN
    expect(backoffCeiling(0)).toBe(2_000);
  });

  it('stays within [0, ceiling] even when the random source misbehaves', () => {
    expect(fullJitter(3, () => 0)).toBe(0);
    expect(fullJitter(3, () => 0.999_999)).toBeLessThan(8_000);
    expect(fullJitter(3, () => 1)).toBe(8_000);
    expect(fullJitter(3, () => Number.NaN)).toBe(0);
    expect(fullJitter(3, () => -4)).toBe(0);
  });

  it('P3: 10,000 seeded delays lie in [max(Retry-After, 0), max(Retry-After, ceiling)]', () => {
    const random = seededRandom(20250601);
    const options = { baseMs: 500 + Math.floor(random() * 3_000), capMs: 60_000 + Math.floor(random() * 600_000) };
    for (let i = 0; i < 10_000; i += 1) {
      const failures = 1 + Math.floor(random() * 20);
      const retryAfterMs = random() < 0.5 ? undefined : Math.floor(random() * 2 * MAX_RETRY_AFTER_MS);
      const delay = retryDelay(failures, random, retryAfterMs, options);
      const floor = Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
      const ceiling = Math.max(floor, backoffCeiling(failures, options));
      expect(delay, `case ${i}`).toBeGreaterThanOrEqual(floor);
      expect(delay, `case ${i}`).toBeLessThanOrEqual(ceiling);
    }
  });

  it('spreads retries out: 1,000 clients after an outage do not come back together', () => {
    const random = seededRandom(7);
    const delays = Array.from({ length: 1_000 }, () => fullJitter(4, random));
    const firstSecond = delays.filter((d) => d < 1_000).length;
    // Uniform over [0, 16 s): about 1/16 of them in each second, nowhere near all of them.
    expect(firstSecond).toBeLessThan(2 * (1_000 / 16));
  });
});

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['Sun, 01 Jun 2025 09:02:00 GMT', 120_000], // IMF-fixdate
    ['Sunday, 01-Jun-25 09:00:30 GMT', 30_000], // obsolete RFC 850
    ['Sun Jun  1 09:01:00 2025', 60_000], // asctime, read as UTC
    ['Sun, 01 Jun 2025 08:00:00 GMT', 0], // already past
    ['Sun, 01 Jun 2025 09:00:59 GMT', 59_000],
  ])('%j → %i ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it.each([
    ['-1'],
    ['1.5'],
    ['1e3'],
    [''],
    ['soon'],
    ['Sun, 31 Feb 2025 09:00:00 GMT'], // no such day
    ['Sun, 01 Jun 2025 25:00:00 GMT'],
    ['Sun, 01 Jun 2025 09:00:00 +0000'], // not an HTTP-date
    ['2025-06-01T09:05:00Z'],
  ])('%j is ignored', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });

  it('ignores a missing header', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('reads a two-digit year more than 50 years ahead as the past century', () => {
    const in2090 = new Date('2090-01-01T00:00:00Z');
    // "45" in 2090 is 2045 (past), "99" is 2099 (9 years ahead, allowed).
    expect(parseRetryAfter('Sunday, 01-Jan-45 00:00:00 GMT', in2090)).toBe(0);
    expect(parseRetryAfter('Thursday, 01-Jan-99 00:00:00 GMT', in2090)).toBe(Date.UTC(2099, 0, 1) - in2090.getTime());
  });

  it('takes an absurd Retry-After as 24 hours, so a story is not shelved for years', () => {
    expect(retryDelay(1, () => 0, parseRetryAfter('86400000', NOW))).toBe(MAX_RETRY_AFTER_MS);
  });
});
