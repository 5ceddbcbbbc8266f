import { useEffect, useMemo, useState } from 'react';
import type { ReviewView } from '../../../shared/editor/body-model';
import type { Article } from '../../../shared/model/article';
import type { VersionMeta } from '../../../shared/model/versions';
import { call } from '../../api/client';
import { Modal } from '../../components/Modal';
import { formatLocal } from '../publishing/time-format';
import { DiffText } from '../../components/DiffText';
import { bodyDiff, fieldChanges, type FieldChange } from './story-changes';
import { versionLabel } from './version-label';

export type CompareSide = { kind: 'version'; version: VersionMeta } | { kind: 'current' };

interface Props {
  draftId: string;
  /** The older copy: its words are the struck-out ones. */
  before: CompareSide;
  after: CompareSide;
  /** The story as it stands in the editor now, saved or not. */
  readCurrent: () => Article;
  onClose: () => void;
  /** How pending suggestions read: rejected (`original`, the default) or accepted ("changes since filed"). */
  view?: ReviewView;
  title?: string;
}

type Load = { kind: 'loading' } | { kind: 'ready'; before: Article; after: Article } | { kind: 'failed'; message: string };

const sideName = (side: CompareSide): string =>
  side.kind === 'current' ? 'The current draft' : `${versionLabel(side.version)}, ${formatLocal(side.version.savedAt)}`;

/** Two copies of the story side by side: every story field that changed, and the body word by word. */
export function CompareDialog({ draftId, before, after, readCurrent, onClose, view = 'original', title = 'Compare versions' }: Props) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    const articleOf = async (side: CompareSide): Promise<Article> =>
      side.kind === 'current' ? readCurrent() : (await call('versions.open', { draftId, versionId: side.version.id })).article;
    Promise.all([articleOf(before), articleOf(after)]).then(
      ([older, newer]) => current && setLoad({ kind: 'ready', before: older, after: newer }),
      (error: unknown) =>
        current &&
        setLoad({ kind: 'failed', message: error instanceof Error ? error.message : 'The versions could not be opened.' }),
    );
    return () => {
      current = false;
    };
  }, [draftId, before, after, readCurrent]);

  return (
    <Modal
      title={title}
      onClose={onClose}
      className="versions-dialog compare-dialog"
      closeButton
    >
      <p className="compare-sides">
        From <strong>{sideName(before)}</strong> to <strong>{sideName(after)}</strong>.
      </p>
      {load.kind === 'loading' && <p role="status">Opening the versions…</p>}
      {load.kind === 'failed' && (
        <p role="alert" className="error-text">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && <Comparison before={load.before} after={load.after} view={view} />}
    </Modal>
  );
}

function Comparison({ before, after, view }: { before: Article; after: Article; view: ReviewView }) {
  const changes = useMemo(() => fieldChanges(before, after), [before, after]);
  const parts = useMemo(() => bodyDiff(before, after, view), [before, after, view]);
  const bodyChanged = parts.some((part) => part.kind !== 'same');
  return (
    <>
      <h3>Story fields</h3>
      {changes.length === 0 ? (
        <p>No story field changed.</p>
      ) : (
        <table className="field-changes" aria-label="Changed fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.label}>
                <th scope="row">{change.label}</th>
                <td>
                  <FieldValue change={change} values={change.before} />
                </td>
                <td>
                  <FieldValue change={change} values={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Body</h3>
      {bodyChanged ? (
        <>
          <p className="versions-key">
            <del>Struck out</del>: only in the older copy. <ins>Underlined</ins>: only in the newer one.
          </p>
          <DiffText parts={parts} label="Changes in the body" className="versions-diff" />
        </>
      ) : (
        <p>The body did not change.</p>
      )}
    </>
  );
}

function FieldValue({ change, values }: { change: FieldChange; values: string[] }) {
  if (values.length === 0) return <span className="empty-value">(empty)</span>;
  if (!change.list) return <>{values[0]}</>;
  return (
    <ul>
      {values.map((value, index) => (
        <li key={index}>{value}</li>
      ))}
    </ul>
  );
}
