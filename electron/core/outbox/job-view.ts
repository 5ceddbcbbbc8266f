import type { OutboxJobView } from '../../../shared/model/publishing';
import type { OutboxJob } from './job';

/** A job as the app shows it: never its payload (the story snapshot stays in the main process). */
export function jobView(job: OutboxJob, profileName: string): OutboxJobView {
  return {
    id: job.id,
    draftId: job.draftId,
    profileId: job.profileId,
    profileName,
    action: job.action,
    state: job.state,
    createdAt: job.createdAt,
    notBefore: job.notBefore,
    attempts: job.attempts,
    outcomeUnknown: job.outcomeUnknown,
    ...(job.lastError === undefined ? {} : { lastError: job.lastError }),
    ...(job.result === undefined ? {} : { url: job.result.url }),
  };
}
