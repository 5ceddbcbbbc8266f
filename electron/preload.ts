import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isEventName, isMethodName } from '../shared/ipc/channels';

/**
 * The page's only door to the main process: `window.newsroom = { invoke, on }` (the shape of
 * `NewsroomBridge` in shared/ipc/bridge.ts; preload.test.ts checks it). Deliberately dumb: it
 * checks names against the lists and forwards; schemas and the sender check live in main. No raw
 * `ipcRenderer`, no channel argument, and listeners get the payload only, never the event object
 * (it carries `sender`, i.e. ipcRenderer itself). This file imports only shared/ipc/channels so the
 * sandboxed bundle stays tiny.
 */
const bridge = {
  invoke(method: unknown, input?: unknown): Promise<unknown> {
    if (!isMethodName(method)) {
      // Same shape as the router's reply, so callers handle one kind of failure.
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: 'Newsroom does not know this request.' },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },

  on(event: unknown, callback: unknown): () => void {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event).slice(0, 60)}`);
    if (typeof callback !== 'function') throw new TypeError('The listener must be a function.');
    const listener = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('newsroom', bridge);
