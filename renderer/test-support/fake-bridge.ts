import type { EventName, MethodName } from '../../shared/ipc/channels';
import type { NewsroomBridge } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/ipc/result';

type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

/**
 * A stand-in for the preload's `window.newsroom` in dom tests: answers per method, records every
 * call, and lets a test emit events. Test-only; nothing in the app imports it.
 */
export function installFakeBridge(handlers: Partial<Record<MethodName, Handler>>) {
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const bridge: NewsroomBridge = {
    async invoke(method, input) {
      calls.push({ method, input });
      const handler = handlers[method];
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No fake for ${method}` } };
      return handler(input);
    },
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
  window.newsroom = bridge;
  return {
    calls,
    callsTo: (method: MethodName) => calls.filter((c) => c.method === method).map((c) => c.input),
    emit: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload)),
    uninstall: () => {
      delete window.newsroom;
    },
  };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
