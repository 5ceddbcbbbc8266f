import { useEffect, useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { call } from '../../api/client';
import { DraftEditor } from './DraftEditor';

interface Props {
  draftId: string;
  onBack: () => void;
  onOpenSettings: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; draft: Draft } | { kind: 'failed'; message: string };

/** Opens the draft, then hands it to DraftEditor; keyed by id so another draft starts fresh. */
export function EditorScreen({ draftId, onBack, onOpenSettings }: Props) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  // App keys this screen by draft id, so a new id always starts from 'loading'.
  useEffect(() => {
    let current = true;
    call('drafts.open', { id: draftId }).then(
      (draft) => current && setLoad({ kind: 'ready', draft }),
      (error: unknown) =>
        current && setLoad({ kind: 'failed', message: error instanceof Error ? error.message : 'The draft could not be opened.' }),
    );
    return () => {
      current = false;
    };
  }, [draftId]);

  if (load.kind === 'ready') {
    return <DraftEditor key={load.draft.id} draft={load.draft} onBack={onBack} onOpenSettings={onOpenSettings} />;
  }
  return (
    <main className="screen">
      {load.kind === 'loading' ? (
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
