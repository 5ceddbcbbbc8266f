import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftProblem, DraftSummary } from '../../../shared/model/draft';
import { call, on } from '../../api/client';

export type DraftsState =
  | { kind: 'loading' }
  | { kind: 'ready'; drafts: DraftSummary[]; problems: DraftProblem[] }
  | { kind: 'failed'; message: string };

const newestFirst = (a: DraftSummary, b: DraftSummary): number => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);

/**
 * The drafts list, reloaded whenever the main side says a draft changed (saved, published,
 * trashed or created, from this window or another). A reload that finishes after a newer one
 * started is dropped, so the list never steps back in time.
 */
export function useDrafts(): { state: DraftsState; reload: () => void } {
  const [state, setState] = useState<DraftsState>({ kind: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    call('drafts.list', {}).then(
      ({ drafts, problems }) => {
        if (mine === generation.current) setState({ kind: 'ready', drafts: [...drafts].sort(newestFirst), problems });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The drafts could not be listed.' });
      },
    );
  }, []);

  useEffect(() => {
    reload();
    const off = on('drafts.changed', () => reload());
    return () => {
      off();
      // Ignore answers that arrive after the screen is gone.
      generation.current += 1;
    };
  }, [reload]);

  return { state, reload };
}
