import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The real electron-store on a temp folder (electron mocked; vitest.config.ts inlines the store). */
const electronMock = vi.hoisted(() => ({
  app: { getPath: () => '/nonexistent-user-data', getVersion: () => '0.0.0-test' },
  ipcMain: { on: () => {} },
}));
vi.mock('electron', () => ({ ...electronMock, default: electronMock }));

const { openSettingsStore } = await import('./settings-store');

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'newsroom-settings-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('openSettingsStore', () => {
  it('reads and writes settings.json through the SettingsStore port', async () => {
    const settings = await openSettingsStore({ cwd });
    expect(settings.has('wordpress')).toBe(false);
    settings.set('wordpress', { siteUrl: 'https://news.example', username: 'desk' });
    expect(settings.get('wordpress')).toEqual({ siteUrl: 'https://news.example', username: 'desk' });
    expect(JSON.parse(readFileSync(path.join(cwd, 'settings.json'), 'utf8'))).toEqual({
      wordpress: { siteUrl: 'https://news.example', username: 'desk' },
    });
    const reopened = await openSettingsStore({ cwd });
    expect(reopened.get('wordpress')?.username).toBe('desk');
    reopened.delete('wordpress');
    expect(reopened.has('wordpress')).toBe(false);
  });

  it('keeps an unreadable file aside and starts with defaults', async () => {
    writeFileSync(path.join(cwd, 'settings.json'), '{"wordpress": {"siteUrl": "https://x.example", ');
    const warn = vi.fn();
    const settings = await openSettingsStore({ cwd, logger: { info() {}, warn, error() {} } });
    expect(settings.get('wordpress')).toBeUndefined();
    const files = readdirSync(cwd);
    const kept = files.find((f) => f.startsWith('settings.json.corrupt-'));
    expect(kept).toBeDefined();
    expect(readFileSync(path.join(cwd, kept ?? ''), 'utf8')).toContain('x.example');
    expect(warn).toHaveBeenCalledOnce();
  });
});
