/**
 * Autosave for one draft, with no React and no IPC so its timing can be tested with fake timers.
 *
 * Rules (DESIGN.md §6):
 * - save `delayMs` after the last change, and at least every `maxWaitMs` while changes keep coming;
 * - never two saves in flight: a save that falls due meanwhile waits and then sends the latest value;
 * - a failed save keeps the value dirty and does not retry on its own (a full disk will not empty
 *   itself); the next change, `retry()` or `flush()` tries again;
 * - `flush()` saves at once if anything is unsaved and resolves when nothing is in flight.
 */

export type SaveState =
  | { kind: 'saved'; at: Date }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export interface AutosaveTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface AutosaveOptions<T> {
  /** Resolves with the time the main side recorded; rejects with an Error whose message a person can read. */
  save: (value: T) => Promise<{ savedAt: Date }>;
  onState?: (state: SaveState) => void;
  /** The state to show before the first change, e.g. the draft's last save. */
  initial?: SaveState;
  delayMs?: number;
  maxWaitMs?: number;
  timers?: AutosaveTimers;
}

export const browserTimers: AutosaveTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

const FALLBACK_MESSAGE = 'Something went wrong while saving. Your text is still in the editor.';

export class Autosave<T> {
  private readonly saveFn: AutosaveOptions<T>['save'];
  private readonly onState: (state: SaveState) => void;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: AutosaveTimers;

  private latest: { value: T } | undefined;
  private dirty = false;
  /** When the oldest unsaved change happened: the max-wait clock starts there. */
  private dirtySince: number | undefined;
  private timer: unknown;
  /** When the timer fires (the timers' clock). */
  private dueAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  /** A save fell due while another was in flight. */
  private queued = false;
  private disposed = false;
  /** takeUnsaved handed out text that is not on disk and not yet kept elsewhere. */
  private held = false;
  private current: SaveState;

  constructor(options: AutosaveOptions<T>) {
    this.saveFn = options.save;
    this.onState = options.onState ?? (() => {});
    this.delayMs = options.delayMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
    this.timers = options.timers ?? browserTimers;
    this.current = options.initial ?? { kind: 'saved', at: new Date(this.timers.now()) };
  }

  get state(): SaveState {
    return this.current;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== undefined;
  }

  change(value: T): void {
    if (this.disposed) return;
    this.latest = { value };
    this.dirty = true;
    const now = this.timers.now();
    this.dirtySince ??= now;
    // After a failure the message stays up until the next attempt starts: hiding it on the next
    // keystroke would make a full disk look fixed.
    if (this.current.kind !== 'failed' && this.current.kind !== 'saving') this.setState({ kind: 'dirty' });
    this.schedule(now);
  }

  /** Saves now if anything is unsaved; resolves true when everything is on disk. */
  async flush(): Promise<boolean> {
    // Text handed out by takeUnsaved and not yet kept elsewhere is not on disk: leaving must wait.
    if (this.held) return false;
    this.clearTimer();
    await this.settle();
    if (this.dirty) this.startSave();
    await this.settle();
    return !this.dirty;
  }

  retry(): Promise<boolean> {
    return this.flush();
  }

  /**
   * Stops for good and hands back the value not yet on disk (undefined: everything was saved),
   * after any save in flight has settled. Used when the draft's file changed elsewhere: the
   * caller keeps that text somewhere safe, and nothing here may save it over the newer file.
   */
  async takeUnsaved(): Promise<T | undefined> {
    this.disposed = true;
    this.clearTimer();
    await this.settle();
    const unsaved = this.dirty ? this.latest?.value : undefined;
    this.dirty = false;
    this.latest = undefined;
    this.held = unsaved !== undefined;
    return unsaved;
  }

  /** The text handed out by takeUnsaved is safe elsewhere (kept as a copy): flush may say so again. */
  release(): void {
    this.held = false;
  }

  /** Stops timers and state reports; a save already in flight still completes. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(now: number): void {
    const waited = now - (this.dirtySince ?? now);
    const wait = Math.max(0, Math.min(this.delayMs, this.maxWaitMs - waited));
    // Past the quiet period's reach, the save is due at the max-wait deadline: a timer already set
    // for no later than that stays as it is. Moving it on every keystroke would restart its wait
    // (and the idle wait behind it), and steady typing would never be saved.
    const capped = wait < this.delayMs;
    if (capped && this.timer !== undefined && this.dueAt !== undefined && this.dueAt <= now + wait) return;
    this.clearTimer();
    this.dueAt = now + wait;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.dueAt = undefined;
      this.startSave();
    }, wait);
  }

  private startSave(): void {
    if (!this.dirty || !this.latest) return;
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    this.clearTimer();
    const { value } = this.latest;
    this.dirty = false;
    this.dirtySince = undefined;
    this.queued = false;
    this.setState({ kind: 'saving' });
    this.inFlight = this.saveFn(value).then(
      ({ savedAt }) => {
        this.setState(this.dirty ? { kind: 'dirty' } : { kind: 'saved', at: savedAt });
      },
      (error: unknown) => {
        // The value is not on disk: stay dirty so the next change, retry or flush sends it.
        this.dirty = true;
        this.dirtySince = undefined;
        this.setState({ kind: 'failed', message: messageOf(error) });
      },
    );
    void this.inFlight.finally(() => {
      this.inFlight = undefined;
      // A change arrived during the save and its timer already fired: send the latest now.
      if (this.queued && !this.disposed) this.startSave();
    });
  }

  /** Waits until no save is in flight, including one started by a queued change. */
  private async settle(): Promise<void> {
    while (this.inFlight) {
      await this.inFlight;
      // Let the `finally` above run (it may start the queued save) before looking again.
      await Promise.resolve();
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.dueAt = undefined;
  }

  private setState(state: SaveState): void {
    this.current = state;
    if (!this.disposed) this.onState(state);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return FALLBACK_MESSAGE;
}
