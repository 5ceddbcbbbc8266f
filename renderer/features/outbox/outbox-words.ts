import type { OutboxJobView, OutboxView } from '../../../shared/model/publishing';
import { formatClock, formatLongDate, sentence } from '../../lib/format';
import { formatNewsroomAndLocal } from '../publishing/time-format';

/**
 * Everything the outbox says, in plain words, from the job views alone. Kept pure (the clock is a
 * parameter) so each wording is tested against a fixed time. Retry times are the computer's local
 * clock (they are minutes away); an embargo is a desk's deadline, so, once the newsroom's zone is
 * known, it reads in the newsroom's time and the journalist's, as in the publish panel.
 */

type Action = OutboxJobView['action'];

const ACTION_WORDS: Record<Action, string> = { create: 'Publish', update: 'Update', unpublish: 'Unpublish' };

export function actionWords(action: Action): string {
  return ACTION_WORDS[action];
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:03" today, "12 March 2025 14:03" on any other day (an embargo can be days away). */
export function formatWhen(date: Date, now: Date): string {
  return sameDay(date, now) ? formatClock(date) : `${formatLongDate(date)} ${formatClock(date)}`;
}

/** " — The site did not answer." when there is a last error to tell, else nothing. */
function because(job: OutboxJobView): string {
  return job.lastError ? ` — ${sentence(job.lastError.message)}` : '';
}

/** Where one job stands, as the journalist reads it in the outbox list. */
export function jobStateWords(job: OutboxJobView, now: Date, newsroomZone?: string): string {
  const notBefore = new Date(job.notBefore);
  const later = notBefore.getTime() > now.getTime();
  switch (job.state) {
    case 'pending':
      // A pending job with a future notBefore waits for its embargo (backoffs are `waiting`).
      if (!later) return 'Waiting to send';
      return `Waiting for the embargo until ${newsroomZone === undefined ? formatWhen(notBefore, now) : formatNewsroomAndLocal(job.notBefore, newsroomZone)}`;
    case 'sending':
      return 'Sending…';
    case 'waiting':
      return later ? `Will retry at ${formatWhen(notBefore, now)}${because(job)}` : `Will retry in a moment${because(job)}`;
    case 'held':
      return 'Sign-in refused — fix the password in Settings, then Resume';
    case 'failed':
      return `Needs attention — ${sentence(job.lastError?.message ?? 'The CMS did not accept it')}`;
    case 'done':
      return 'Sent';
  }
}

/** "Not tried yet", "1 attempt", "3 attempts". */
export function attemptWords(attempts: number): string {
  if (attempts === 0) return 'Not tried yet';
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

/** A job the journalist has to act on: the indicator turns to its warning look. */
export function needsAttention(job: OutboxJobView): boolean {
  return job.state === 'failed' || job.state === 'held';
}

/** "Try again" is offered where the outbox accepts it: a job that failed or waits for a retry. */
export function canRetry(job: OutboxJobView): boolean {
  return job.state === 'failed' || job.state === 'waiting';
}

/** A job being sent cannot be discarded: its request is already on the wire. */
export function canDiscard(job: OutboxJobView): boolean {
  return job.state !== 'sending' && job.state !== 'done';
}

/** The indicator's accessible name: "Outbox, all sent" or "Outbox, 3 waiting". */
export function indicatorName(count: number, attention: number): string {
  if (count === 0) return 'Outbox, all sent';
  const base = `Outbox, ${count} waiting`;
  return attention === 0 ? base : `${base}, ${attention} ${attention === 1 ? 'needs' : 'need'} attention`;
}

/** The indicator's visible text: "Outbox: 3 waiting" or "Outbox: all sent". */
export function indicatorText(count: number): string {
  return count === 0 ? 'Outbox: all sent' : `Outbox: ${count} waiting`;
}

/** Shown while the computer is offline. */
export function offlineWords(count: number): string {
  if (count === 0) return 'Offline — stories you publish will be sent when you are back online';
  return `Offline — ${count} will be sent when you are back online`;
}

/** What the confirmation asks before a job is dropped; an unknown outcome gets the warning. */
export function discardQuestion(job: OutboxJobView): string {
  const question = `Discard “${actionWords(job.action)}” to ${job.profileName}?`;
  return job.outcomeUnknown ? `${question} The CMS may already have this story.` : question;
}

/** A job file the outbox could not read: the main side's reason (it says what to do) and where the file is. */
export function problemWords(problem: OutboxView['problems'][number]): string {
  return `${sentence(problem.reason)} The file is kept as ${problem.file}.`;
}

/** The name of a stopped profile for its Resume button: from its jobs, or a neutral stand-in. */
export function profileNameOf(profileId: string, jobs: readonly OutboxJobView[]): string {
  return jobs.find((job) => job.profileId === profileId)?.profileName ?? 'this account';
}
