import { afterEach, describe, expect, it, vi } from 'vitest';
import { installQuitGuard, type CancellableEvent } from './quit-guard';

/** A fake `app`: records listeners and the order of what happens. */
function fakeApp() {
  const log: string[] = [];
  let beforeQuit: ((event: CancellableEvent) => void) | undefined;
  const app = {
    on: vi.fn((_name: 'before-quit', listener: (event: CancellableEvent) => void) => {
      beforeQuit = listener;
    }),
    quit: vi.fn(() => {
      log.push('quit');
      emitBeforeQuit(); // as Electron does
    }),
  };
  const emitBeforeQuit = (): CancellableEvent & { prevented: boolean } => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    beforeQuit?.(event);
    return event;
  };
  return { app, log, emitBeforeQuit };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe('installQuitGuard', () => {
  it('cancels the first quit synchronously, awaits the flush, then quits once', async () => {
    const { app, log, emitBeforeQuit } = fakeApp();
    const pending = deferred();
    const flush = vi.fn(() => {
      log.push('flush');
      return pending.promise.then(() => void log.push('flushed'));
    });
    const guard = installQuitGuard(app, flush);
    expect(app.on).toHaveBeenCalledWith('before-quit', expect.any(Function));

    const first = emitBeforeQuit();
    expect(first.prevented).toBe(true); // before any await
    expect(flush).toHaveBeenCalledOnce();
    await settle();
    expect(app.quit).not.toHaveBeenCalled();
    expect(guard.flushed).toBe(false);

    pending.resolve();
    await settle();
    expect(log).toEqual(['flush', 'flushed', 'quit']);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(guard.flushed).toBe(true);

    // The before-quit raised by our own app.quit() passed through; so does any later one.
    expect(emitBeforeQuit().prevented).toBe(false);
    expect(flush).toHaveBeenCalledOnce();
  });

  it('holds a second quit request made while flushing, without flushing twice', async () => {
    const { app, emitBeforeQuit } = fakeApp();
    const pending = deferred();
    const flush = vi.fn(() => pending.promise);
    installQuitGuard(app, flush);
    emitBeforeQuit();
    expect(emitBeforeQuit().prevented).toBe(true);
    pending.resolve();
    await settle();
    expect(flush).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('still quits once when the flush fails, and logs it', async () => {
    const { app, emitBeforeQuit } = fakeApp();
    const error = vi.fn();
    installQuitGuard(app, () => Promise.reject(new Error('disk full')), { logger: { info() {}, warn() {}, error } });
    emitBeforeQuit();
    await settle();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
  });

  it('still quits once when flush throws synchronously', async () => {
    const { app, emitBeforeQuit } = fakeApp();
    installQuitGuard(app, () => {
      throw new Error('bug');
    });
    expect(emitBeforeQuit().prevented).toBe(true);
    await settle();
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('gives up on a hung flush at the deadline', async () => {
    vi.useFakeTimers();
    const { app, emitBeforeQuit } = fakeApp();
    installQuitGuard(app, () => new Promise<void>(() => {}), { deadlineMs: 5_000 });
    emitBeforeQuit();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('routes a window close or an OS shutdown through the same flush', async () => {
    const { app } = fakeApp();
    const pending = deferred();
    const flush = vi.fn(() => pending.promise);
    const guard = installQuitGuard(app, flush);

    const close = { prevented: false, preventDefault: () => (close.prevented = true) };
    guard.intercept(close);
    const shutdown = { prevented: false, preventDefault: () => (shutdown.prevented = true) };
    guard.intercept(shutdown);
    expect([close.prevented, shutdown.prevented]).toEqual([true, true]);
    expect(flush).toHaveBeenCalledOnce();

    pending.resolve();
    await settle();
    expect(app.quit).toHaveBeenCalledOnce();
    const closeAgain = { prevented: false, preventDefault: () => (closeAgain.prevented = true) };
    guard.intercept(closeAgain);
    expect(closeAgain.prevented).toBe(false);
  });
});
