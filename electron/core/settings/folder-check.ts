import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import type { FileIo } from '../fs/file-io';
import { errnoCode, isNotFound } from '../fs/fs-errors';

/** Why a folder cannot hold drafts, in words a journalist can act on; undefined when it can. */
export type FolderVerdict = { ok: true; folder: string } | { ok: false; problem: string };

const PROBE_PREFIX = '.newsroom-write-check-';

function writeProblem(folder: string, error: unknown): string {
  const code = errnoCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return `Newsroom cannot save in ${folder}: the disk is full.`;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return `Newsroom cannot save in ${folder}: the folder is read-only, or you do not have permission to write there.`;
  }
  return `Newsroom cannot save in ${folder}: the disk reported an error${code === undefined ? '' : ` (${code})`}.`;
}

/**
 * Checks that `raw` names an existing folder Newsroom can write in, by writing and deleting a small
 * probe file: permission bits do not tell the whole story (root ignores them, network and synced
 * folders can refuse writes whatever they say). Used when the journalist picks a folder and again
 * at every start, since a USB disk or network share may be gone by then.
 */
export async function checkDraftsFolder(raw: string, io: FileIo): Promise<FolderVerdict> {
  const trimmed = raw.trim();
  if (!isAbsolute(trimmed)) return { ok: false, problem: 'Type the full path of the folder, starting from the top (for example /home/you/Drafts).' };
  const folder = normalize(trimmed).replace(/(.)[\\/]+$/, '$1');
  try {
    const stats = await stat(folder);
    if (!stats.isDirectory()) return { ok: false, problem: `${folder} is a file, not a folder.` };
  } catch (error) {
    if (isNotFound(error) || errnoCode(error) === 'ENOTDIR') return { ok: false, problem: `There is no folder at ${folder}.` };
    return { ok: false, problem: `Newsroom cannot look into ${folder}${errnoCode(error) === undefined ? '' : ` (${errnoCode(error)})`}.` };
  }
  const probe = join(folder, `${PROBE_PREFIX}${randomUUID()}`);
  try {
    const fd = await io.open(probe, 'wx');
    try {
      await io.write(fd, Buffer.from('Newsroom checks it can save here; this file is deleted at once.\n', 'utf8'));
    } finally {
      await io.close(fd);
    }
  } catch (error) {
    await io.unlink(probe).catch(() => undefined);
    return { ok: false, problem: writeProblem(folder, error) };
  }
  try {
    await io.unlink(probe);
  } catch (error) {
    return { ok: false, problem: `Newsroom could write in ${folder} but not delete from it${errnoCode(error) === undefined ? '' : ` (${errnoCode(error)})`}.` };
  }
  return { ok: true, folder };
}
