import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { AppFailure } from '../../../shared/ipc/result';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { Handlers } from '../../ipc/router';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { type Logger, silentLogger, type SettingsStore } from '../ports';
import type { AppSettings } from './app-settings';
import { checkDraftsFolder } from './folder-check';

export interface DraftsFolderPorts {
  /** The system's folder picker (the shell's); absent in tests that do not need it. */
  pickFolder?: () => Promise<string | null>;
  /** Quits and starts the app again (the shell's). */
  restart?: () => Promise<void>;
}

/** What DraftStore.open needs: drafts in `<folder>/drafts`, the trash in `<folder>/trash`, the index kept local. */
export interface StoreFolders {
  folder: string;
  indexFolder: string;
}

export interface DraftsFolder {
  /**
   * Checks the chosen folder once, at start. When it is gone (an unplugged disk, a share not
   * mounted) or refuses writes, Newsroom keeps working on the default folder rather than not
   * starting, and says why in the log; the choice is kept, so the next start tries it again.
   */
  open(logger?: Logger): Promise<StoreFolders>;
  handlers: Pick<Handlers, 'settings.getDraftsFolder' | 'settings.setDraftsFolder' | 'app.pickFolder' | 'app.restart'>;
}

type View = MethodOutput<'settings.getDraftsFolder'>;

/**
 * A chosen folder may be shared through a sync service or another machine: its summary and
 * search index stay in the data folder, one per drafts folder, so switching back and forth keeps
 * each cache and two machines never fight over one index file.
 */
export function indexFolderFor(dataFolder: string, draftsFolder: string | undefined): string {
  if (draftsFolder === undefined) return join(dataFolder, 'index');
  const key = createHash('sha256').update(resolve(draftsFolder)).digest('hex').slice(0, 16);
  return join(dataFolder, 'index-folders', key);
}

export function resolveDraftsFolder(
  options: { settings: SettingsStore<AppSettings>; dataFolder: string; io?: FileIo } & DraftsFolderPorts,
): DraftsFolder {
  const { settings, dataFolder } = options;
  const io = options.io ?? nodeFileIo;
  let logger: Logger = silentLogger;
  /** The chosen folder in use this run; undefined: the default (the data folder). */
  let inUse: string | undefined;

  const chosen = (): string | undefined => {
    const value = settings.get('draftsFolder');
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const view = (): View => {
    const next = chosen();
    const base: View = { folder: inUse ?? dataFolder, isDefault: inUse === undefined };
    return next === inUse ? base : { ...base, next: next ?? dataFolder };
  };

  return {
    async open(runLogger) {
      if (runLogger !== undefined) logger = runLogger;
      const wanted = chosen();
      if (wanted === undefined) return { folder: dataFolder, indexFolder: indexFolderFor(dataFolder, undefined) };
      const verdict = await checkDraftsFolder(wanted, io);
      if (!verdict.ok) {
        logger.warn('chosen drafts folder not usable; working on the default folder', { folder: wanted, problem: verdict.problem });
        return { folder: dataFolder, indexFolder: indexFolderFor(dataFolder, undefined) };
      }
      inUse = wanted;
      logger.info('drafts folder', { folder: wanted });
      return { folder: wanted, indexFolder: indexFolderFor(dataFolder, wanted) };
    },
    handlers: {
      'settings.getDraftsFolder': async () => view(),
      'settings.setDraftsFolder': async ({ folder }) => {
        if (folder === null) {
          settings.delete('draftsFolder');
          return view();
        }
        const verdict = await checkDraftsFolder(folder, io);
        if (!verdict.ok) throw new AppFailure('INVALID_INPUT', verdict.problem);
        // The data folder itself is the default: no need to remember it as a choice.
        if (resolve(verdict.folder) === resolve(dataFolder)) settings.delete('draftsFolder');
        else settings.set('draftsFolder', verdict.folder);
        logger.info('drafts folder chosen; in use after a restart', { folder: verdict.folder });
        return view();
      },
      'app.pickFolder': async () => {
        if (options.pickFolder === undefined) {
          throw new AppFailure('NOT_CONFIGURED', 'Newsroom cannot show a folder picker here. Type the folder path instead.');
        }
        return { folder: await options.pickFolder() };
      },
      'app.restart': async () => {
        if (options.restart === undefined) throw new AppFailure('NOT_CONFIGURED', 'Newsroom cannot restart itself here. Restart Newsroom to use it.');
        await options.restart();
        return {};
      },
    },
  };
}
