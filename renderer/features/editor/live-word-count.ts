import type { EditorState } from 'lexical';
import { countBodyWords, plainTextOf } from '../../../shared/editor/word-count';
import type { EditorStateJson } from '../../../shared/model/article';
import { countCharacters, type TextStats } from '../../editor/text-stats';
import { BlockWordCounter } from '../../editor/word-counter';
import { idleAfter } from '../../lib/idle';

/** How often, at most, the count follows the typing. */
const RECOUNT_EVERY_MS = 250;

/**
 * The live word and character count of an open draft, as a tiny store for
 * `useSyncExternalStore`: the editor reports each new state (free), and the count is redone when
 * the page is idle, at most every 250 ms, over the blocks that changed only (BlockWordCounter).
 * Only the component showing the numbers re-renders, and only when a number changes.
 */
export class LiveWordCount {
  private stats: TextStats;
  private latest: EditorState | null = null;
  private cancel: (() => void) | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private readonly counter = new BlockWordCounter();
  private readonly listeners = new Set<() => void>();

  /**
   * Give the opened body to count its characters too; a plain word count (the library's) leaves
   * the characters unknown (null) until the first edit is counted.
   */
  constructor(initial: EditorStateJson) {
    this.stats = { words: countBodyWords(initial), characters: countCharacters(plainTextOf(initial)) };
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

  /** The word count (kept a number so `useSyncExternalStore` compares it cheaply). */
  readonly getSnapshot = (): number => this.stats.words;

  getStats(): { words: number; characters: number } {
    return { ...this.stats };
  }

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
    const stats = this.counter.measure(state);
    if (stats.words === this.stats.words && stats.characters === this.stats.characters) return;
    this.stats = stats;
    for (const listener of this.listeners) listener();
  }
}
