import { useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import type { VersionMeta } from '../../../shared/model/versions';
import { FormOutcome } from '../../components/FormOutcome';
import { Modal } from '../../components/Modal';
import { formatWordCount } from '../../lib/format';
import { formatLocal } from '../publishing/time-format';
import type { CompareSide } from './CompareDialog';
import { NameVersionForm } from './NameVersionForm';
import { useVersionActions } from './useVersionActions';
import { useVersions } from './useVersions';
import { versionLabel } from './version-label';

interface Props {
  draftId: string;
  flush: () => Promise<boolean>;
  onRestored: (draft: Draft) => void;
  onCompare: (before: CompareSide, after: CompareSide) => void;
  onClose: () => void;
}

const when = (version: VersionMeta): string => formatLocal(version.savedAt);

/** Older first: the comparison strikes out what the later copy dropped. */
function sides(picked: VersionMeta[]): [CompareSide, CompareSide] | null {
  const [first, second] = [...picked].sort((a, b) => Date.parse(a.savedAt) - Date.parse(b.savedAt));
  if (!first) return null;
  return [{ kind: 'version', version: first }, second ? { kind: 'version', version: second } : { kind: 'current' }];
}

/**
 * The draft's history: its versions newest first, naming the current text, comparing two versions
 * (or one with the current draft), and restoring one after a confirmation.
 */
export function VersionsDialog({ draftId, flush, onRestored, onCompare, onClose }: Props) {
  const { state, reload } = useVersions(draftId);
  const { busy, outcome, name, restore } = useVersionActions({ draftId, flush, onNamed: reload, onRestored });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<VersionMeta | null>(null);

  const versions = state.kind === 'ready' ? state.versions : [];
  const picked = versions.filter((version) => selected.has(version.id));
  const toggle = (id: string) =>
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const compare = () => {
    const pair = sides(picked);
    if (pair) onCompare(...pair);
  };

  return (
    <Modal
      title="Versions"
      onClose={onClose}
      className="versions-dialog"
      closeButton
    >
      <NameVersionForm busy={busy} onName={name} />
      <FormOutcome error={outcome.error} status={outcome.status} />
      {confirming && (
        <div className="restore-confirm" role="group" aria-label="Restore this version?">
          <p>
            Restore “{versionLabel(confirming)}” from {when(confirming)}? The current text is kept as a version, so you can come back to it.
          </p>
          {/* The confirmation sits above the list: focus moves to it so a keyboard user is not left behind. */}
          <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void restore(confirming)}>
            Restore
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'loading' && <p role="status">Loading the versions…</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && versions.length === 0 && <p>No versions yet: one is kept as soon as the draft is saved.</p>}
      {versions.length > 0 && (
        <>
          <div className="compare-bar">
            <p>
              {picked.length > 2
                ? 'Compare takes two versions at most: untick the others.'
                : 'Tick two versions to compare them, or one to compare it with the current draft.'}
            </p>
            <button type="button" disabled={picked.length === 0 || picked.length > 2} onClick={compare}>
              Compare
            </button>
          </div>
          <ul className="versions-list" aria-label="Saved versions">
            {versions.map((version) => (
              <li key={version.id}>
                <label className="version-pick">
                  <input type="checkbox" checked={selected.has(version.id)} onChange={() => toggle(version.id)} />
                  <span className="visually-hidden">{`Select ${versionLabel(version)}, ${when(version)}`}</span>
                </label>
                <span className="version-when">{when(version)}</span>
                <span className="version-label">{versionLabel(version)}</span>
                {version.by !== undefined && <span className="version-by">by {version.by.name}</span>}
                <span className="version-headline">{version.headline.trim() === '' ? '(no headline)' : version.headline}</span>
                <span className="version-words">{formatWordCount(version.wordCount)}</span>
                <button type="button" disabled={busy} onClick={() => setConfirming(version)}>
                  Restore this version
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
