import { useState } from 'react';
import type { Holder } from '../../../../shared/model/review';
import { Modal } from '../../../components/Modal';
import './status.css';

const clockTime = (iso: string): string => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function unseenFor(iso: string, now: number): string {
  const minutes = Math.max(1, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 120) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hours`;
}

/** Shown above a draft someone else has open: it can be read here, not edited. */
export function HeldBar({ holder, stale, onTakeOver, onRecheck }: { holder: Holder; stale: boolean; onTakeOver: () => void; onRecheck: () => void }) {
  return (
    <div className="handoff-bar" role="status">
      <p>
        {holder.name} has this draft open since {clockTime(holder.since)}. You can read it; ask them to close it to edit.
      </p>
      <button type="button" onClick={onRecheck}>
        Check again
      </button>
      {stale && (
        <button type="button" onClick={onTakeOver}>
          Take it over
        </button>
      )}
    </div>
  );
}

/** Someone opened the draft long ago and has not been seen since: take over, or only read. */
export function StaleHoldDialog({ holder, onTakeOver, onReadOnly }: { holder: Holder; onTakeOver: () => void; onReadOnly: () => void }) {
  const [openedAt] = useState(() => Date.now());
  return (
    <Modal title="This draft is open elsewhere" onClose={onReadOnly} className="handoff-dialog">
      <p>
        {holder.name} opened this draft at {clockTime(holder.since)} and has not been seen for {unseenFor(holder.seenAt, openedAt)}. Take it
        over? Changes they have not saved may be lost.
      </p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onTakeOver}>
          Take over
        </button>
        <button type="button" onClick={onReadOnly}>
          Only read it
        </button>
      </div>
    </Modal>
  );
}
