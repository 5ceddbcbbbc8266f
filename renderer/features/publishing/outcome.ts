import type { LiveStatus, LogAction, LogEntry, OutboxJobView } from '../../../shared/model/publishing';
import { formatNewsroomAndLocal } from './time-format';

/**
 * What became of a publishing action, in the words a journalist reads on the panel and in the log.
 * Pure: the panel passes the outbox job it follows, the log entry for that job and the clock.
 */

export interface Outcome {
  text: string;
  /** alert: something needs the journalist; status: progress or a result. */
  tone: 'status' | 'alert';
  /** The live address to link, when the action put the story somewhere. */
  url?: string;
  /** What "Try again" does: send the job again, or resume the account after its sign-in was fixed. */
  retry?: { kind: 'retry'; jobId: string } | { kind: 'resume'; profileId: string };
}

interface Clock {
  now: Date;
  /** The newsroom's zone (house profile). */
  timeZone: string;
  /** The journalist's zone; the system's when left out. */
  localZone?: string;
}

const OFFLINE_CODES = new Set(['UNREACHABLE', 'TIMEOUT']);

const when = (iso: string, clock: Clock) => formatNewsroomAndLocal(iso, clock.timeZone, clock.localZone);

/** A log entry the CMS accepted, as a result sentence. */
function finished(entry: LogEntry, clock: Clock): Outcome {
  switch (entry.action) {
    case 'schedule':
      return {
        text: `Scheduled on ${entry.profileName}${entry.publishAt ? ` for ${when(entry.publishAt, clock)}` : ''}.`,
        tone: 'status',
        ...(entry.url ? { url: entry.url } : {}),
      };
    case 'unpublish':
      return { text: `Unpublished on ${entry.profileName}.`, tone: 'status' };
    case 'file':
      return { text: `Sent to the desk on ${entry.profileName} (pending review, not live).`, tone: 'status' };
    case 'correction':
      return entry.url ? { text: 'Correction published:', tone: 'status', url: entry.url } : { text: `Correction published on ${entry.profileName}.`, tone: 'status' };
    default:
      return entry.url ? { text: 'Published:', tone: 'status', url: entry.url } : { text: `Published on ${entry.profileName}.`, tone: 'status' };
  }
}

/** An outbox job still on its way (or stuck), as a progress sentence. */
function inProgress(job: OutboxJobView, clock: Clock, embargoUntil: string | undefined): Outcome {
  const error = job.lastError;
  switch (job.state) {
    case 'sending':
      return { text: 'Sending…', tone: 'status' };
    case 'pending':
      // A job that may not go yet is held by its embargo (backoffs use "waiting").
      if (Date.parse(job.notBefore) > clock.now.getTime()) {
        return { text: `Waiting for the embargo until ${when(embargoUntil ?? job.notBefore, clock)}.`, tone: 'status' };
      }
      return { text: `Queued for ${job.profileName}.`, tone: 'status' };
    case 'waiting':
      if (error && OFFLINE_CODES.has(error.code)) {
        return { text: `Offline — will send when ${job.profileName} is reachable.`, tone: 'status' };
      }
      return {
        text: `Will retry at ${when(job.notBefore, clock)}${error ? `: ${error.message}` : '.'}`,
        tone: 'status',
        retry: { kind: 'retry', jobId: job.id },
      };
    case 'held':
      return {
        text: `Needs attention: ${error?.message ?? `${job.profileName} refused the sign-in.`}`,
        tone: 'alert',
        retry: { kind: 'resume', profileId: job.profileId },
      };
    case 'failed':
      return { text: `Needs attention: ${error?.message ?? 'the CMS refused it.'}`, tone: 'alert', retry: { kind: 'retry', jobId: job.id } };
    case 'done':
      return job.url ? { text: 'Published:', tone: 'status', url: job.url } : { text: `Sent to ${job.profileName}.`, tone: 'status' };
  }
}

/**
 * The outcome line for the job the panel follows. The log entry wins once the CMS accepted the job
 * (it knows a schedule from a publish); before that the outbox job says how far it got.
 */
export function describeOutcome(job: OutboxJobView | undefined, entry: LogEntry | undefined, clock: Clock): Outcome | null {
  if (entry?.state === 'sent') return finished(entry, clock);
  if (job) return inProgress(job, clock, entry?.embargoUntil);
  // No job left in the outbox (discarded, or finished before this window opened): the log's last
  // word stands, and there is nothing to try again.
  if (entry?.state === 'failed') return { text: entry.message ?? 'It was not sent.', tone: 'status' };
  if (entry?.state === 'queued') {
    if (entry.embargoUntil && Date.parse(entry.embargoUntil) > clock.now.getTime()) {
      return { text: `Waiting for the embargo until ${when(entry.embargoUntil, clock)}.`, tone: 'status' };
    }
    return { text: `Queued for ${entry.profileName}.`, tone: 'status' };
  }
  return null;
}

const ACTION_WORDS: Record<LogAction, string> = {
  publish: 'Published',
  schedule: 'Scheduled',
  update: 'Updated',
  unpublish: 'Unpublished',
  correction: 'Correction',
  file: 'Filed for review',
};

export const actionInWords = (action: LogAction): string => ACTION_WORDS[action];

/** The result column of the publish log. */
export function resultInWords(entry: LogEntry): string {
  if (entry.state === 'sent') return 'Sent';
  if (entry.state === 'failed') return `Failed: ${entry.message ?? 'the CMS refused it.'}`;
  return entry.message ? `Queued (${entry.message})` : 'Queued';
}

/** The badge text for the chosen profile. */
export function badgeText(live: LiveStatus | undefined, clock: Clock): string {
  switch (live?.state) {
    case 'up-to-date':
      return 'Live — up to date';
    case 'behind':
      return 'Live copy is behind your draft';
    case 'scheduled':
      return live.publishAt ? `Scheduled for ${when(live.publishAt, clock)}` : 'Scheduled';
    case 'unpublished':
      return 'Unpublished';
    case 'in-review':
      return 'Filed for review (not live)';
    default:
      return 'Not published yet';
  }
}

/** The newest entry for a profile, whatever its state: a conflict shows on the latest attempt only. */
export function latestEntryFor(entries: readonly LogEntry[], profileId: string): LogEntry | undefined {
  return entries.findLast((entry) => entry.profileId === profileId);
}
