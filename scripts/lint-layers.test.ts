import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules are only worth having if they fire: lint probe sources as if they sat in each folder. */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer lint rules', () => {
  it.each([
    ['electron/core/drafts/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/model/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/features/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/model/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/features/probe.ts', "import { join } from 'path';\nexport const a = join;\n"],
    ['renderer/features/probe.ts', "import { createServices } from '../../electron/core/services';\nexport const a = createServices;\n"],
    ['electron/core/probe.ts', "import Store from 'electron-store';\nexport const a = Store;\n"],
    ['electron/preload.ts', "import { contract } from '../shared/ipc/contract';\nexport const a = contract;\n"],
  ])('rejects a forbidden import in %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/main.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/probe.ts', "import { join } from 'node:path';\nexport const a = join;\n"],
    ['electron/preload.ts', "import { METHOD_NAMES } from '../shared/ipc/channels';\nexport const a = METHOD_NAMES;\n"],
  ])('allows the imports its layer may use in %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).not.toContain('no-restricted-imports');
  });

  it.each([
    ['electron/core/probe.ts', 'declare const ipcMain: { handle(c: string, f: () => void): void };\nipcMain.handle("x", () => {});\n'],
    ['electron/main.ts', 'declare class BrowserWindow { constructor(o: object) }\nexport const w = new BrowserWindow({});\n'],
    ['electron/main.ts', 'declare const shell: { openExternal(u: string): void };\nshell.openExternal("https://example.com");\n'],
  ])('keeps choke points: %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-syntax');
  });
});
