import { AppFailure } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/router';
import type { Clock, Logger, SettingsStore } from '../ports';
import type { AppSettings } from '../settings/app-settings';
import { UserSettings } from './user-settings';

export interface ReviewPorts {
  settings: SettingsStore<AppSettings>;
  clock: Clock;
  logger: Logger;
}

/** Identity, desk statuses and the hand-off (issue 7). */
export function createReview(ports: ReviewPorts): {
  users: UserSettings;
  handlers: Pick<Handlers, 'settings.getUser' | 'settings.saveUser' | 'review.setStatus' | 'handoff.claim' | 'handoff.release'>;
} {
  const users = new UserSettings(ports.settings, ports.clock, ports.logger);
  const missing = async (): Promise<never> => {
    throw new AppFailure('INTERNAL', 'Review is not available yet.');
  };
  return {
    users,
    handlers: {
      'settings.getUser': async () => ({ user: users.user(), installId: users.installId() }),
      'settings.saveUser': async (input) => users.save(input),
      'review.setStatus': missing,
      'handoff.claim': missing,
      'handoff.release': missing,
    },
  };
}
