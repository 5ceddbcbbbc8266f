import { beforeEach, describe, expect, it, vi } from 'vitest';

const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string, _options?: unknown) => {}) }));
vi.mock('electron', () => ({ shell: { openExternal }, default: { shell: { openExternal } } }));

const { openExternalSafe } = await import('./open-external');

describe('openExternalSafe (S5 choke point)', () => {
  beforeEach(() => openExternal.mockClear());

  it('opens a plain https link in its normalised form', async () => {
    expect(await openExternalSafe('HTTPS://Example.com/a?b=1')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal.mock.calls[0]?.[0]).toBe('https://example.com/a?b=1');
  });

  it.each([
    'file:///etc/passwd',
    'smb://host/share',
    'javascript:alert(1)',
    'ms-msdt:/id x',
    'https://user:pw@example.com/',
    'https://example.com/\r\nx',
    'app://newsroom/index.html',
    42,
  ])('never hands %j to the system', async (url) => {
    const warn = vi.fn();
    expect(await openExternalSafe(url, { info() {}, warn, error() {} })).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('passwd');
  });

  it('reports false when the system fails to open it', async () => {
    openExternal.mockRejectedValueOnce(new Error('no handler'));
    expect(await openExternalSafe('https://example.com/')).toBe(false);
  });
});
