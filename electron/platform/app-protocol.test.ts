import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../core/app-files';

/** The protocol handler with Electron's `protocol` mocked; requests are Node's own `Request`. */
const mocks = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
}));
vi.mock('electron', () => ({ protocol: mocks }));

const { registerAppScheme, serveAppFiles } = await import('./app-protocol');

const base = mkdtempSync(path.join(tmpdir(), 'newsroom-protocol-'));
const root = path.join(base, 'dist');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Newsroom</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'escape'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

serveAppFiles(root);
const handler = mocks.handle.mock.calls[0]?.[1];
const get = (url: string, method = 'GET') => {
  if (!handler) throw new Error('no handler registered');
  return handler(new Request(url, { method }));
};

describe('app:// protocol', () => {
  it('registers the scheme as standard, secure and fetchable, nothing more', () => {
    registerAppScheme();
    expect(mocks.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(mocks.handle.mock.calls[0]?.[0]).toBe('app');
  });

  it('serves index.html with the CSP header', async () => {
    const response = await get('app://newsroom/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Newsroom</title>');
  });

  it('serves scripts as JavaScript (module scripts need it)', async () => {
    const response = await get('app://newsroom/assets/index-abc.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://newsroom/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://newsroom/escape',
    'app://newsroom/%2e%2e/secret.txt',
    'app://newsroom/..%2fsecret.txt',
    'app://other/index.html',
    'app://newsroom.evil/index.html',
    'app://newsroom/missing.js',
  ])('refuses %s with a 404 that still carries the CSP', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses writes', async () => {
    expect((await get('app://newsroom/index.html', 'POST')).status).toBe(405);
  });
});
