import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_ENTRY_URL,
  APP_ORIGIN,
  appResponseHeaders,
  contentTypeFor,
  resolveAppFile,
} from './app-files';

/**
 * S9 (path containment): a real folder with a symlink out of the root and a sibling named like the
 * root plus a suffix (`dist-evil`), which a `startsWith` check would let through.
 */
const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'newsroom-app-files-')));
const root = path.join(base, 'dist');

beforeAll(() => {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(path.join(root, 'sub'));
  mkdirSync(path.join(base, 'dist-evil'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  writeFileSync(path.join(root, 'assets', 'my file.css'), 'body{}');
  writeFileSync(path.join(root, '.hidden'), 'x');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  writeFileSync(path.join(base, 'dist-evil', 'secret.txt'), 'SECRET');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link-out'));
  symlinkSync(base, path.join(root, 'link-dir-out'));
  symlinkSync(path.join(base, 'dist-evil'), path.join(root, 'sibling'));
  symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'link-in'));
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** [request URL, expected file relative to the root, or null]. */
const table: Array<[string, string | null]> = [
  // served
  ['app://newsroom/', 'index.html'],
  ['app://newsroom', 'index.html'],
  ['app://newsroom/index.html', 'index.html'],
  ['app://newsroom/assets/app.js', 'assets/app.js'],
  ['app://newsroom/assets/app.js?v=1#top', 'assets/app.js'],
  ['app://newsroom/assets/my%20file.css', 'assets/my file.css'],
  ['app://newsroom/assets/../index.html', 'index.html'], // URL parser resolves it inside the root
  ['app://newsroom/assets/%2e%2e/index.html', 'index.html'],
  ['app://newsroom/link-in', 'assets/app.js'], // symlink that stays inside
  // dot-dot in every spelling
  ['app://newsroom/../secret.txt', null],
  ['app://newsroom/../../../../../../etc/passwd', null],
  ['app://newsroom/%2e%2e/secret.txt', null],
  ['app://newsroom/%2E%2E/%2E%2E/etc/passwd', null],
  ['app://newsroom/.%2e/secret.txt', null],
  ['app://newsroom/..%2fsecret.txt', null],
  ['app://newsroom/..%2Fsecret.txt', null],
  ['app://newsroom/assets/..%2f..%2fsecret.txt', null],
  ['app://newsroom/%252e%252e/secret.txt', null],
  ['app://newsroom/%252e%252e%252fsecret.txt', null],
  ['app://newsroom/../dist-evil/secret.txt', null],
  // backslashes, UNC, drives
  ['app://newsroom/..\\secret.txt', null],
  ['app://newsroom/assets/..%5c..%5csecret.txt', null],
  ['app://newsroom/%5C%5Cserver%5Cshare%5Cx', null],
  ['app://newsroom/C:/Windows/win.ini', null],
  ['app://newsroom/C%3A%5CWindows%5Cwin.ini', null],
  // absolute and empty segments
  ['app://newsroom//etc/passwd', null],
  ['app:///etc/passwd', null],
  ['file:///etc/passwd', null],
  ['app://newsroom/' + encodeURIComponent(path.join(base, 'secret.txt')), null],
  // NUL and controls
  ['app://newsroom/index.html%00.js', null],
  ['app://newsroom/index.html\u0000', null],
  ['app://newsroom/index.html%0d%0aSet-Cookie:x', null],
  ['app://newsroom/index.html\r\n', null],
  // symlinks and the look-alike sibling
  ['app://newsroom/link-out', null],
  ['app://newsroom/link-dir-out/secret.txt', null],
  ['app://newsroom/sibling/secret.txt', null],
  ['app://newsroom/dangling', null],
  // things that are not files we ship
  ['app://newsroom/.hidden', null],
  ['app://newsroom/sub', null],
  ['app://newsroom/sub/', null],
  ['app://newsroom/assets/', null],
  ['app://newsroom/missing.js', null],
  ['app://newsroom/a%ZZb', null],
  ['app://user:pass@newsroom/index.html', null],
  ['not a url', null],
  ['', null],
  ['app://newsroom/' + 'a'.repeat(3000), null],
];

describe('resolveAppFile', () => {
  it('has a table of at least 30 paths', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
  });

  it.each(table)('%j -> %j', (url, expected) => {
    const resolved = resolveAppFile(root, url);
    expect(resolved).toBe(expected === null ? null : path.join(root, expected));
  });

  it('never returns a file outside the root, whatever the table says', () => {
    for (const [url] of table) {
      const resolved = resolveAppFile(root, url);
      if (resolved === null) continue;
      const relative = path.relative(root, resolved);
      expect(relative.startsWith('..') || path.isAbsolute(relative)).toBe(false);
    }
  });

  it('works when the root itself is reached through a symlink', () => {
    const alias = path.join(base, 'alias');
    symlinkSync(root, alias);
    expect(resolveAppFile(alias, 'app://newsroom/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(alias, 'app://newsroom/link-out')).toBeNull();
  });

  it('returns null when the root does not exist', () => {
    expect(resolveAppFile(path.join(base, 'no-such-root'), 'app://newsroom/index.html')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.JS', 'text/javascript; charset=utf-8'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['x.css', 'text/css; charset=utf-8'],
    ['x.svg', 'image/svg+xml'],
    ['x.woff2', 'font/woff2'],
    ['x.map', 'application/json; charset=utf-8'],
    ['x.exe', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});

describe('APP_CSP and headers', () => {
  const directives = new Map(
    APP_CSP.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('has the required directives', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
    });
  });

  it('allows no inline code, eval or remote hosts', () => {
    expect(APP_CSP).not.toMatch(/unsafe-|\*|https?:|wss?:/);
  });

  it('sends CSP, nosniff and the content type with every file', () => {
    const headers = appResponseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('names the app origin and entry consistently', () => {
    expect(APP_ORIGIN).toBe('app://newsroom');
    expect(APP_ENTRY_URL).toBe('app://newsroom/index.html');
  });
});
