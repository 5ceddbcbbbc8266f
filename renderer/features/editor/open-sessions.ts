import type { ReadArticle } from './useAutosave';

/**
 * The autosave of the draft open in the editor, as the editor screen needs it when the draft's
 * file changes elsewhere: its unsaved text, taken once and never saved over the newer file; and
 * word of a save refused because the file changed (CONFLICT). Keyed by draft id; one window.
 */
export interface OpenSession {
  takeUnsaved(): Promise<ReadArticle | undefined>;
  /** The unsaved text is kept elsewhere now; until then the editor cannot be left (flush says false). */
  release(): void;
}

const sessions = new Map<string, OpenSession>();
const conflictListeners = new Map<string, Set<() => void>>();

export function registerSession(draftId: string, session: OpenSession): () => void {
  sessions.set(draftId, session);
  return () => {
    if (sessions.get(draftId) === session) sessions.delete(draftId);
  };
}

export const sessionFor = (draftId: string): OpenSession | undefined => sessions.get(draftId);

export function reportConflict(draftId: string): void {
  for (const listener of conflictListeners.get(draftId) ?? []) listener();
}

export function onConflict(draftId: string, listener: () => void): () => void {
  const set = conflictListeners.get(draftId) ?? new Set();
  set.add(listener);
  conflictListeners.set(draftId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) conflictListeners.delete(draftId);
  };
}
