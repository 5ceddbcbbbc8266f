import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Serving the built renderer from `app://newsroom/`: our origin, which file a request maps to and
 * which headers go with it. No `electron` here, so the Electron protocol handler and the e2e host (which serves
 * the same files to Chromium through Playwright routing) share one tested implementation.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'newsroom';
/** The origin Chromium reports for our pages (`location.origin`); Node's URL says `null` for it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_URL_LENGTH = 2048;

/**
 * The URL parser silently drops tab/CR/LF and, for http(s), reads `\\` as `/`: a string holding
 * them is not what it looks like, so it is refused before parsing.
 */
// eslint-disable-next-line no-control-regex
const DISGUISED_URL = /[\s\u0000-\u001f\u007f-\u009f\\]/;

/**
 * `protocol//host[:port]` of an http(s) or app: URL without credentials, else `null`.
 * Node's URL gives `origin === 'null'` for non-special schemes such as `app:`, so build it by hand.
 */
export function originOf(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH || DISGUISED_URL.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === `${APP_SCHEME}:`) {
    // Only the exact lower-case host, no port: Chromium canonicalises standard schemes, so
    // anything else was not produced by our own pages.
    return url.host === APP_HOST ? APP_ORIGIN : null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  return null;
}

/**
 * Sent as a header, not a meta tag: a meta CSP cannot carry `frame-ancestors` and arrives after
 * the parser may already have run something. No inline script or style, no eval, no network but
 * our own origin (the renderer never talks to a CMS: main does).
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Raw-URL tokens that only an attacker sends: encoded separators, NUL, backslashes, controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_RAW = /[\\\u0000-\u001f\u007f]|%(?:2f|5c|00)/i;
/** After one decode: a separator, `%` (double encoding), a drive/stream colon, a control. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_SEGMENT = /[/\\:%\u0000-\u001f\u007f]/;

/**
 * Maps a request URL to a regular file inside `rootDir`, or `null`. Only the path is used: the
 * caller checks the scheme and host (the protocol handler only ever sees `app:` requests).
 * Containment is decided on real paths with `path.relative`, never with a string prefix: a prefix
 * test accepts a sibling folder like `<root>-evil`, and only `realpath` sees through symlinks.
 * Returns the real path, so the caller reads exactly the file that was checked.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return null;
  if (FORBIDDEN_RAW.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;

  // `new URL` has already removed `.`/`..` segments, including their `%2e` spellings.
  const rawPath = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  if (!rawPath.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    // Empty (`//`), dot-files and FORBIDDEN_SEGMENT are refused: the build output has none.
    if (segment === '' || segment.startsWith('.') || FORBIDDEN_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }

  try {
    const realRoot = realpathSync(rootDir);
    const realFile = realpathSync(path.join(realRoot, ...segments));
    const relative = path.relative(realRoot, realFile);
    if (
      relative === '' ||
      relative === '..' ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative)
    ) {
      return null;
    }
    return statSync(realFile).isFile() ? realFile : null;
  } catch {
    return null; // missing file, broken symlink, unreadable root
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts need a JavaScript MIME type; anything unknown is served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every file we serve: the CSP rides on all of them, it costs nothing. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
