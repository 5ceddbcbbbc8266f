import type { Handlers } from '../../ipc/router';
import { DeskInbox, type DeskInboxDeps } from './desk-inbox';

/** The desk through the CMS (issue 7): the inbox of stories waiting for review, and opening one. */
export function createDesk(deps: DeskInboxDeps): { handlers: Pick<Handlers, 'desk.list' | 'desk.open'>; inbox: DeskInbox } {
  const inbox = new DeskInbox(deps);
  return {
    inbox,
    handlers: {
      'desk.list': (input) => inbox.list(input.profileId),
      'desk.open': (input) => inbox.open(input.profileId, input.remoteId),
    },
  };
}
