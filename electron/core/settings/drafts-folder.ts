// SCAFFOLD (issue 6, drafts-folder engineer replaces this file): the shape services.ts wires.
import { AppFailure } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/router';
import type { SettingsStore } from '../ports';
import type { AppSettings } from './app-settings';

export interface DraftsFolderPorts {
  /** The system's folder picker (the shell's); absent in tests that do not need it. */
  pickFolder?: () => Promise<string | null>;
  /** Quits and starts the app again (the shell's). */
  restart?: () => Promise<void>;
}

export interface DraftsFolder {
  /** The data folder DraftStore opens (drafts in `<it>/drafts`) for this run. */
  storeFolder: string;
  handlers: Pick<Handlers, 'settings.getDraftsFolder' | 'settings.setDraftsFolder' | 'app.pickFolder' | 'app.restart'>;
}

const notYet = (): never => {
  throw new AppFailure('INTERNAL', 'Not built yet.');
};

export function resolveDraftsFolder(options: { settings: SettingsStore<AppSettings>; dataFolder: string } & DraftsFolderPorts): DraftsFolder {
  return {
    storeFolder: options.dataFolder,
    handlers: { 'settings.getDraftsFolder': notYet, 'settings.setDraftsFolder': notYet, 'app.pickFolder': notYet, 'app.restart': notYet },
  };
}
