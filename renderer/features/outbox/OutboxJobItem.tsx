import { useEffect, useRef, useState } from 'react';
import type { OutboxJobView } from '../../../shared/model/publishing';
import { actionWords, attemptWords, canDiscard, canRetry, discardQuestion, jobStateWords, needsAttention } from './outbox-words';
import type { OutboxCommand } from './useOutbox';

interface Props {
  job: OutboxJobView;
  /** The story's headline when the library knows it. */
  headline: string | undefined;
  now: Date;
  /** The house profile's zone, for embargo times; undefined until known. */
  newsroomZone: string | undefined;
  run: (command: OutboxCommand) => Promise<boolean>;
}

/**
 * One job in the outbox list. Discarding asks inline first (like moving a draft to the trash), and
 * says when the CMS may already have the story, because then discarding does not undo anything.
 */
export function OutboxJobItem({ job, headline, now, newsroomZone, run }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Unknown (the library could not be read, or the draft is gone): the job still reads right without it.
  const story = headline === undefined ? undefined : headline.trim() || 'Untitled draft';

  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  const act = async (command: OutboxCommand) => {
    setBusy(true);
    await run(command);
    setBusy(false);
    setConfirming(false);
  };

  return (
    <li className={`outbox-job${needsAttention(job) ? ' attention' : ''}`}>
      <p className="outbox-job-title">
        {actionWords(job.action)} to {job.profileName}
        {story !== undefined && (
          <>
            : <span className="outbox-job-story">{story}</span>
          </>
        )}
      </p>
      <p className="outbox-job-state">{jobStateWords(job, now, newsroomZone)}</p>
      <p className="outbox-job-meta">{attemptWords(job.attempts)}</p>
      {confirming ? (
        <div className="confirm outbox-confirm" role="group" aria-label="Discard this job">
          <span>{discardQuestion(job)}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void act({ method: 'outbox.discard', jobId: job.id })}>
            Yes, discard
          </button>
          <button type="button" ref={keepButton} disabled={busy} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="outbox-job-actions">
          {canRetry(job) && (
            <button type="button" disabled={busy} onClick={() => void act({ method: 'outbox.retry', jobId: job.id })}>
              Try again
            </button>
          )}
          {canDiscard(job) && (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              Discard
            </button>
          )}
        </div>
      )}
    </li>
  );
}
