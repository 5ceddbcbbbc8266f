import { useEffect, useMemo, useState } from 'react';
import type { ConflictView } from '../../../shared/model/publishing';
import { call } from '../../api/client';
import { DiffText } from '../../components/DiffText';
import { Modal } from '../../components/Modal';
import { wordDiff } from './word-diff';

interface Props {
  draftId: string;
  profileId: string;
  profileName: string;
  /** Each answers null when done, or the problem in words. */
  onOverwrite: () => Promise<string | null>;
  onKeepWeb: () => Promise<string | null>;
  onClose: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; conflict: ConflictView } | { kind: 'failed'; message: string };

/**
 * The copy someone changed on the CMS against ours, word by word, and the journalist's choice:
 * overwrite it with our version, or keep the web's and drop our update. Only text is compared;
 * the CMS's HTML never enters the page as markup.
 */
export function ConflictDialog({ draftId, profileId, profileName, onOverwrite, onKeepWeb, onClose }: Props) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    call('publishing.conflict', { draftId, profileId }).then(
      (conflict) => current && setLoad({ kind: 'ready', conflict }),
      (error: unknown) =>
        current && setLoad({ kind: 'failed', message: error instanceof Error ? error.message : 'The two versions could not be read.' }),
    );
    return () => {
      current = false;
    };
  }, [draftId, profileId]);

  const choose = (action: () => Promise<string | null>) => async () => {
    setBusy(true);
    setProblem(null);
    const failure = await action();
    setBusy(false);
    if (failure === null) onClose();
    else setProblem(failure);
  };

  return (
    <Modal title={`Changes on ${profileName}`} onClose={onClose} className="publish-dialog conflict-dialog">
      {load.kind === 'loading' && <p role="status">Fetching the copy on {profileName}…</p>}
      {load.kind === 'failed' && (
        <p role="alert" className="error-text">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && <Comparison conflict={load.conflict} />}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void choose(onOverwrite)()}>
          Overwrite with my version
        </button>
        <button type="button" disabled={busy} onClick={() => void choose(onKeepWeb)()}>
          Keep the web version
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

function Comparison({ conflict }: { conflict: ConflictView }) {
  const { remote, local } = conflict;
  const parts = useMemo(() => (remote ? wordDiff(remote.html, local.html) : []), [remote, local.html]);
  if (remote === null) {
    return <p>The story is gone from {conflict.profileName}: someone deleted it there. Overwriting puts your version back.</p>;
  }
  return (
    <>
      <dl className="conflict-titles">
        <dt>Title on {conflict.profileName}</dt>
        <dd>{remote.title}</dd>
        <dt>Your title</dt>
        <dd>{local.title}</dd>
      </dl>
      <p className="conflict-key">
        <del>Struck out</del>: only on {conflict.profileName}. <ins>Underlined</ins>: only in your version.
      </p>
      <DiffText parts={parts} label="Differences" className="conflict-diff" />
    </>
  );
}
