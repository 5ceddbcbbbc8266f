/**
 * When to try again. "Full jitter" (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * `random(0, min(cap, base * 2^n))`. The randomness is the point: after an outage every Newsroom
 * on the desk retries, and spreading them out keeps the CMS from being knocked over again.
 * A server's `Retry-After` is a floor: it asked us not to come back sooner.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

/** 2 s, doubling, at most 10 min (notes/reliability.md §4.3). */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * A longer Retry-After is taken as 24 h: a misconfigured server (seconds sent as milliseconds)
 * must not shelve a story for years. The user can still retry sooner by hand.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** The upper bound of the wait after `failures` failed tries in a row (1 = the first failure). */
export function backoffCeiling(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(options.capMs, options.baseMs * 2 ** exponent); // 2 ** 1100 is Infinity: min copes
}

/** `random` returns [0, 1) like Math.random; tests inject a seeded one. */
export function fullJitter(failures: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * backoffCeiling(failures, options));
}

export function retryDelay(
  failures: number,
  random: () => number,
  retryAfterMs: number | undefined,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const jitter = fullJitter(failures, random, options);
  return retryAfterMs === undefined ? jitter : Math.max(jitter, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON = MONTHS.join('|');
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const LONG_DAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** RFC 9110 §5.6.7: recipients must accept all three; senders use the first. */
const IMF_FIXDATE = new RegExp(`^(?:${DAY}), (\\d{2}) (${MON}) (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:${LONG_DAY}), (\\d{2})-(${MON})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^(?:${DAY}) (${MON}) (\\d{2}| \\d) ${TIME} (\\d{4})$`);

/** Milliseconds since the epoch, or undefined for a date that does not exist (31 Feb, 25:00). */
function utc(year: number, month: string, day: string, hh: string, mm: string, ss: string): number | undefined {
  const m = MONTHS.indexOf(month);
  const [d, h, min, s] = [Number(day), Number(hh), Number(mm), Number(ss)];
  if (h > 23 || min > 59 || s > 60) return undefined; // 60: a leap second
  const time = Date.UTC(year, m, d, h, min, s);
  return new Date(Date.UTC(year, m, d)).getUTCDate() === d ? time : undefined;
}

/** RFC 9110: a two-digit year more than 50 years ahead means the most recent such year past. */
function fullYear(twoDigits: number, now: Date): number {
  const thisYear = now.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + twoDigits;
  if (year > thisYear + 50) year -= 100;
  else if (year <= thisYear - 50) year += 100;
  return year;
}

function parseHttpDate(value: string, now: Date): number | undefined {
  // The regexes guarantee every group; the defaults only satisfy the type checker.
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    const [, day = '', month = '', year = '', hh = '', mm = '', ss = ''] = match;
    return utc(Number(year), month, day, hh, mm, ss);
  }
  match = RFC850_DATE.exec(value);
  if (match) {
    const [, day = '', month = '', yy = '', hh = '', mm = '', ss = ''] = match;
    return utc(fullYear(Number(yy), now), month, day, hh, mm, ss);
  }
  match = ASCTIME_DATE.exec(value);
  if (match) {
    const [, month = '', day = '', hh = '', mm = '', ss = '', year = ''] = match;
    return utc(Number(year), month, day.trim(), hh, mm, ss);
  }
  return undefined;
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) as a wait in milliseconds from `now`: delay-seconds
 * (`120`) or an HTTP-date. A date in the past is 0. Anything else (`-1`, `1.5`, a date in
 * another format) is undefined: the header is ignored and plain backoff applies.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = parseHttpDate(value, now);
  return at === undefined ? undefined : Math.max(0, at - now.getTime());
}
