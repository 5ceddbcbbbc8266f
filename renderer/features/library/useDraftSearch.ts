import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; results: MethodOutput<'drafts.search'> }
  | { kind: 'failed'; message: string };

const DEBOUNCE_MS = 150;

/**
 * Searches as the journalist types, a moment after the last key; an answer that arrives after a
 * newer query was sent is dropped, so results never belong to an older query.
 */
export function useDraftSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed.length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      setState({ kind: 'searching' });
      call('drafts.search', { query: trimmed, limit: 50, snippets: 10 }).then(
        (results) => current && setState({ kind: 'done', results }),
        (error: unknown) => current && setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The search failed.' }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);

  return trimmed.length < 2 ? { kind: 'idle' } : state;
}
