/**
 * Runs `callback` when the page is idle (between frames, after input has been handled), or after
 * `timeoutMs` at the latest. Returns a cancel function. Falls back to a timer where the browser
 * (or a test DOM) has no requestIdleCallback.
 */
export function whenIdle(callback: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => callback(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}

/** `whenIdle`, but not before `delayMs` from now. */
export function idleAfter(delayMs: number, callback: () => void, timeoutMs: number): () => void {
  let cancelIdle: (() => void) | null = null;
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(callback, timeoutMs);
  }, delayMs);
  return () => {
    clearTimeout(timer);
    cancelIdle?.();
  };
}
