import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { invoke, on } from '../../api/client';
import { initialOutbox, outboxReducer, type OutboxState } from './outbox-state';

export type OutboxCommand =
  | { method: 'outbox.retry'; jobId: string }
  | { method: 'outbox.discard'; jobId: string }
  | { method: 'outbox.resume'; profileId: string };

export interface Outbox extends OutboxState {
  /** Runs a command; a refusal is kept in `actionError` (it is shown in the panel). */
  run: (command: OutboxCommand) => Promise<boolean>;
  actionError: string | null;
  reload: () => void;
}

const reason = (error: unknown, fallback: string): string => (error instanceof Error ? error.message : fallback);

/**
 * The outbox, loaded once and kept current from `outbox.changed`. Events that arrive while a list
 * is in flight may be older or newer than it (the event has no sequence number), so such a list is
 * asked for again rather than guessed at. After a command the list is read again too: resuming an
 * account or discarding a job changes what the events alone cannot tell (stopped accounts).
 */
export function useOutbox(): Outbox {
  const [state, dispatch] = useReducer(outboxReducer, initialOutbox);
  const [actionError, setActionError] = useState<string | null>(null);
  const loading = useRef(false);
  const changedWhileLoading = useRef(false);
  const mounted = useRef(true);

  const load = useCallback(async (): Promise<void> => {
    if (loading.current) {
      changedWhileLoading.current = true;
      return;
    }
    loading.current = true;
    do {
      changedWhileLoading.current = false;
      const result = await invoke('outbox.list', {}).catch((error: unknown) => ({
        ok: false as const,
        error: { message: reason(error, 'The outbox could not be read.') },
      }));
      if (!mounted.current) return;
      if (result.ok) dispatch({ type: 'loaded', view: result.value });
      else dispatch({ type: 'loadFailed', message: `The outbox could not be read: ${result.error.message}` });
    } while (changedWhileLoading.current);
    loading.current = false;
  }, []);

  useEffect(() => {
    mounted.current = true;
    const off = on('outbox.changed', (payload) => {
      if (loading.current) changedWhileLoading.current = true;
      dispatch({ type: 'changed', payload });
    });
    void load();
    return () => {
      mounted.current = false;
      loading.current = false;
      off();
    };
  }, [load]);

  const run = useCallback(
    async (command: OutboxCommand): Promise<boolean> => {
      setActionError(null);
      const result =
        command.method === 'outbox.resume'
          ? await invoke(command.method, { profileId: command.profileId }).catch(failure)
          : await invoke(command.method, { jobId: command.jobId }).catch(failure);
      if (!mounted.current) return result.ok;
      if (!result.ok) setActionError(result.error.message);
      void load();
      return result.ok;
    },
    [load],
  );

  return { ...state, run, actionError, reload: () => void load() };
}

function failure(error: unknown) {
  return { ok: false as const, error: { code: 'INTERNAL' as const, message: reason(error, 'Newsroom could not reach the outbox.') } };
}
