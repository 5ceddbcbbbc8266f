import { useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { STATUS_LABELS } from '../../../shared/model/review';
import { invoke } from '../../api/client';
import { formatSavedWhen, formatWordCount } from '../../lib/format';
// The desk-status badge looks the same here as in the editor header.
import '../review/status/status.css';

interface Props {
  draft: DraftSummary;
  onOpen: (id: string) => void;
  onTrashed: () => void;
}

type Trash = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'trashing' } | { kind: 'failed'; message: string };
type Copying = { kind: 'idle' } | { kind: 'copying' } | { kind: 'failed'; message: string };

/** What the badge says for a story that has been on a CMS; a plain draft has none. */
const STATE_BADGE: Partial<Record<DraftSummary['state'], string>> = { live: 'Published', scheduled: 'Scheduled', unpublished: 'Unpublished' };

/**
 * One draft in the library. Moving to the trash asks inline ("Move to trash? Yes / Cancel")
 * rather than with window.confirm, which blocks the page and which Electron styles poorly.
 */
export function DraftRow({ draft, onOpen, onTrashed }: Props) {
  const [trash, setTrash] = useState<Trash>({ kind: 'idle' });
  const [copying, setCopying] = useState<Copying>({ kind: 'idle' });
  const cancelButton = useRef<HTMLButtonElement>(null);
  const trashButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const title = draft.headline.trim() || 'Untitled draft';
  const badge = STATE_BADGE[draft.state];

  useEffect(() => {
    // Focus follows the question: Cancel (the harmless answer) first, the trash button after.
    if (trash.kind === 'confirming') cancelButton.current?.focus();
    if (trash.kind === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      trashButton.current?.focus();
    }
  }, [trash.kind]);

  const confirm = async () => {
    setTrash({ kind: 'trashing' });
    const result = await invoke('drafts.trash', { id: draft.id }).catch((error: unknown) => ({
      ok: false as const,
      error: { message: error instanceof Error ? error.message : 'The draft could not be moved to the trash.' },
    }));
    if (result.ok) onTrashed();
    else setTrash({ kind: 'failed', message: result.error.message });
  };

  // The copy appears in the list through drafts.changed; nothing opens, so the journalist stays put.
  const duplicate = async () => {
    setCopying({ kind: 'copying' });
    const result = await invoke('drafts.duplicate', { id: draft.id }).catch((error: unknown) => ({
      ok: false as const,
      error: { message: error instanceof Error ? error.message : 'The draft could not be copied.' },
    }));
    setCopying(result.ok ? { kind: 'idle' } : { kind: 'failed', message: result.error.message });
  };

  const cancel = () => {
    returnFocus.current = true;
    setTrash({ kind: 'idle' });
  };

  return (
    <li className="draft-row">
      <div className="draft-main">
        <button type="button" className={`draft-open${draft.headline.trim() ? '' : ' untitled'}`} onClick={() => onOpen(draft.id)}>
          {title}
        </button>
        <p className="draft-meta">
          {draft.section && <span className="draft-section">{draft.section} · </span>}
          {draft.byline.length > 0 && <span>{draft.byline.join(', ')} · </span>}
          {formatWordCount(draft.wordCount)} · {formatSavedWhen(new Date(draft.updatedAt))}
          {' · '}
          <span className={`status-badge status-${draft.status}`}>
            <span className="visually-hidden">Status: </span>
            {STATUS_LABELS[draft.status]}
          </span>
        </p>
        {badge !== undefined && (
          <p className="draft-published">
            <span className={`badge ${draft.state}`}>{badge}</span>
            {draft.published && draft.publishedUrl && <span className="url-text">{draft.publishedUrl}</span>}
          </p>
        )}
      </div>
      <div className="draft-actions">
        {trash.kind === 'confirming' || trash.kind === 'trashing' ? (
          <div className="confirm" role="group" aria-label={`Move ${title} to trash`}>
            <span>Move to trash?</span>
            <button type="button" className="danger" onClick={() => void confirm()} disabled={trash.kind === 'trashing'}>
              Yes
            </button>
            <button type="button" ref={cancelButton} onClick={cancel} disabled={trash.kind === 'trashing'}>
              Cancel
            </button>
          </div>
        ) : (
          <>
            <button type="button" onClick={() => void duplicate()} disabled={copying.kind === 'copying'}>
              Duplicate
            </button>{' '}
            <button type="button" ref={trashButton} onClick={() => setTrash({ kind: 'confirming' })}>
              Move to trash
            </button>
          </>
        )}
        {copying.kind === 'failed' && (
          <p role="alert" className="error-text">
            {copying.message}
          </p>
        )}
        {trash.kind === 'failed' && (
          <p role="alert" className="error-text">
            {trash.message}
          </p>
        )}
      </div>
    </li>
  );
}
