import { useCallback, useEffect, useState } from 'react';
import type { ReviewRecord, WorkflowStatus } from '../../../../shared/model/review';
import type { VersionMeta } from '../../../../shared/model/versions';
import { call, on } from '../../../api/client';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'The status could not be changed. Please try again.');

/**
 * The draft's desk status as main keeps it: starts from the draft the editor opened, follows
 * `drafts.changed` (a move made here, in another window, by the app on publishing, or from the
 * desk inbox), and knows the newest "Filed" version for "changes since filed".
 */
export function useDeskStatus(draftId: string, initial: ReviewRecord) {
  const [review, setReview] = useState<ReviewRecord>(initial);
  const [filed, setFiled] = useState<VersionMeta | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [draft, versions] = await Promise.all([call('drafts.open', { id: draftId }), call('versions.list', { draftId })]);
    setReview(draft.review);
    // Newest first: the first Filed one is the latest filing.
    setFiled(versions.versions.find((version) => version.kind === 'filed') ?? null);
  }, [draftId]);

  useEffect(() => {
    let current = true;
    call('versions.list', { draftId }).then(
      (listed) => current && setFiled(listed.versions.find((version) => version.kind === 'filed') ?? null),
      () => undefined, // no filed version known: the button stays hidden
    );
    const stop = on('drafts.changed', (event) => {
      if (event.id !== draftId || (event.reason !== 'status' && event.reason !== 'desk')) return;
      reload().catch((failure: unknown) => current && setError(`The status could not be brought up to date: ${errorText(failure)}`));
    });
    return () => {
      current = false;
      stop();
    };
  }, [draftId, reload]);

  const move = useCallback(
    async (to: WorkflowStatus, note: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        setReview(await call('review.setStatus', { draftId, to, ...(note.trim() === '' ? {} : { note }) }));
        await reload().catch(() => undefined); // the move stands; the filed version shows at the next event
        return true;
      } catch (failure) {
        setError(errorText(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [draftId, reload],
  );

  return { review, filed, busy, error, move };
}
