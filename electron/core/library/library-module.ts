// SCAFFOLD (issue 6, library engineer replaces this file): the shape services.ts wires.
import { AppFailure } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/router';
import type { DraftStore } from '../drafts/draft-store';
import type { Clock, EmitEvent, Logger, SettingsStore } from '../ports';
import type { AppSettings } from '../settings/app-settings';

export interface LibraryExtras {
  handlers: Pick<Handlers, 'drafts.duplicate' | 'templates.list' | 'templates.save' | 'templates.delete'>;
}

const notYet = (): never => {
  throw new AppFailure('INTERNAL', 'Not built yet.');
};

export function createLibraryExtras(_deps: { drafts: DraftStore; settings: SettingsStore<AppSettings>; emit: EmitEvent; clock: Clock; logger: Logger }): LibraryExtras {
  return { handlers: { 'drafts.duplicate': notYet, 'templates.list': notYet, 'templates.save': notYet, 'templates.delete': notYet } };
}
