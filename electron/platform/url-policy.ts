import { APP_ORIGIN, originOf } from '../core/app-files';

/**
 * Pure URL decisions for the shell: which pages may be shown in our window, and which links may
 * be handed to the operating system. No `electron` import, so every rule is unit-tested with
 * tables. URLs are always parsed with `new URL` and compared part by part: a `startsWith` check
 * lets `https://example.com.attacker.com` or `app://newsroom.evil` through.
 */

export { originOf };

/** Is this a page of ours (`app://newsroom/...`)? */
export function isAppUrl(raw: unknown): boolean {
  return originOf(raw) === APP_ORIGIN;
}

/**
 * The origins our window may show: always the app, plus the Vite dev server when (and only when)
 * main passes it explicitly in an unpackaged run.
 */
export function allowedOrigins(devServerUrl?: string): readonly string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  return dev && dev !== APP_ORIGIN ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

/** The Vite dev server URL from the environment if it is a usable http(s) URL, else undefined. */
export function devServerUrlFrom(raw: string | undefined): string | undefined {
  const origin = raw ? originOf(raw) : null;
  return origin !== null && /^https?:\/\//.test(origin) ? raw : undefined;
}

/** `will-navigate` / `will-redirect`: stay on our own origin(s); everything else is stopped. */
export function navigationDecision(
  target: unknown,
  origins: readonly string[] = [APP_ORIGIN],
): 'allow' | 'deny' {
  const origin = originOf(target);
  return origin !== null && origins.includes(origin) ? 'allow' : 'deny';
}

/**
 * The URL to give `shell.openExternal`, or `null`. Only http(s), no credentials, no whitespace or
 * control characters (the URL parser would silently drop CR/LF/tab, hiding what was asked for),
 * a real host name. Returns the parser's normalised form, so the OS sees exactly what we checked.
 * `file:`, `smb:`, UNC paths, `javascript:`, `data:`, `ms-msdt:`-style handlers and our own
 * `app:` never leave the app.
 */
export function externalUrl(raw: unknown): string | null {
  // originOf refuses non-strings, over-long strings, controls, whitespace, backslashes and
  // credentials, and knows only http(s) and app: URLs.
  const origin = originOf(raw);
  if (origin === null || !/^https?:\/\//.test(origin) || typeof raw !== 'string') return null;
  // The parser also repairs `https:///x` into `https://x/`; we only open what was written plainly.
  if (!/^https?:\/\/[^/]/i.test(raw)) return null;
  const url = new URL(raw);
  return url.hostname === '' || url.hostname.includes('%') ? null : url.href;
}

export const isSafeExternalUrl = (raw: unknown): boolean => externalUrl(raw) !== null;
