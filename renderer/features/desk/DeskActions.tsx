import { useState } from 'react';
import { ConflictDialog } from '../publishing/ConflictDialog';
import { useCurrentUser } from '../review/current-user';
import type { ReviewProps } from '../review/review-props';
import { deskMove, deskOutcome } from './desk-words';
import { useDeskSend } from './useDeskSend';
import './desk.css';

/**
 * File to desk (a draft goes to the CMS as pending review and becomes Filed), or, once it is on
 * the desk, send it back (the reporter) or to the reporter (the editor): the same post is updated
 * and stays pending. The line beside the button says how the send stands, from the outbox job;
 * a copy changed on the CMS since opens the publish panel's comparison.
 */
export function DeskActions({ draft, flush }: ReviewProps) {
  const { user } = useCurrentUser();
  // Main always sends a review record (the schema defaults it); a draft built by hand may still lack one.
  const desk = useDeskSend(draft.id, draft.review, flush);
  const [comparing, setComparing] = useState(false);
  const move = deskMove(desk.review, user);
  if (move === null) return null;

  const { followed } = desk;
  const outcome = followed?.job ? deskOutcome(followed.job) : null;
  const queuedLine = followed && !followed.job ? `Queued for the desk on ${followed.profileName}.` : null;

  return (
    <section className="desk-actions" aria-label="Desk">
      <button type="button" onClick={() => void desk.send(move.fileFirst)} disabled={desk.busy}>
        {move.label}
      </button>
      <div className="desk-outcome">
        {desk.problem !== null ? (
          <p role="alert" className="error-text">
            {desk.problem}
          </p>
        ) : outcome ? (
          <p role={outcome.tone === 'alert' ? 'alert' : 'status'} className={outcome.tone === 'alert' ? 'error-text' : undefined}>
            {outcome.text}
          </p>
        ) : (
          (desk.step ?? queuedLine) !== null && <p role="status">{desk.step ?? queuedLine}</p>
        )}
        {outcome?.retry && (
          <button type="button" onClick={() => outcome.retry && void desk.retry(outcome.retry)}>
            Try again
          </button>
        )}
        {outcome?.conflict && (
          <button type="button" onClick={() => setComparing(true)}>
            Compare
          </button>
        )}
      </div>
      {comparing && followed && (
        <ConflictDialog
          draftId={draft.id}
          profileId={followed.profileId}
          profileName={followed.profileName}
          onOverwrite={desk.overwrite}
          onKeepWeb={desk.keepWeb}
          onClose={() => setComparing(false)}
        />
      )}
    </section>
  );
}
