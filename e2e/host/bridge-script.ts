/**
 * Runs in the page before the renderer, as the preload does in the app: it turns the host's
 * Playwright binding into exactly `window.newsroom = { invoke, on }`. The binding itself is
 * hidden, so the page's surface matches the preload's.
 */
export const HOST_BINDING = '__newsroomHostInvoke';
export const HOST_DISPATCH = '__newsroomHostDispatch';

export function installBridge(names: { binding: string; dispatch: string }): void {
  const w = globalThis as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // Playwright installs the binding before init scripts run: take it and remove it from the page.
  const binding = w[names.binding] as ((m: unknown, i: unknown) => Promise<unknown>) | undefined;
  delete w[names.binding];
  // Payloads cross as JSON text: Playwright serialises an object tree node by node, which made
  // opening a 20,000-word draft take 200 ms in the bridge alone; a string crosses in one piece.
  // The contract carries plain data only, so JSON loses nothing the preload's structured clone keeps.
  const callHost = async (method: unknown, input: unknown): Promise<unknown> => {
    if (!binding) throw new Error('e2e host binding missing');
    const reply = await binding(method, input === undefined ? undefined : JSON.stringify(input));
    return typeof reply === 'string' ? (JSON.parse(reply) as unknown) : reply;
  };
  Object.defineProperty(globalThis, names.dispatch, {
    enumerable: false,
    value: (event: string, payload: unknown) => {
      for (const callback of listeners.get(event) ?? []) callback(payload);
    },
  });
  Object.defineProperty(globalThis, 'newsroom', {
    enumerable: true,
    value: Object.freeze({
      invoke: (method: unknown, input: unknown) => callHost(method, input),
      on: (event: string, callback: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        set.add(callback);
        listeners.set(event, set);
        return () => set.delete(callback);
      },
    }),
  });
}
