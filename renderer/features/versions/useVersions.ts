import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionMeta } from '../../../shared/model/versions';
import { call, on } from '../../api/client';
import { newestFirst } from './version-label';

export type VersionsState = { kind: 'loading' } | { kind: 'ready'; versions: VersionMeta[] } | { kind: 'failed'; message: string };

/** Changes after which the list may hold a new or rewritten version. Trash and purge close the editor anyway. */
const REFRESHING = new Set(['saved', 'version', 'published', 'restored', 'external']);

/**
 * One draft's versions, newest first, reloaded whenever main says this draft changed (a save may
 * add or extend a typing burst's version). An answer that arrives after a newer request started is
 * dropped, so the list never steps back.
 */
export function useVersions(draftId: string): { state: VersionsState; reload: () => void } {
  const [state, setState] = useState<VersionsState>({ kind: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    call('versions.list', { draftId }).then(
      ({ versions }) => mine === generation.current && setState({ kind: 'ready', versions: newestFirst(versions) }),
      (error: unknown) =>
        mine === generation.current &&
        setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The versions could not be listed.' }),
    );
  }, [draftId]);

  useEffect(() => {
    reload();
    const off = on('drafts.changed', (change) => {
      if (change.id === draftId && REFRESHING.has(change.reason)) reload();
    });
    return () => {
      off();
      generation.current += 1;
    };
  }, [draftId, reload]);

  return { state, reload };
}
