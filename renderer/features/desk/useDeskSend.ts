import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxJobView } from '../../../shared/model/publishing';
import { canMove, type ReviewRecord } from '../../../shared/model/review';
import { call, invoke, on } from '../../api/client';
import { hasDesk } from './desk-words';

/** The send this screen follows: its outbox job and the destination it went to. */
export interface FollowedSend {
  jobId: string;
  profileId: string;
  profileName: string;
  /** The job as the outbox last reported it (unknown until its first event). */
  job: OutboxJobView | null;
}

export interface DeskSend {
  review: ReviewRecord;
  busy: boolean;
  /** Saving, checking the destination…: what is happening before the job exists. */
  step: string | null;
  /** A refusal before anything was queued, in plain words. */
  problem: string | null;
  followed: FollowedSend | null;
  send: (fileFirst: boolean) => Promise<void>;
  retry: (retry: { kind: 'retry'; jobId: string } | { kind: 'resume'; profileId: string }) => Promise<void>;
  /** Conflict answers: send ours over the CMS copy, or drop ours. Null when done, else the problem. */
  overwrite: () => Promise<string | null>;
  keepWeb: () => Promise<string | null>;
}

const messageOf = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/**
 * Sending a story to the desk through its CMS (a `publishing.queue` of kind `file`) and following
 * the outbox job that carries it. A draft becomes Filed BEFORE it is queued, so the copy on the
 * desk says Filed and the saved revision the CMS holds is the last one: moving the status after
 * queueing would make the reporter's own draft look changed since it was sent. If the queue then
 * refuses, the status goes back to Draft.
 */
export function useDeskSend(draftId: string, initial: ReviewRecord, flush: () => Promise<boolean>): DeskSend {
  const [review, setReview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [followed, setFollowed] = useState<FollowedSend | null>(null);
  const followedId = useRef<string | null>(null);

  const follow = useCallback((next: FollowedSend | null) => {
    followedId.current = next?.jobId ?? null;
    setFollowed(next);
  }, []);

  useEffect(() => {
    let current = true;
    // A send from before this screen opened (a restart, the site offline) still shows how it stands.
    Promise.all([call('publishing.status', { draftId }), call('outbox.list', {})]).then(
      ([status, outbox]) => {
        if (!current || followedId.current !== null) return;
        const last = status.entries.findLast((entry) => entry.action === 'file' && entry.state !== 'sent');
        const job = last && outbox.jobs.find((j) => j.id === last.jobId);
        if (last && job) follow({ jobId: job.id, profileId: job.profileId, profileName: job.profileName, job });
      },
      () => {},
    );
    const offOutbox = on('outbox.changed', ({ job, removed }) => {
      if (job.id !== followedId.current) return;
      setFollowed((before) => (before === null ? before : removed === true ? null : { ...before, job }));
      if (removed === true) followedId.current = null;
    });
    // The status moved elsewhere (the status control, a desk open): the button follows it.
    const offDrafts = on('drafts.changed', (change) => {
      if (change.id !== draftId || (change.reason !== 'status' && change.reason !== 'desk')) return;
      call('drafts.open', { id: draftId }).then(
        (draft) => current && setReview(draft.review),
        () => {},
      );
    });
    return () => {
      current = false;
      offOutbox();
      offDrafts();
    };
  }, [draftId, follow]);

  /** The draft's destination, if it has a desk; otherwise the refusal in words. */
  const destination = async (): Promise<{ id: string; name: string } | string> => {
    const [status, list] = await Promise.all([call('publishing.status', { draftId }), call('profiles.list', {})]);
    const profile = list.profiles.find((p) => p.id === status.profileId);
    if (!profile) return 'This story’s destination was removed. Choose a WordPress or Ghost destination under Publishing.';
    if (!hasDesk(profile.kind)) {
      return `${profile.name} has no desk: filing needs a WordPress or Ghost destination. Choose one under Publishing.`;
    }
    return { id: profile.id, name: profile.name };
  };

  const moveTo = async (to: 'filed' | 'draft'): Promise<string | null> => {
    const result = await invoke('review.setStatus', { draftId, to });
    if (!result.ok) return result.error.message;
    setReview(result.value);
    return null;
  };

  const send = async (fileFirst: boolean) => {
    setBusy(true);
    setProblem(null);
    follow(null);
    try {
      setStep('Saving…');
      if (!(await flush())) {
        setProblem('Not sent: the latest text could not be saved first. Fix the save problem, then try again.');
        return;
      }
      setStep('Checking the destination…');
      const where = await destination();
      if (typeof where === 'string') {
        setProblem(where);
        return;
      }
      const filing = fileFirst && canMove(review.status, 'filed');
      if (filing) {
        const refused = await moveTo('filed');
        if (refused !== null) {
          setProblem(`Not filed: ${refused}`);
          return;
        }
      }
      setStep(`Sending to the desk on ${where.name}…`);
      const queued = await invoke('publishing.queue', { draftId, profileId: where.id, kind: 'file' });
      if (!queued.ok) {
        // Nothing went to the desk: the story is not Filed after all.
        if (filing) await moveTo('draft');
        setProblem(`Not sent: ${queued.error.message}`);
        return;
      }
      follow({ jobId: queued.value.jobId, profileId: where.id, profileName: where.name, job: null });
    } catch (error) {
      setProblem(`Not sent: ${messageOf(error, 'something went wrong. Please try again.')}`);
    } finally {
      setStep(null);
      setBusy(false);
    }
  };

  const retry: DeskSend['retry'] = async (what) => {
    setProblem(null);
    const result = what.kind === 'retry' ? await invoke('outbox.retry', { jobId: what.jobId }) : await invoke('outbox.resume', { profileId: what.profileId });
    if (!result.ok) setProblem(result.error.message);
  };

  const discard = async (jobId: string): Promise<string | null> => {
    const result = await invoke('outbox.discard', { jobId });
    return result.ok ? null : result.error.message;
  };

  const overwrite = async (): Promise<string | null> => {
    if (followed === null) return null;
    const refused = followed;
    const queued = await invoke('publishing.queue', { draftId, profileId: refused.profileId, kind: 'file', overwrite: true });
    if (!queued.ok) return queued.error.message;
    follow({ jobId: queued.value.jobId, profileId: refused.profileId, profileName: refused.profileName, job: null });
    // The refused job is replaced by this one; left, it would still ask to be looked at.
    return discard(refused.jobId);
  };

  const keepWeb = async (): Promise<string | null> => {
    if (followed === null) return null;
    const failure = await discard(followed.jobId);
    if (failure === null) follow(null);
    return failure;
  };

  return { review, busy, step, problem, followed, send, retry, overwrite, keepWeb };
}
