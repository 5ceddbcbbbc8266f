import { silentLogger, type Logger } from '../core/ports';

/**
 * Quitting without losing the last keystrokes. Electron quits as soon as `before-quit` returns,
 * so the first quit is cancelled *synchronously* (an `await` before `preventDefault` would be too
 * late), the pending saves are flushed (the renderer's unsaved text and every draft write), and
 * then the app quits for real, exactly once. The second `before-quit`, which that `app.quit()`
 * raises, passes through. Pure: it takes app-like objects, so the sequencing is unit-tested.
 */
export interface CancellableEvent {
  preventDefault(): void;
}

export interface QuitApp {
  on(event: 'before-quit', listener: (event: CancellableEvent) => void): unknown;
  quit(): void;
}

export interface QuitGuardOptions {
  logger?: Logger;
  /**
   * Last-resort deadline for the whole flush: a hung disk must not keep the app open for ever.
   * The renderer's acknowledgement has its own shorter timeout inside `flush`.
   */
  deadlineMs?: number;
}

export interface QuitGuard {
  /**
   * Listener for any event that would end the app: the window's `close`, `powerMonitor`'s
   * `shutdown`, Windows' `query-session-end`. Before the flush it cancels the event and starts the
   * quit sequence; after, it lets the event through. (Electron's typings give `shutdown`
   * listeners no event, though one is passed; hence optional.)
   */
  intercept(event?: CancellableEvent): void;
  /** True once the flush is over and the app is really quitting. */
  readonly flushed: boolean;
}

export function installQuitGuard(app: QuitApp, flush: () => Promise<void>, options: QuitGuardOptions = {}): QuitGuard {
  const logger = options.logger ?? silentLogger;
  const deadlineMs = options.deadlineMs ?? 10_000;
  let state: 'running' | 'flushing' | 'flushed' = 'running';

  const flushThenQuit = async (): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const deadline = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), deadlineMs);
      });
      if ((await Promise.race([flush(), deadline])) === 'late') {
        logger.error('saving before quit took too long; quitting anyway', { deadlineMs });
      }
    } catch (error) {
      logger.error('saving before quit failed; quitting anyway', { error: String(error) });
    } finally {
      clearTimeout(timer);
      state = 'flushed';
      app.quit();
    }
  };

  const intercept = (event?: CancellableEvent): void => {
    if (state === 'flushed') return; // our own app.quit(): let it through
    event?.preventDefault();
    if (state === 'flushing') return; // a second Cmd+Q while saving: one quit is enough
    state = 'flushing';
    void flushThenQuit();
  };

  app.on('before-quit', intercept);
  return {
    intercept,
    get flushed() {
      return state === 'flushed';
    },
  };
}
