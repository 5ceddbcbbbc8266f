import path from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { nodeFileIo } from '../core/fs/file-io';
import { setAside } from '../core/fs/set-aside';
import { silentLogger, systemClock, type Logger, type SettingsStore } from '../core/ports';
import type { AppSettings } from '../core/settings/app-settings';

export interface SettingsStoreOptions {
  /** Folder of `settings.json`; electron-store's default is `app.getPath('userData')`. */
  cwd?: string;
  logger?: Logger;
}

/**
 * The app's settings file (`settings.json`): preferences and the CMS profile, never drafts and
 * never secrets. electron-store's `Store` satisfies the core's `SettingsStore` port as it is.
 * A file that no longer parses would make the constructor throw and the app fail to start:
 * it is kept aside (`settings.json.corrupt-<time>`, like a corrupt draft) and we start empty.
 */
export async function openSettingsStore(options: SettingsStoreOptions = {}): Promise<SettingsStore<AppSettings>> {
  const storeOptions = { name: 'settings', ...(options.cwd === undefined ? {} : { cwd: options.cwd }) };
  try {
    return new Store<AppSettings>(storeOptions);
  } catch (error) {
    const file = path.join(options.cwd ?? app.getPath('userData'), 'settings.json');
    const keptAs = await setAside(file, systemClock, nodeFileIo);
    (options.logger ?? silentLogger).warn('settings file was unreadable; kept aside, starting with defaults', {
      keptAs,
      error: String(error),
    });
    return new Store<AppSettings>(storeOptions);
  }
}
