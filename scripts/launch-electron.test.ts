import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start`'s launcher, run as a real process. The download is pointed at a closed local port
 * and an empty cache, so it fails fast and the same way on every machine; where a binary is
 * already installed the launcher would start the app instead, so that case is skipped (saying so).
 */
const script = fileURLToPath(new URL('./launch-electron.mjs', import.meta.url));
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const hasBinary = existsSync(path.join(electronDir, 'path.txt'));
const scratch = mkdtempSync(path.join(tmpdir(), 'newsroom-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ELECTRON_') && !/electron/i.test(key)),
  );
  return spawnSync(process.execPath, [script, '--flag'], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('scripts/launch-electron.mjs', () => {
  it.skipIf(hasBinary)('explains plainly when the binary cannot be downloaded, exit 1', () => {
    const result = run({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: path.join(scratch, 'cache') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Newsroom could not start: the Electron binary is not installed and could not be downloaded');
    expect(result.stderr).toContain('`npm test`');
  });

  it.skipIf(process.platform === 'win32')('runs the binary on the app folder and forwards its exit code', () => {
    const fakeDist = path.join(scratch, 'fake-dist');
    mkdirSync(fakeDist, { recursive: true });
    const fake = path.join(fakeDist, 'electron');
    writeFileSync(fake, '#!/bin/sh\necho "cwd=$(pwd) args=$*"\nexit 7\n');
    chmodSync(fake, 0o755);
    const result = run({ ELECTRON_OVERRIDE_DIST_PATH: fakeDist });
    expect(result.status).toBe(7);
    expect(result.stdout).toContain(`cwd=${fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')}`);
    expect(result.stdout).toContain('args=. --flag');
  });
});

if (hasBinary) console.log('skipped: download-failure test (an Electron binary is installed here)');
