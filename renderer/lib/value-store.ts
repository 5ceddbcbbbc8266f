/**
 * One value that changes over time, for `useSyncExternalStore` or for writing straight into the
 * DOM. While the caret is in the article body every React commit costs time in proportion to the
 * document (React saves and restores the selection around each commit), so values that change
 * while someone types (save status, word count) are shown without one.
 */
export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(
    private value: T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  readonly get = (): T => this.value;

  set(next: T): void {
    if (this.same(this.value, next)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
