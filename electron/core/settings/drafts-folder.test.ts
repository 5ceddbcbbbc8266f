import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/ipc/result';
import { tempFolder } from '../drafts/testing';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { indexFolderFor, resolveDraftsFolder } from './drafts-folder';
import { memorySettings, recordingLogger } from './settings-testing';

/** A disk that refuses new files, as a read-only share does (chmod means nothing to root). */
const readOnlyIo: FileIo = {
  ...nodeFileIo,
  open: () => Promise.reject(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })),
};

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('the drafts folder setting', () => {
  let data: Awaited<ReturnType<typeof tempFolder>>;
  let elsewhere: Awaited<ReturnType<typeof tempFolder>>;
  beforeEach(async () => {
    data = await tempFolder('newsroom-data-');
    elsewhere = await tempFolder('newsroom-chosen-');
  });
  afterEach(async () => {
    await data.remove();
    await elsewhere.remove();
  });

  it('uses the data folder by default, its index inside it', async () => {
    const folder = resolveDraftsFolder({ settings: memorySettings(), dataFolder: data.path });
    expect(await folder.open()).toEqual({ folder: data.path, indexFolder: join(data.path, 'index') });
    expect(await folder.handlers['settings.getDraftsFolder']({})).toEqual({ folder: data.path, isDefault: true });
  });

  it('accepts a writable folder, leaves nothing behind, and uses it only after a restart', async () => {
    const settings = memorySettings();
    const folder = resolveDraftsFolder({ settings, dataFolder: data.path });
    await folder.open();
    const view = await folder.handlers['settings.setDraftsFolder']({ folder: `${elsewhere.path}/` });
    expect(view).toEqual({ folder: data.path, isDefault: true, next: elsewhere.path });
    expect(settings.values.get('draftsFolder')).toBe(elsewhere.path);
    expect(await readdir(elsewhere.path)).toEqual([]); // the write probe is gone

    const restarted = resolveDraftsFolder({ settings, dataFolder: data.path });
    const opened = await restarted.open();
    expect(opened.folder).toBe(elsewhere.path);
    expect(opened.indexFolder).toBe(indexFolderFor(data.path, elsewhere.path));
    expect(opened.indexFolder.startsWith(data.path)).toBe(true); // the index stays local
    expect(await restarted.handlers['settings.getDraftsFolder']({})).toEqual({ folder: elsewhere.path, isDefault: false });

    // Back to the default: again at the next start.
    expect(await restarted.handlers['settings.setDraftsFolder']({ folder: null })).toEqual({ folder: elsewhere.path, isDefault: false, next: data.path });
    expect(settings.values.has('draftsFolder')).toBe(false);
  });

  it('refuses a missing folder, a file, a relative path and a read-only folder in plain words, keeping the setting', async () => {
    const settings = memorySettings();
    const folder = resolveDraftsFolder({ settings, dataFolder: data.path });
    const set = (path: string) => folder.handlers['settings.setDraftsFolder']({ folder: path });

    const missing = await failureOf(set(join(elsewhere.path, 'not-there')));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toBe(`There is no folder at ${join(elsewhere.path, 'not-there')}.`);

    const file = join(elsewhere.path, 'notes.txt');
    await writeFile(file, 'not a folder');
    expect((await failureOf(set(file))).message).toBe(`${file} is a file, not a folder.`);
    expect((await failureOf(set('Documents/drafts'))).message).toMatch(/full path/);

    const readOnly = resolveDraftsFolder({ settings, dataFolder: data.path, io: readOnlyIo });
    const refused = await failureOf(readOnly.handlers['settings.setDraftsFolder']({ folder: elsewhere.path }));
    expect(refused.message).toBe(`Newsroom cannot save in ${elsewhere.path}: the folder is read-only, or you do not have permission to write there.`);
    expect(settings.values.has('draftsFolder')).toBe(false);
  });

  it('keeps working on the default folder when the chosen one is gone at start, says why, and tries it again next time', async () => {
    const settings = memorySettings();
    const gone = join(elsewhere.path, 'usb-disk');
    await mkdir(gone);
    await resolveDraftsFolder({ settings, dataFolder: data.path }).handlers['settings.setDraftsFolder']({ folder: gone });
    await elsewhere.remove();

    const logger = recordingLogger();
    const folder = resolveDraftsFolder({ settings, dataFolder: data.path });
    expect(await folder.open(logger)).toEqual({ folder: data.path, indexFolder: join(data.path, 'index') });
    expect(logger.warned).toEqual([
      { message: 'chosen drafts folder not usable; working on the default folder', context: { folder: gone, problem: `There is no folder at ${gone}.` } },
    ]);
    expect(settings.values.get('draftsFolder')).toBe(gone);
    expect(await folder.handlers['settings.getDraftsFolder']({})).toEqual({ folder: data.path, isDefault: true, next: gone });
  });

  it('falls back the same way when the chosen folder refuses writes at start', async () => {
    const settings = memorySettings();
    settings.set('draftsFolder', elsewhere.path);
    const logger = recordingLogger();
    const opened = await resolveDraftsFolder({ settings, dataFolder: data.path, io: readOnlyIo }).open(logger);
    expect(opened.folder).toBe(data.path);
    expect(logger.warnings).toHaveLength(1);
  });

  it('answers the picker and restart with the shell, or says plainly they are not available', async () => {
    let restarts = 0;
    const shell = resolveDraftsFolder({
      settings: memorySettings(),
      dataFolder: data.path,
      pickFolder: async () => elsewhere.path,
      restart: async () => void (restarts += 1),
    });
    expect(await shell.handlers['app.pickFolder']({})).toEqual({ folder: elsewhere.path });
    await shell.handlers['app.restart']({});
    expect(restarts).toBe(1);

    const bare = resolveDraftsFolder({ settings: memorySettings(), dataFolder: data.path });
    expect((await failureOf(bare.handlers['app.pickFolder']({}))).code).toBe('NOT_CONFIGURED');
    const restart = await failureOf(bare.handlers['app.restart']({}));
    expect(restart.code).toBe('NOT_CONFIGURED');
    expect(restart.message).toMatch(/Restart Newsroom to use it/);
  });
});
