import type { WorkflowStatus } from '../../../shared/model/review';
import type { Handlers } from '../../ipc/router';
import type { DraftStore } from '../drafts/draft-store';
import type { Clock, EmitEvent, Logger } from '../ports';
import { DeskStatus } from './desk-status';
import { Handoff } from './handoff';
import type { UserSettings } from './user-settings';

export interface ReviewPorts {
  users: UserSettings;
  drafts: DraftStore;
  emit: EmitEvent;
  clock: Clock;
  logger: Logger;
  /** The versions module's `mark`: a move to Filed names a version "Filed". */
  markVersion: (draftId: string, kind: 'filed', name: string) => Promise<void>;
}

export interface ReviewModule {
  handlers: Pick<Handlers, 'settings.getUser' | 'settings.saveUser' | 'review.setStatus' | 'handoff.claim' | 'handoff.release'>;
  /** A publish was delivered: the story is Published, signed, with where it went. */
  published(draftId: string, profileName: string): Promise<void>;
  /**
   * The draft is about to be spiked: Spiked, signed. Returns the status it had, to put back if
   * the spike fails; null when it could not be recorded (a damaged draft is spiked all the same).
   */
  spiked(draftId: string): Promise<WorkflowStatus | null>;
  /** The spike failed: back to the status it had. */
  unspiked(draftId: string, previous: WorkflowStatus): Promise<void>;
  /** The draft came back from the spike: a Draft again, signed. */
  restored(draftId: string): Promise<void>;
}

/** Identity, desk statuses and the hand-off (issue 7). */
export function createReview(ports: ReviewPorts): ReviewModule {
  const { users } = ports;
  const status = new DeskStatus({ drafts: ports.drafts, users, emit: ports.emit, logger: ports.logger, markVersion: ports.markVersion });
  const handoff = new Handoff({ folderOf: (id) => ports.drafts.folderOf(id), users, clock: ports.clock, logger: ports.logger });
  return {
    handlers: {
      'settings.getUser': async () => ({ user: users.user(), installId: users.installId() }),
      'settings.saveUser': async (input) => users.save(input),
      'review.setStatus': (input) => status.set(input.draftId, input.to, input.note),
      'handoff.claim': (input) => handoff.claim(input.draftId, input.takeOver ?? false),
      'handoff.release': async (input) => {
        await handoff.release(input.draftId);
        return {};
      },
    },
    published: async (draftId, profileName) => {
      await status.record(draftId, 'published', `Published to ${profileName}`, ports.clock.now());
    },
    spiked: (draftId) =>
      status.record(draftId, 'spiked', 'Spiked', ports.clock.now()).catch((error: unknown) => {
        ports.logger.warn('spike not recorded in the desk status', { draftId, error: String(error) });
        return null;
      }),
    unspiked: async (draftId, previous) => {
      await status.record(draftId, previous, 'The spike did not go through', ports.clock.now());
    },
    restored: async (draftId) => {
      await status.record(draftId, 'draft', 'Restored from the spike', ports.clock.now());
    },
  };
}
