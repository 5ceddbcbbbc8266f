import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { OutboxJobItem } from './OutboxJobItem';
import { problemWords, profileNameOf } from './outbox-words';
import type { Outbox } from './useOutbox';
import { useHeadlines } from './useHeadlines';
import { useNewsroomZone } from './useNewsroomZone';

interface Props {
  outbox: Outbox;
  onClose: () => void;
}

/** How often the panel re-reads the clock, so "Will retry at" and embargo words stay true. */
const TICK_MS = 30_000;

/**
 * The "Outbox" panel: every job not yet delivered, oldest first, with what can be done about it;
 * accounts whose sign-in was refused, each with its Resume; job files that could not be read.
 * A modal <dialog> (focus stays inside, Escape closes it); happy-dom has no showModal, so there
 * the open attribute shows it.
 */
export function OutboxDialog({ outbox, onClose }: Props) {
  const headlines = useHeadlines(true);
  const newsroomZone = useNewsroomZone(true);
  const [now, setNow] = useState(() => new Date());
  const [resuming, setResuming] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  const resume = async (profileId: string) => {
    setResuming(profileId);
    await outbox.run({ method: 'outbox.resume', profileId });
    setResuming(null);
  };

  return (
    <Modal
      title="Outbox"
      onClose={onClose}
      className="outbox-dialog"
      closeButton
    >
      {outbox.actionError !== null && (
        <p role="alert" className="error-text">
          {outbox.actionError}
        </p>
      )}
      {outbox.error !== undefined && (
        <p role="alert" className="error-text">
          {outbox.error}{' '}
          <button type="button" className="link-button" onClick={outbox.reload}>
            Read it again
          </button>
        </p>
      )}
      {outbox.stoppedProfiles.map((profileId) => {
        const name = profileNameOf(profileId, outbox.jobs);
        return (
          <div key={profileId} className="warning-panel outbox-stopped">
            <p>
              {name} refused the sign-in, so its stories wait. Fix the password in Settings, then resume.
            </p>
            <button type="button" disabled={resuming === profileId} onClick={() => void resume(profileId)}>
              Resume {name}
            </button>
          </div>
        );
      })}
      {outbox.status === 'loading' && <p role="status">Reading the outbox…</p>}
      {outbox.status === 'ready' && outbox.jobs.length === 0 && <p className="empty">Nothing is waiting: every story has been sent.</p>}
      {outbox.jobs.length > 0 && (
        <ul className="outbox-jobs" aria-label="Outbox jobs">
          {outbox.jobs.map((job) => (
            <OutboxJobItem key={job.id} job={job} headline={headlines.get(job.draftId)} now={now} newsroomZone={newsroomZone} run={outbox.run} />
          ))}
        </ul>
      )}
      {outbox.problems.length > 0 && (
        <div className="warning-panel">
          <p>{outbox.problems.length === 1 ? '1 publishing job' : `${outbox.problems.length} publishing jobs`} could not be read:</p>
          <ul aria-label="Outbox files that could not be read">
            {outbox.problems.map((problem) => (
              <li key={problem.file}>{problemWords(problem)}</li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}
