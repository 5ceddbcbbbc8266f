import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  devServerUrlFrom,
  externalUrl,
  isAppUrl,
  isSafeExternalUrl,
  navigationDecision,
  originOf,
} from './url-policy';

/** S4: navigation. Only our own origin stays in the window. */
const navigation: Array<[string, 'allow' | 'deny']> = [
  ['app://newsroom/index.html', 'allow'],
  ['app://newsroom/', 'allow'],
  ['app://newsroom/index.html#/drafts/1', 'allow'],
  ['app://newsroom/index.html?draft=1', 'allow'],
  ['app://newsroom.evil/index.html', 'deny'],
  ['app://newsroom@evil/index.html', 'deny'],
  ['app://evil@newsroom/index.html', 'deny'],
  ['app://user:pass@newsroom/index.html', 'deny'],
  ['app://newsroom:8080/index.html', 'deny'],
  ['app://NEWSROOM/index.html', 'deny'],
  ['app://bundle.evil/', 'deny'],
  ['app:///index.html', 'deny'],
  ['app:newsroom/index.html', 'deny'],
  ['app://news\nroom/index.html', 'deny'],
  ['app://newsroom\\@evil/', 'deny'],
  ['https://evil.example/', 'deny'],
  ['https://app.evil/', 'deny'],
  ['https://newsroom/', 'deny'],
  ['http://localhost:5173/', 'deny'], // the dev server, not passed
  ['file:///etc/passwd', 'deny'],
  ['file:///C:/Windows/win.ini', 'deny'],
  ['javascript:alert(1)', 'deny'],
  ['data:text/html,<script>alert(1)</script>', 'deny'],
  ['about:blank', 'deny'],
  ['blob:app://newsroom/1234', 'deny'],
  ['chrome://settings', 'deny'],
  ['devtools://devtools/bundled/inspector.html', 'deny'],
  ['app://newsroom/%2e%2e/%2e%2e/etc/passwd', 'allow'], // same origin; the file handler contains it
  ['ws://newsroom/', 'deny'],
  ['', 'deny'],
  ['not a url', 'deny'],
];

/** S5: links handed to the operating system. */
const external: Array<[string, string | null]> = [
  ['https://example.com/', 'https://example.com/'],
  ['https://example.com', 'https://example.com/'],
  ['http://example.com/path?q=1#x', 'http://example.com/path?q=1#x'],
  ['HTTPS://EXAMPLE.COM/A', 'https://example.com/A'],
  ['https://app.evil/', 'https://app.evil/'], // a look-alike is just another website
  ['https://newsroom.app.evil/login', 'https://newsroom.app.evil/login'],
  ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
  ['javascript:alert(1)', null],
  ['JaVaScRiPt:alert(1)', null],
  [' javascript:alert(1)', null],
  ['vbscript:msgbox(1)', null],
  ['data:text/html;base64,PHNjcmlwdD4=', null],
  ['file:///etc/passwd', null],
  ['file://server/share/x.exe', null],
  ['smb://server/share', null],
  ['\\\\server\\share\\x.exe', null],
  ['ms-msdt:/id PCWDiagnostic', null],
  ['search-ms:query=x&crumb=location:\\\\evil\\share', null],
  ['ms-officecmd:{}', null],
  ['mailto:desk@example.com', null],
  ['tel:+123', null],
  ['app://newsroom/index.html', null],
  ['chrome://settings', null],
  ['about:blank', null],
  ['https://user:pass@example.com/', null],
  ['https://user@example.com/', null],
  ['https://example.com\r\nX-Injected: 1', null],
  ['https://exa\nmple.com/', null],
  ['https://example.com/\tpath', null],
  ['https://example.com/ space', null],
  ['https:\\\\example.com', null],
  ['https://', null],
  ['https:///path', null],
  ['//example.com/', null],
  ['example.com', null],
  ['https://example.com/' + 'a'.repeat(3000), null],
  ['', null],
];

describe('navigationDecision', () => {
  it('tables are big enough', () => {
    expect(navigation.length).toBeGreaterThanOrEqual(20);
    expect(external.length).toBeGreaterThanOrEqual(25);
  });

  it.each(navigation)('%j -> %s', (url, expected) => {
    expect(navigationDecision(url)).toBe(expected);
    expect(isAppUrl(url)).toBe(expected === 'allow');
  });

  it('allows the dev server only when it is passed', () => {
    const origins = allowedOrigins('http://localhost:5173/');
    expect(origins).toEqual(['app://newsroom', 'http://localhost:5173']);
    expect(navigationDecision('http://localhost:5173/index.html', origins)).toBe('allow');
    expect(navigationDecision('http://localhost:5174/', origins)).toBe('deny');
    expect(navigationDecision('http://localhost.evil:5173/', origins)).toBe('deny');
    expect(allowedOrigins()).toEqual(['app://newsroom']);
    expect(allowedOrigins('javascript:alert(1)')).toEqual(['app://newsroom']);
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['not a url', undefined],
    ['file:///tmp/index.html', undefined],
    ['app://newsroom/', undefined],
    ['http://localhost:5173/', 'http://localhost:5173/'],
  ])('devServerUrlFrom(%j) -> %j', (raw, expected) => {
    expect(devServerUrlFrom(raw)).toBe(expected);
  });

  it.each([null, undefined, 42, {}, ['app://newsroom/']])('rejects non-strings (%j)', (value) => {
    expect(navigationDecision(value)).toBe('deny');
    expect(externalUrl(value)).toBeNull();
  });
});

describe('originOf', () => {
  it.each([
    ['app://newsroom/index.html', 'app://newsroom'],
    ['https://example.com:8443/x', 'https://example.com:8443'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['file:///x', null],
    ['about:blank', null],
    ['https://a:b@example.com/', null],
  ])('%j -> %j', (url, origin) => expect(originOf(url)).toBe(origin));
});

describe('externalUrl', () => {
  it.each(external)('%j -> %j', (url, expected) => {
    expect(externalUrl(url)).toBe(expected);
    expect(isSafeExternalUrl(url)).toBe(expected !== null);
  });
});

/** Without fast-check: 2,000 strings from a seeded generator, built from URL-ish pieces. */
describe('properties on generated strings', () => {
  const pieces = [
    'https:', 'http:', 'app:', 'file:', 'javascript:', 'data:', '//', '/', '\\', '@', ':', '.',
    'newsroom', 'evil', 'example.com', '%2e', '%2f', '%00', '\r', '\n', '\t', ' ', '?', '#',
    'user', 'pass', '..', 'localhost', '5173', 'ä', '\u2028',
  ];
  let seed = 0x2f6b_1d3c;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    return seed;
  };
  const inputs = Array.from({ length: 2_000 }, () =>
    Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]).join(''),
  );

  it('navigation is allowed only to app://newsroom', () => {
    for (const input of inputs) {
      if (navigationDecision(input) === 'allow') {
        const url = new URL(input);
        expect([url.protocol, url.host, url.username, url.password]).toEqual(['app:', 'newsroom', '', '']);
      }
    }
  });

  it('an allowed external URL is http(s), has a host and no credentials', () => {
    for (const input of inputs) {
      const out = externalUrl(input);
      if (out === null) continue;
      const url = new URL(out);
      expect(['http:', 'https:']).toContain(url.protocol);
      expect(url.hostname).not.toBe('');
      expect(url.username + url.password).toBe('');
      expect(out).not.toMatch(/[\s\\]/);
    }
  });
});
