import { useId, useState } from 'react';
import { ALLOWED_MOVES, STATUS_LABELS, type WorkflowStatus } from '../../../../shared/model/review';
import { CompareDialog } from '../../versions/CompareDialog';
import type { ReviewProps } from '../review-props';
import { StatusTrail } from './StatusTrail';
import { useDeskStatus } from './useDeskStatus';
import './status.css';

/**
 * The draft's desk status in the editor header: a badge, the moves the workflow allows from it
 * (with an optional note for the sign-off), the trail of sign-offs, and "Changes since filed".
 */
export function StatusControl({ draft, readArticle }: ReviewProps) {
  const { review, filed, busy, error, move } = useDeskStatus(draft.id, draft.review);
  const [panel, setPanel] = useState<'none' | 'moves' | 'trail'>('none');
  const [note, setNote] = useState('');
  const [comparing, setComparing] = useState(false);
  const noteId = useId();
  const toggle = (which: 'moves' | 'trail') => setPanel((open) => (open === which ? 'none' : which));

  const moveTo = async (to: WorkflowStatus) => {
    if (await move(to, note)) {
      setNote('');
      setPanel('none');
    }
  };

  return (
    <div className="status-control" role="group" aria-label="Desk status">
      <span className={`status-badge status-${review.status}`}>
        <span className="visually-hidden">Status: </span>
        {STATUS_LABELS[review.status]}
      </span>
      <button type="button" aria-expanded={panel === 'moves'} onClick={() => toggle('moves')}>
        Change status
      </button>
      <button type="button" aria-expanded={panel === 'trail'} onClick={() => toggle('trail')}>
        Sign-offs ({review.trail.length})
      </button>
      {filed !== null && (
        <button type="button" onClick={() => setComparing(true)}>
          Changes since filed
        </button>
      )}
      {panel === 'moves' && (
        <div className="status-panel" role="group" aria-label="Move the story">
          <label htmlFor={noteId}>Note for the sign-off (optional)</label>
          <textarea id={noteId} value={note} rows={2} maxLength={2_000} onChange={(event) => setNote(event.target.value)} />
          <div className="status-moves">
            {ALLOWED_MOVES[review.status].map((to) => (
              <button key={to} type="button" disabled={busy} onClick={() => void moveTo(to)}>
                Move to {STATUS_LABELS[to]}
              </button>
            ))}
          </div>
        </div>
      )}
      {panel === 'trail' && (
        <div className="status-panel">
          <StatusTrail trail={review.trail} />
        </div>
      )}
      {error !== null && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {comparing && filed !== null && (
        <CompareDialog
          title="Changes since filed"
          draftId={draft.id}
          before={{ kind: 'version', version: filed }}
          after={{ kind: 'current' }}
          readCurrent={readArticle}
          view="accepted"
          onClose={() => setComparing(false)}
        />
      )}
    </div>
  );
}
