import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Clock } from '../ports';
import type { FileIo } from './file-io';
import { isNotFound } from './fs-errors';

/** What marks a set-aside file: `draft.json.corrupt-2025-01-31T09-15-00.000Z`. */
export const CORRUPT_MARK = '.corrupt-';

/** An ISO time usable in a file name on every OS (Windows forbids ':'). */
export const fileStamp = (date: Date): string => date.toISOString().replace(/:/g, '-');

/** Whether anything exists at `path`; errors other than ENOENT are thrown. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Moves an unreadable file aside to `<path>.corrupt-<time>` in the same folder, byte for byte,
 * so a person or a recovery tool can still open it, and returns the new path. A name already
 * taken gets a counter: an earlier kept file is never overwritten.
 */
export async function setAside(path: string, clock: Clock, io: FileIo): Promise<string> {
  const base = `${path}${CORRUPT_MARK}${fileStamp(clock.now())}`;
  let keptAs = base;
  for (let n = 2; await pathExists(keptAs); n += 1) keptAs = `${base}-${n}`;
  await io.rename(path, keptAs);
  await io.fsyncDir(dirname(path));
  return keptAs;
}

