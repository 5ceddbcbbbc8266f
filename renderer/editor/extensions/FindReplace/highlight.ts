/**
 * Shows the matches with the CSS Custom Highlight API: the document and its DOM stay untouched
 * (no marks to undo, no edits in the history, no re-render of the text). Where the API is missing
 * (a test DOM, an old engine) nothing is painted and find still works through the count and the
 * Next/Previous buttons.
 */
const ALL = 'nr-find';
const CURRENT = 'nr-find-current';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function registry(): { highlights: HighlightRegistry; make: (ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!css?.highlights || !HighlightClass) return null;
  return { highlights: css.highlights, make: (ranges) => new HighlightClass(...ranges) };
}

export function paintMatches(ranges: ReadonlyArray<Range | null>, current: number): void {
  const api = registry();
  if (!api) return;
  const present = ranges.filter((range, index): range is Range => range !== null && index !== current);
  api.highlights.set(ALL, api.make(present));
  const active = ranges[current];
  if (active) api.highlights.set(CURRENT, api.make([active]));
  else api.highlights.delete(CURRENT);
}

export function clearMatches(): void {
  const api = registry();
  if (!api) return;
  api.highlights.delete(ALL);
  api.highlights.delete(CURRENT);
}

/** Brings the current match into view without moving the caret or the focus. */
export function revealRange(range: Range | null): void {
  const element = range?.startContainer.parentElement;
  element?.scrollIntoView?.({ block: 'nearest' });
}
