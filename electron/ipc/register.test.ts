import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels';
import { ok, type Result } from '../../shared/ipc/result';
import type { Router } from './router';

/** S6 with ipcMain mocked: the sender is checked before the router sees anything. */
type Handler = (event: unknown, method: unknown, input: unknown) => Promise<Result<unknown>>;

const mocks = vi.hoisted(() => {
  const handlers = new Map<string, unknown>();
  const windows: Array<{ destroyed: boolean; sent: unknown[][] }> = [];
  const ipcMain = {
    handle: vi.fn((channel: string, handler: unknown) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const BrowserWindow = {
    getAllWindows: () =>
      windows.map((w) => ({
        isDestroyed: () => w.destroyed,
        webContents: { isDestroyed: () => w.destroyed, send: (...args: unknown[]) => w.sent.push(args) },
      })),
  };
  return { handlers, windows, ipcMain, BrowserWindow };
});

vi.mock('electron', () => ({ ipcMain: mocks.ipcMain, BrowserWindow: mocks.BrowserWindow }));

const { broadcast, registerIpc } = await import('./register');

const router = { handle: vi.fn<Router['handle']>(async () => ok('done')) };
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

function handler(): Handler {
  const registered = mocks.handlers.get(INVOKE_CHANNEL);
  if (typeof registered !== 'function') throw new Error('nothing registered');
  return registered as Handler;
}

describe('registerIpc', () => {
  beforeEach(() => {
    router.handle.mockClear();
    mocks.handlers.clear();
  });

  it('registers exactly one handler, on the invoke channel, and can remove it', () => {
    const dispose = registerIpc(router);
    expect([...mocks.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    dispose();
    expect(mocks.handlers.size).toBe(0);
  });

  it('hands a trusted call to the router', async () => {
    registerIpc(router);
    await expect(handler()(frame('app://newsroom/index.html'), 'drafts.list', {})).resolves.toEqual(ok('done'));
    expect(router.handle).toHaveBeenCalledExactlyOnceWith('drafts.list', {});
  });

  it.each([
    ['no frame', { senderFrame: null }],
    ['foreign origin', frame('https://evil.example/')],
    ['sub-frame', frame('app://newsroom/index.html', { url: 'app://newsroom/index.html', parent: null })],
    ['about:blank', frame('about:blank')],
    ['file://', frame('file:///tmp/index.html')],
    ['malformed', frame('%%%')],
    ['dev server not allowed', frame('http://localhost:5173/')],
    [
      'destroyed frame',
      {
        get senderFrame(): never {
          throw new Error('disposed');
        },
      },
    ],
  ])('answers FORBIDDEN to %s without calling the router', async (_name, event) => {
    registerIpc(router);
    const reply = await handler()(event, 'drafts.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(router.handle).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when passed', async () => {
    registerIpc(router, { origins: ['app://newsroom', 'http://localhost:5173'] });
    await expect(handler()(frame('http://localhost:5173/'), 'app.info', {})).resolves.toEqual(ok('done'));
  });

  it('turns a router exception into INTERNAL', async () => {
    router.handle.mockRejectedValueOnce(new Error('boom'));
    registerIpc(router);
    const reply = await handler()(frame('app://newsroom/index.html'), 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('broadcast', () => {
  it('sends event and payload on the event channel to every live window', () => {
    mocks.windows.push({ destroyed: false, sent: [] }, { destroyed: true, sent: [] }, { destroyed: false, sent: [] });
    broadcast('app.flushRequested', {});
    expect(mocks.windows.map((w) => w.sent)).toEqual([
      [[EVENT_CHANNEL, 'app.flushRequested', {}]],
      [],
      [[EVENT_CHANNEL, 'app.flushRequested', {}]],
    ]);
  });
});
