import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * S11 (config part): electron-builder.yml parsed with js-yaml (electron-builder's own YAML parser,
 * present through it) and validated against electron-builder's own schema, so a misspelt key
 * fails here instead of being ignored at packaging time on a machine with internet.
 */
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const scheme = require('app-builder-lib/scheme.json') as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

const config = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('flips the reviewed fuses', () => {
    expect(config['electronFuses']).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('decides every fuse this electron-builder knows (a new one must be reviewed)', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties).sort();
    const leftAtDefault = ['loadBrowserProcessSpecificV8Snapshot', 'resetAdHocDarwinSignature'];
    expect(known).toEqual([...Object.keys(config['electronFuses'] as object), ...leftAtDefault].sort());
  });

  it('ships only the build output, in an asar', () => {
    expect(config).toMatchObject({
      appId: expect.stringMatching(/^[a-z0-9.-]+$/),
      productName: 'Newsroom',
      files: ['dist/**', 'dist-electron/**', 'package.json'],
      asar: true,
      directories: { output: 'release' },
      linux: { target: ['dir', 'AppImage'] },
      mac: { target: 'dmg' },
      win: { target: 'nsis' },
    });
  });
});
