import { readdirSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { sep } from 'node:path';
import { TEMP_NAME } from '../fs/atomic-write';
import { inSlices } from './slices';
import { type FileStamp, stampOf } from './stamp';

/** The draft folders in `draftsDir` (named by a valid id), in one readdir. */
export async function draftFolders(draftsDir: string, isDraftId: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(draftsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && isDraftId(entry.name)).map((entry) => entry.name);
}

/**
 * The stamp of each draft's file, or null when the folder has no readable `fileName` (creation
 * cut short, a file set aside, a permission problem): those the caller reads the slow way.
 */
export async function stampDrafts(draftsDir: string, ids: readonly string[], fileName: string): Promise<Map<string, FileStamp | null>> {
  const stamps = new Map<string, FileStamp | null>();
  const prefix = `${draftsDir}${sep}`;
  const suffix = `${sep}${fileName}`;
  await inSlices(ids, (id) => {
    try {
      const stats = statSync(prefix + id + suffix, { throwIfNoEntry: false });
      stamps.set(id, stats?.isFile() === true ? stampOf(stats) : null);
    } catch {
      stamps.set(id, null);
    }
  });
  return stamps;
}

/**
 * The folders holding a temp file our writer left (a crash between open and rename), which the
 * start-up sweep must look at. Almost always none, so one cheap readdir per folder decides.
 */
export async function foldersWithTemps(draftsDir: string, ids: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const prefix = `${draftsDir}${sep}`;
  await inSlices(ids, (id) => {
    try {
      // endsWith first: the regex and path.join cost microseconds, times 10,000 folders.
      if (readdirSync(prefix + id).some((name) => name.endsWith('.tmp') && TEMP_NAME.test(name))) found.push(id);
    } catch {
      found.push(id); // let the sweep meet the problem and log it, as before
    }
  });
  return found;
}
