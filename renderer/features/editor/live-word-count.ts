import type { EditorState } from 'lexical';
import { BlockWordCounter } from '../../editor/word-counter';
import { idleAfter } from '../../lib/idle';

/** How often, at most, the count follows the typing. */
const RECOUNT_EVERY_MS = 250;

/**
 * The live word count of an open draft, as a tiny store for `useSyncExternalStore`: the editor
 * reports each new state (free), and the count is redone when the page is idle, at most every
 * 250 ms, over the blocks that changed only (BlockWordCounter). Only the component showing the
 * number re-renders, and only when the number changes.
 */
export class LiveWordCount {
  private words: number;
  private latest: EditorState | null = null;
  private cancel: (() => void) | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private readonly counter = new BlockWordCounter();
  private readonly listeners = new Set<() => void>();

  constructor(initialWords: number) {
    this.words = initialWords;
  }

  update(state: EditorState): void {
    this.latest = state;
    if (this.cancel) return;
    const wait = Math.max(0, this.lastRun + RECOUNT_EVERY_MS - performance.now());
    this.cancel = idleAfter(wait, () => this.recount(), 1_000);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): number => this.words;

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private recount(): void {
    this.cancel = null;
    this.lastRun = performance.now();
    const state = this.latest;
    this.latest = null;
    if (!state) return;
    const words = this.counter.count(state);
    if (words === this.words) return;
    this.words = words;
    for (const listener of this.listeners) listener();
  }
}
