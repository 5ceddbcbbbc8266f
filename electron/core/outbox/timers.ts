/** setTimeout/clearTimeout, injectable so tests run hours of backoff in fake time. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** setTimeout fires at once beyond this (about 24.8 days), so longer waits are re-armed. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
