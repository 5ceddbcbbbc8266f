import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SafeStorageLike } from './secrets';

/**
 * S13 with safeStorage mocked: the plaintext never reaches the disk, `basic_text` writes nothing,
 * a ciphertext that no longer decrypts reads as missing. electron-store is the real one (inlined
 * by vitest.config.ts so this mock reaches its own `import electron from 'electron'`).
 */
const electronMock = vi.hoisted(() => {
  const app = { getPath: () => '/nonexistent-user-data', getVersion: () => '0.0.0-test' };
  const ipcMain = { on: () => {} };
  return { app, ipcMain, safeStorage: {} };
});
vi.mock('electron', () => ({ ...electronMock, default: electronMock }));

const { createSecrets } = await import('./secrets');

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';
const NAME = 'wordpress.applicationPassword';

/** A stand-in OS store: a versioned XOR "encryption" that never contains the input bytes. */
function fakeSafeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>, available = true): SafeStorageLike {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0xa5));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.concat([Buffer.from('v11'), xor(Buffer.from(plain, 'utf8'))]),
    decryptString: (cipher) => {
      if (cipher.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext');
      return xor(cipher.subarray(3)).toString('utf8');
    },
  };
}

function allBytes(folder: string): Buffer {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((f) => path.join(folder, f));
  return Buffer.concat(files.filter((f) => statSync(f).isFile()).map((f) => readFileSync(f)));
}

const needles = [
  Buffer.from(PASSWORD, 'utf8'),
  Buffer.from(PASSWORD, 'utf16le'),
  Buffer.from(Buffer.from(PASSWORD).toString('base64')),
  Buffer.from('abcd'),
];

let cwd: string;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'newsroom-secrets-'));
  logger.warn.mockClear();
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('createSecrets with a real secret store', () => {
  it('keeps only ciphertext on disk and reads it back after a restart', async () => {
    const secrets = createSecrets({ cwd, logger, platform: 'linux', safeStorage: fakeSafeStorage('gnome_libsecret') });
    expect(secrets.persistent).toBe(true);
    await secrets.set(NAME, PASSWORD);
    expect(await secrets.get(NAME)).toBe(PASSWORD);

    expect(readdirSync(cwd)).toEqual(['secrets.json']);
    const disk = allBytes(cwd);
    for (const needle of needles) expect(disk.indexOf(needle)).toBe(-1);
    const stored = JSON.parse(readFileSync(path.join(cwd, 'secrets.json'), 'utf8'));
    expect(Object.keys(stored)).toEqual([NAME]); // flat key, despite the dot
    expect(stored[NAME].backend).toBe('gnome_libsecret');
    if (process.platform !== 'win32') expect(statSync(path.join(cwd, 'secrets.json')).mode & 0o077).toBe(0);

    const restarted = createSecrets({ cwd, platform: 'linux', safeStorage: fakeSafeStorage('gnome_libsecret') });
    expect(await restarted.get(NAME)).toBe(PASSWORD);
  });

  it('deletes', async () => {
    const secrets = createSecrets({ cwd, platform: 'darwin', safeStorage: fakeSafeStorage('unknown') });
    await secrets.set(NAME, PASSWORD);
    await secrets.delete(NAME);
    expect(await secrets.get(NAME)).toBeUndefined();
    expect(await secrets.get('never-set')).toBeUndefined();
  });

  it('treats a ciphertext that no longer decrypts as missing, logging no secret', async () => {
    writeFileSync(
      path.join(cwd, 'secrets.json'),
      JSON.stringify({ [NAME]: { ciphertext: Buffer.from(`garbage ${PASSWORD}`).toString('base64'), backend: 'kwallet5' }, other: 42 }),
    );
    const secrets = createSecrets({ cwd, logger, platform: 'linux', safeStorage: fakeSafeStorage('gnome_libsecret') });
    expect(await secrets.get(NAME)).toBeUndefined();
    expect(await secrets.get('other')).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('abcd');
  });

  it('reports an encryption failure as an error, storing nothing', async () => {
    const broken = { ...fakeSafeStorage('kwallet6'), encryptString: () => { throw new Error('keyring locked'); } };
    const secrets = createSecrets({ cwd, platform: 'linux', safeStorage: broken });
    await expect(secrets.set(NAME, PASSWORD)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(allBytes(cwd).indexOf(Buffer.from(PASSWORD))).toBe(-1);
  });
});

describe('createSecrets without a real secret store', () => {
  it.each([
    ['basic_text on Linux', fakeSafeStorage('basic_text'), 'linux'],
    ['unknown backend on Linux', fakeSafeStorage('unknown'), 'linux'],
    ['encryption unavailable', fakeSafeStorage('gnome_libsecret', false), 'linux'],
    ['encryption unavailable on Windows', fakeSafeStorage('unknown', false), 'win32'],
  ] as const)('%s: session only, nothing written', async (_name, safeStorage, platform) => {
    const secrets = createSecrets({ cwd, logger, platform, safeStorage });
    expect(secrets.persistent).toBe(false);
    await secrets.set(NAME, PASSWORD);
    expect(await secrets.get(NAME)).toBe(PASSWORD);
    expect(readdirSync(cwd)).toEqual([]);
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('abcd');

    const restarted = createSecrets({ cwd, platform, safeStorage });
    expect(await restarted.get(NAME)).toBeUndefined();
  });
});
