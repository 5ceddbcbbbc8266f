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
  const callHost = (method: unknown, input: unknown): Promise<unknown> =>
    binding ? binding(method, input) : Promise.reject(new Error('e2e host binding missing'));
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
