import { useCallback, useEffect, useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { call } from '../../api/client';
import { HeldBar, StaleHoldDialog } from '../review/status/HandoffNotices';
import { useHandoff } from '../review/status/useHandoff';
import { DraftEditor } from './DraftEditor';
import { ExternalNoticeBar } from './ExternalNoticeBar';
import { type ExternalNotice, useExternalChanges } from './useExternalChanges';

interface Props {
  draftId: string;
  onBack: () => void;
  onOpenSettings: () => void;
}

/** `generation` remounts the editor when a newer file replaces what it shows. */
type Load = { kind: 'loading' } | { kind: 'ready'; draft: Draft; generation: number } | { kind: 'failed'; message: string };

/**
 * Opens the draft, then hands it to DraftEditor; keyed by id so another draft starts fresh. When
 * the draft's file changes elsewhere the editor starts again from the newer file (see
 * useExternalChanges), and "Open your copy" switches this screen to the copy of the local edits.
 */
export function EditorScreen({ draftId: openedId, onBack, onOpenSettings }: Props) {
  const [draftId, setDraftId] = useState(openedId);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<ExternalNotice | null>(null);

  // A new id always starts from 'loading' (App keys this screen by id; "Open your copy" sets it here).
  useEffect(() => {
    let current = true;
    call('drafts.open', { id: draftId }).then(
      (draft) => current && setLoad({ kind: 'ready', draft, generation: 0 }),
      (error: unknown) =>
        current && setLoad({ kind: 'failed', message: error instanceof Error ? error.message : 'The draft could not be opened.' }),
    );
    return () => {
      current = false;
    };
  }, [draftId]);

  const replace = useCallback((draft: Draft | null, next: ExternalNotice) => {
    if (draft !== null) setLoad((prev) => ({ kind: 'ready', draft, generation: prev.kind === 'ready' ? prev.generation + 1 : 0 }));
    setNotice(next);
  }, []);
  useExternalChanges(draftId, load.kind === 'ready' ? load.draft : null, replace);

  // The hand-off (shared drafts folder): someone else holding the draft makes it read-only here.
  // When it becomes ours, start from what they left on disk, not the copy read while they edited.
  const regained = useCallback(() => {
    call('drafts.open', { id: draftId }).then(
      (draft) => setLoad((prev) => ({ kind: 'ready', draft, generation: prev.kind === 'ready' ? prev.generation + 1 : 0 })),
      (error: unknown) => setLoad({ kind: 'failed', message: error instanceof Error ? error.message : 'The draft could not be opened.' }),
    );
  }, [draftId]);
  const handoff = useHandoff(draftId, regained);
  const hold = handoff.state;
  const locked = hold.kind === 'held' || hold.kind === 'stale' || hold.kind === 'readOnly';

  const openCopy = (id: string) => {
    setNotice(null);
    setLoad({ kind: 'loading' });
    setDraftId(id);
  };

  if (load.kind === 'ready' && hold.kind !== 'checking') {
    return (
      <>
        {notice && <ExternalNoticeBar notice={notice} onOpenCopy={openCopy} onDismiss={() => setNotice(null)} />}
        {locked && (
          <>
            <HeldBar holder={hold.holder} stale={hold.kind !== 'held'} onTakeOver={() => void handoff.takeOver()} onRecheck={() => void handoff.recheck()} />
            {/* The editor's own buttons are off while it is read-only, its Back button with them. */}
            <button type="button" onClick={onBack}>
              Back to drafts
            </button>
          </>
        )}
        {hold.kind === 'stale' && <StaleHoldDialog holder={hold.holder} onTakeOver={() => void handoff.takeOver()} onReadOnly={handoff.readOnly} />}
        {/* Read-only while held: nothing can be changed (so nothing is saved), everything still reads. */}
        <DraftEditor
          key={`${load.draft.id}#${load.generation}#${locked ? 'read' : 'edit'}`}
          draft={load.draft}
          onBack={onBack}
          onOpenSettings={onOpenSettings}
          readOnly={locked}
        />
      </>
    );
  }
  return (
    <main className="screen">
      {load.kind !== 'failed' ? (
        <p role="status">Opening the draft…</p>
      ) : (
        <>
          <p role="alert" className="error-text">
            {load.message}
          </p>
          <button type="button" onClick={onBack}>
            Back to drafts
          </button>
        </>
      )}
    </main>
  );
}
