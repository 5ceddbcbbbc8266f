import type { CmsKind } from '../../../shared/model/cms-profiles';
import type { OutboxJobView } from '../../../shared/model/publishing';
import type { ReviewRecord, User } from '../../../shared/model/review';

/**
 * The desk's words, kept pure so the tests read them without a screen: what the send button says
 * for where the story stands and who is looking at it, and what became of a send.
 */

/** Only CMSs with a review queue can be a desk: WordPress (`pending`) and Ghost (a tagged draft). */
export const hasDesk = (kind: CmsKind): boolean => kind === 'wordpress' || kind === 'ghost';

export type DeskMove =
  /** A draft goes to the desk and becomes Filed. */
  | { label: 'File to desk'; fileFirst: true }
  /** Already on the desk: sent again, still pending review, the status stays. */
  | { label: 'Send back to desk' | 'Send to reporter'; fileFirst: false };

const sameUser = (a: { name: string; initials: string }, b: User) => a.name === b.name && a.initials === b.initials;

/**
 * The button for this story and this person, or null when the desk has nothing to do with it
 * (published or spiked). The reporter is whoever filed it last: they send it back to the desk,
 * anyone else (the editor) sends it to the reporter. Without a known user we cannot tell, and the
 * neutral "Send back to desk" is right either way.
 */
export function deskMove(review: ReviewRecord, user: User | null): DeskMove | null {
  switch (review.status) {
    case 'draft':
      return { label: 'File to desk', fileFirst: true };
    case 'published':
    case 'spiked':
      return null;
    default: {
      const filer = review.trail.findLast((change) => change.to === 'filed')?.by;
      const editor = user !== null && filer !== undefined && !sameUser(filer, user);
      return { label: editor ? 'Send to reporter' : 'Send back to desk', fileFirst: false };
    }
  }
}

export interface DeskOutcome {
  text: string;
  tone: 'status' | 'alert';
  /** What "Try again" does, when it can help. */
  retry?: { kind: 'retry'; jobId: string } | { kind: 'resume'; profileId: string };
  /** The CMS copy changed since: the journalist compares and chooses instead of retrying. */
  conflict?: true;
}

const OFFLINE = new Set(['UNREACHABLE', 'TIMEOUT']);

/** What became of the send to the desk, from the outbox job that carries it. */
export function deskOutcome(job: OutboxJobView): DeskOutcome {
  const site = job.profileName;
  const error = job.lastError;
  switch (job.state) {
    case 'pending':
      return { text: `Queued for the desk on ${site}.`, tone: 'status' };
    case 'sending':
      return { text: `Sending to the desk on ${site}…`, tone: 'status' };
    case 'done':
      return { text: `Sent to the desk on ${site}.`, tone: 'status' };
    case 'waiting':
      if (error && OFFLINE.has(error.code)) {
        return { text: `Waiting: ${site} cannot be reached. It goes to the desk as soon as it can.`, tone: 'status', retry: { kind: 'retry', jobId: job.id } };
      }
      return { text: `Waiting to try again${error ? `: ${error.message}` : '.'}`, tone: 'status', retry: { kind: 'retry', jobId: job.id } };
    case 'held':
      return {
        text: `Not sent: ${error?.message ?? `${site} refused the sign-in.`} Fix the account in Settings → Publishing, then Try again.`,
        tone: 'alert',
        retry: { kind: 'resume', profileId: job.profileId },
      };
    case 'failed':
      if (error?.code === 'CONFLICT') {
        return { text: `Not sent: the copy on ${site} was changed since you last sent or opened it. Compare the two and choose.`, tone: 'alert', conflict: true };
      }
      return { text: `Not sent: ${error?.message ?? `${site} refused it.`}`, tone: 'alert', retry: { kind: 'retry', jobId: job.id } };
  }
}
