import type { Handlers } from '../../ipc/router';
import type { DraftStore } from '../drafts/draft-store';
import type { Clock, EmitEvent, Logger, SettingsStore } from '../ports';
import type { AppSettings } from '../settings/app-settings';
import { duplicateDraft } from './duplicate';
import { TemplatesStore } from './templates-store';

export interface LibraryExtras {
  handlers: Pick<Handlers, 'drafts.duplicate' | 'templates.list' | 'templates.save' | 'templates.delete'>;
}

/** The library's extras beside the draft store: duplicating a draft and the story templates. */
export function createLibraryExtras(deps: { drafts: DraftStore; settings: SettingsStore<AppSettings>; emit: EmitEvent; clock: Clock; logger: Logger }): LibraryExtras {
  const templates = new TemplatesStore(deps.settings, deps.logger);
  return {
    handlers: {
      'drafts.duplicate': async (input) => {
        const copy = await duplicateDraft(deps.drafts, input.id, deps.logger);
        // The list shows the copy; nothing opens it.
        deps.emit('drafts.changed', { id: copy.id, revision: copy.revision, reason: 'created' });
        return copy;
      },
      'templates.list': async () => ({ templates: templates.list() }),
      'templates.save': async (input) => templates.save(input),
      'templates.delete': async (input) => {
        templates.delete(input.id);
        return {};
      },
    },
  };
}
