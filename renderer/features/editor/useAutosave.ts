import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import { call } from '../../api/client';
import { Autosave, type SaveState } from './autosave';
import { registerFlush } from './pending-saves';

export interface AutosaveHandle {
  state: SaveState;
  change: (article: Article) => void;
  /** Resolves true when everything typed so far is on disk. */
  flush: () => Promise<boolean>;
  retry: () => void;
}

/**
 * Wires an `Autosave` to `drafts.save` for one draft, and flushes it when the window is hidden
 * and when the app asks (via pending-saves). The instance is created in an effect, so React's
 * StrictMode double-mount and a change of draft both get a fresh one.
 */
export function useAutosave(draftId: string, lastSavedAt: Date): AutosaveHandle {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: lastSavedAt });
  const instance = useRef<Autosave<Article> | null>(null);
  /** A change that arrived before the effect ran; handed over as soon as the instance exists. */
  const early = useRef<Article | null>(null);
  const initialAt = useRef(lastSavedAt);

  useEffect(() => {
    const autosave = new Autosave<Article>({
      initial: { kind: 'saved', at: initialAt.current },
      onState: setState,
      save: async (article) => {
        const result = await call('drafts.save', { id: draftId, article });
        return { savedAt: new Date(result.savedAt) };
      },
    });
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
      // Leaving normally flushes first (EditorScreen); this catches any other unmount.
      void autosave.flush();
      autosave.dispose();
      if (instance.current === autosave) instance.current = null;
    };
  }, [draftId]);

  const change = useCallback((article: Article) => {
    if (instance.current) instance.current.change(article);
    else early.current = article;
  }, []);

  const flush = useCallback(async () => (instance.current ? instance.current.flush() : true), []);

  const retry = useCallback(() => {
    void instance.current?.retry();
  }, []);

  return { state, change, flush, retry };
}
