import type { EventPayload } from '../../../shared/ipc/contract';
import type { OutboxJobView, OutboxView } from '../../../shared/model/publishing';

/**
 * The outbox as the renderer holds it: the last `outbox.list` kept current by `outbox.changed`.
 * A pure reducer, so the merging rules (upsert by id, drop delivered jobs, the count from the
 * event) are tested without React.
 */
export interface OutboxState {
  /** loading until the first list arrives; failed when it could not be read (the message says why). */
  status: 'loading' | 'ready' | 'failed';
  error?: string;
  /** Jobs not yet delivered, oldest first. */
  jobs: OutboxJobView[];
  problems: OutboxView['problems'];
  /** Profile ids whose sign-in the CMS refused. */
  stoppedProfiles: string[];
  /** Every job not yet delivered, as the main process counts it. */
  count: number;
}

export type OutboxAction =
  | { type: 'loaded'; view: OutboxView }
  | { type: 'changed'; payload: EventPayload<'outbox.changed'> }
  | { type: 'loadFailed'; message: string };

export const initialOutbox: OutboxState = { status: 'loading', jobs: [], problems: [], stoppedProfiles: [], count: 0 };

const byAge = (a: OutboxJobView, b: OutboxJobView): number => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/** A job leaves the list when delivered, or when the event says it was removed (discarded). */
function upsert(jobs: readonly OutboxJobView[], job: OutboxJobView, removed: boolean): OutboxJobView[] {
  const others = jobs.filter((existing) => existing.id !== job.id);
  if (job.state === 'done' || removed) return others;
  // Stable sort: jobs queued in the same millisecond keep the order they were reported in.
  return [...others, job].sort(byAge);
}

/** A held job means the CMS refused its account: the profile is stopped even before a new list says so. */
function stoppedAfter(stopped: readonly string[], job: OutboxJobView): string[] {
  return job.state === 'held' && !stopped.includes(job.profileId) ? [...stopped, job.profileId] : [...stopped];
}

export function outboxReducer(state: OutboxState, action: OutboxAction): OutboxState {
  switch (action.type) {
    case 'loaded': {
      const jobs = action.view.jobs.filter((job) => job.state !== 'done').sort(byAge);
      return { status: 'ready', jobs, problems: action.view.problems, stoppedProfiles: action.view.stoppedProfiles, count: jobs.length };
    }
    case 'changed': {
      const { job, pending } = action.payload;
      const removed = action.payload.removed === true;
      return {
        ...state,
        jobs: upsert(state.jobs, job, removed),
        stoppedProfiles: stoppedAfter(state.stoppedProfiles, job),
        count: pending,
      };
    }
    case 'loadFailed':
      // Jobs already shown stay on screen: a failed refresh must not make the outbox look empty.
      return { ...state, status: state.status === 'ready' ? 'ready' : 'failed', error: action.message };
  }
}
