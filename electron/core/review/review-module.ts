import { AppFailure } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/router';

/**
 * Identity, desk statuses and the hand-off (issue 7). Placeholder while it is being built: every
 * method answers that it is not available yet.
 */
export function createReview(): { handlers: Pick<Handlers, 'settings.getUser' | 'settings.saveUser' | 'review.setStatus' | 'handoff.claim' | 'handoff.release'> } {
  const missing = async (): Promise<never> => {
    throw new AppFailure('INTERNAL', 'Review is not available yet.');
  };
  return {
    handlers: {
      'settings.getUser': missing,
      'settings.saveUser': missing,
      'review.setStatus': missing,
      'handoff.claim': missing,
      'handoff.release': missing,
    },
  };
}
