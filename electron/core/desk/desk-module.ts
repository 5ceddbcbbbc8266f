import { AppFailure } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/router';

/** The desk through the CMS (issue 7). Placeholder while it is being built. */
export function createDesk(): { handlers: Pick<Handlers, 'desk.list' | 'desk.open'> } {
  const missing = async (): Promise<never> => {
    throw new AppFailure('INTERNAL', 'The desk inbox is not available yet.');
  };
  return { handlers: { 'desk.list': missing, 'desk.open': missing } };
}
