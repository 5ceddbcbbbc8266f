import type { EmitEvent } from './ports';

/**
 * Before the app quits, the renderer must save what the journalist typed since the last autosave.
 * Main asks (`app.flushRequested`) and waits for the acknowledgement, with a deadline so a hung or
 * crashed renderer cannot keep the app from quitting.
 */
export class FlushCoordinator {
  private waiting: Array<() => void> = [];

  constructor(
    private readonly emit: EmitEvent,
    private readonly timeoutMs = 3_000,
  ) {}

  /** Resolves `true` when the renderer acknowledged, `false` on time-out. */
  requestRendererFlush(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((fn) => fn !== done);
        resolve(false);
      }, this.timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiting.push(done);
      this.emit('app.flushRequested', {});
    });
  }

  acknowledge(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }
}
