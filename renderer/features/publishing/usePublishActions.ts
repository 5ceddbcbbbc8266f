import { useState } from 'react';
import type { AppError } from '../../../shared/ipc/result';
import type { PublishRequestInput } from '../../../shared/model/publishing';
import { invoke } from '../../api/client';
import type { Outcome } from './outcome';

type Extra = Omit<PublishRequestInput, 'draftId' | 'profileId' | 'kind'>;

const NOT_SAVED: AppError = {
  code: 'IO_ERROR',
  message: 'Not published: the latest text could not be saved first. Fix the save problem, then publish again.',
};

const failureOf = (error: unknown, fallback: string): AppError => ({
  code: 'INTERNAL',
  message: error instanceof Error ? error.message : fallback,
});

/**
 * The panel's requests to the main side: queue an action (after saving the pending text, since the
 * main side sends what is on disk), try a stuck job again, drop our job in a conflict. Remembers
 * the job it queued last so the outcome line follows that one, and the last refusal to show.
 */
export function usePublishActions(draftId: string, flush: () => Promise<boolean>, refresh: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [followed, setFollowed] = useState<{ jobId: string; profileName: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Resolves to the refusal (also shown on the panel), or null once the job is queued. */
  const queue = async (profileId: string, profileName: string, kind: PublishRequestInput['kind'], extra: Extra = {}): Promise<AppError | null> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    let failure: AppError | null = null;
    try {
      if (!(await flush())) {
        failure = NOT_SAVED;
      } else {
        const result = await invoke('publishing.queue', { draftId, profileId, kind, ...extra });
        if (result.ok) {
          setFollowed({ jobId: result.value.jobId, profileName });
          // Queued all the same; the journalist should know the log did not take it.
          if (result.value.logProblem) setNotice(result.value.logProblem);
        } else failure = result.error;
      }
    } catch (thrown) {
      failure = failureOf(thrown, 'The story could not be queued. Please try again.');
    }
    setError(failure);
    setBusy(false);
    await refresh();
    return failure;
  };

  const tryAgain = async (retry: NonNullable<Outcome['retry']>) => {
    setError(null);
    const result =
      retry.kind === 'retry'
        ? await invoke('outbox.retry', { jobId: retry.jobId }).catch((thrown: unknown) => ({ ok: false as const, error: failureOf(thrown, 'Could not try again.') }))
        : await invoke('outbox.resume', { profileId: retry.profileId }).catch((thrown: unknown) => ({ ok: false as const, error: failureOf(thrown, 'Could not try again.') }));
    if (!result.ok) setError(result.error);
    await refresh();
  };

  /** Drops our refused job: the web's copy stays as it is. */
  const discard = async (jobId: string): Promise<string | null> => {
    const result = await invoke('outbox.discard', { jobId }).catch((thrown: unknown) => ({ ok: false as const, error: failureOf(thrown, 'Could not drop the update.') }));
    await refresh();
    return result.ok ? null : result.error.message;
  };

  /** Another destination for this draft; the outcome line starts afresh for it. */
  const choose = async (profileId: string) => {
    setError(null);
    setNotice(null);
    setFollowed(null);
    const result = await invoke('publishing.chooseProfile', { draftId, profileId }).catch((thrown: unknown) => ({
      ok: false as const,
      error: failureOf(thrown, 'The destination could not be changed.'),
    }));
    if (!result.ok) setError(result.error);
    await refresh();
  };

  return { busy, error, setError, followed, notice, queue, tryAgain, discard, choose };
}
