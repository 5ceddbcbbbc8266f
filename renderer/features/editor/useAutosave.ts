import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import { ApiError, call } from '../../api/client';
import { whenIdle } from '../../lib/idle';
import { ValueStore } from '../../lib/value-store';
import { Autosave, browserTimers, type AutosaveTimers, type SaveState } from './autosave';
import { registerSession, reportConflict } from './open-sessions';
import { registerFlush } from './pending-saves';

/** Reads the article as it is now. Called when a save starts, not on every change. */
export type ReadArticle = () => Article;

/**
 * The autosave's timers, except that a save falling due waits for the page to be idle (at most
 * 500 ms more), so its serialise-and-send never lands between a keystroke and its frame.
 * `flush()` does not wait: leaving, publishing and quitting save at once.
 */
const idleTimers: AutosaveTimers = {
  setTimeout: (callback, ms) => {
    let cancelIdle: (() => void) | undefined;
    const timer = globalThis.setTimeout(() => {
      cancelIdle = whenIdle(callback, 500);
    }, ms);
    return () => {
      globalThis.clearTimeout(timer);
      cancelIdle?.();
    };
  },
  clearTimeout: (handle) => (handle as () => void)(),
  now: browserTimers.now,
};

/** "Unsaved changes" is reported on every keystroke; re-render only when the state changes. */
const sameState = (a: SaveState, b: SaveState): boolean => a.kind === 'dirty' && b.kind === 'dirty';

export interface AutosaveHandle {
  /** The save state as a store: SaveIndicator shows it without re-rendering the screen. */
  status: ValueStore<SaveState>;
  /** Something changed; `read` is called when the save starts, for the article as it is then. */
  change: (read: ReadArticle) => void;
  /** Resolves true when everything typed so far is on disk. */
  flush: () => Promise<boolean>;
  retry: () => void;
}

/**
 * Wires an `Autosave` to `drafts.save` for one draft, and flushes it when the window is hidden
 * and when the app asks (via pending-saves). The instance is created in an effect, so React's
 * StrictMode double-mount and a change of draft both get a fresh one. Each save says which
 * revision its text was edited from (`revision`: the one opened, then each saved), so main
 * refuses it when another program or machine changed the file meanwhile; the editor screen hears
 * of that refusal and keeps both texts (see useExternalChanges).
 */
export function useAutosave(draftId: string, lastSavedAt: Date, revision?: number): AutosaveHandle {
  const [status] = useState(() => new ValueStore<SaveState>({ kind: 'saved', at: lastSavedAt }, sameState));
  const instance = useRef<Autosave<ReadArticle> | null>(null);
  /** A change that arrived before the effect ran; handed over as soon as the instance exists. */
  const early = useRef<ReadArticle | null>(null);
  const initialAt = useRef(lastSavedAt);
  /** The revision of the text on disk this editor last loaded or saved. */
  const baseRevision = useRef(revision);

  useEffect(() => {
    const autosave = new Autosave<ReadArticle>({
      initial: { kind: 'saved', at: initialAt.current },
      onState: (next) => status.set(next),
      timers: idleTimers,
      // No text waits more than about a second to reach main: due 300 ms after the first unsaved
      // change, plus at most 500 ms for an idle moment, so a renderer crash loses at most the last
      // second of typing (reliability.md D7) even while the journalist types without pause.
      maxWaitMs: 300,
      save: async (read) => {
        const base = baseRevision.current;
        try {
          const result = await call('drafts.save', { id: draftId, article: read(), ...(base === undefined ? {} : { baseRevision: base }) });
          baseRevision.current = result.revision;
          return { savedAt: new Date(result.savedAt) };
        } catch (error) {
          // After the refusal settles here (the text stays unsaved), the screen keeps both copies.
          if (error instanceof ApiError && error.code === 'CONFLICT') globalThis.setTimeout(() => reportConflict(draftId), 0);
          throw error;
        }
      },
    });
    const unregisterSession = registerSession(draftId, { takeUnsaved: () => autosave.takeUnsaved(), release: () => autosave.release() });
    instance.current = autosave;
    if (early.current) {
      autosave.change(early.current);
      early.current = null;
    }
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    document.addEventListener('visibilitychange', flushWhenHidden);
    const unregister = registerFlush(() => autosave.flush());
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      unregister();
      unregisterSession();
      // Leaving normally flushes first (EditorScreen); this catches any other unmount.
      void autosave.flush();
      autosave.dispose();
      if (instance.current === autosave) instance.current = null;
    };
  }, [draftId, status]);

  const change = useCallback((read: ReadArticle) => {
    if (instance.current) instance.current.change(read);
    else early.current = read;
  }, []);

  const flush = useCallback(async () => (instance.current ? instance.current.flush() : true), []);

  const retry = useCallback(() => {
    void instance.current?.retry();
  }, []);

  return { status, change, flush, retry };
}
