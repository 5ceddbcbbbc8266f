import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL, METHOD_NAMES } from '../shared/ipc/channels';
import type { NewsroomBridge } from '../shared/ipc/bridge';

/** S8: the preload surface, with contextBridge and ipcRenderer mocked. */
type Listener = (...args: unknown[]) => void;

const mocks = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' })),
    on: vi.fn((_channel: string, listener: Listener) => listeners.add(listener)),
    removeListener: vi.fn((_channel: string, listener: Listener) => listeners.delete(listener)),
    send: vi.fn(),
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) };
  return { exposed, listeners, ipcRenderer, contextBridge };
});

vi.mock('electron', () => ({ contextBridge: mocks.contextBridge, ipcRenderer: mocks.ipcRenderer }));

await import('./preload');
const bridge = mocks.exposed.get('newsroom') as NewsroomBridge;
const fakeEvent = { sender: mocks.ipcRenderer, senderId: 0, ports: [] };

describe('preload surface', () => {
  beforeEach(() => {
    mocks.ipcRenderer.invoke.mockClear();
    mocks.ipcRenderer.send.mockClear();
  });

  it('exposes exactly window.newsroom with invoke and on, functions only', () => {
    expect([...mocks.exposed.keys()]).toEqual(['newsroom']);
    expect(mocks.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    const typed: NewsroomBridge = bridge; // the shape the renderer's client expects
    expect(typed).toBe(bridge);
  });

  it.each(METHOD_NAMES)('forwards %s on the invoke channel', async (method) => {
    await expect(bridge.invoke(method, { a: 1 })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(mocks.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNEL, method, { a: 1 });
  });

  it.each(['nope', 'app.quit', '__proto__', 'constructor', '', 42, null, { toString: () => 'app.info' }])(
    'answers UNKNOWN_METHOD for %j without sending anything',
    async (method) => {
      const reply = await bridge.invoke(method as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(mocks.ipcRenderer.invoke).not.toHaveBeenCalled();
      expect(mocks.ipcRenderer.send).not.toHaveBeenCalled();
    },
  );

  it('calls back with the payload only and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.on('drafts.changed', (...args: unknown[]) => seen.push(args));
    expect(mocks.ipcRenderer.on).toHaveBeenLastCalledWith(EVENT_CHANNEL, expect.any(Function));
    const payload = { id: 'x', revision: 2, reason: 'saved' };
    for (const listener of mocks.listeners) {
      listener(fakeEvent, 'drafts.changed', payload);
      listener(fakeEvent, 'app.flushRequested', {}); // another event: not for this callback
    }
    expect(seen).toEqual([[payload]]);
    expect(JSON.stringify(seen)).not.toContain('sender');
    const before = mocks.listeners.size;
    off();
    expect(mocks.listeners.size).toBe(before - 1);
    for (const listener of mocks.listeners) listener(fakeEvent, 'drafts.changed', payload);
    expect(seen).toHaveLength(1);
  });

  it('refuses unknown events and non-function listeners', () => {
    expect(() => bridge.on('ipc:raw' as never, () => {})).toThrow(TypeError);
    expect(() => bridge.on('drafts.changed', 'alert(1)' as never)).toThrow(TypeError);
  });

  it('imports nothing but electron and shared/ipc/channels', () => {
    const source = readFileSync(new URL('./preload.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
    expect(imports).toEqual(['electron', '../shared/ipc/channels']);
  });
});
