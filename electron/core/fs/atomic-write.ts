import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppFailure, type ErrorCode } from '../../../shared/ipc/result';
import { type FileId, type FileIo, nodeFileIo } from './file-io';
import { errnoCode, toAppFailure } from './fs-errors';

/**
 * Crash-safe replace of one file (see notes/reliability.md §2.1, "Save protocol"):
 *
 *   open `<name>.<random>.tmp` (same folder, `wx`) → write → fsync → close → rename over
 *   `<name>` → fsync the folder → resolve.
 *
 * A reader therefore sees the old bytes or the new bytes, never a mix, and after the promise
 * resolves the new bytes survive a crash or power cut. Without the fsync before the rename a
 * power cut can leave a renamed but empty file; without the folder fsync the rename itself may
 * be lost. Orphan temps (kill -9 between open and rename) are cleaned by `sweepTempFiles`.
 */

/** `<name>.<12 hex>.tmp`: what `sweepTempFiles` recognises as ours. */
export const TEMP_NAME = /^(.+)\.[0-9a-f]{12}\.tmp$/;

export const tempNameFor = (target: string): string =>
  join(dirname(target), `${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Windows refuses a rename over a file an antivirus scanner or the search indexer holds open
 * (EPERM/EBUSY/EACCES, npm/write-file-atomic#28); it usually clears within a second. ~2 s total.
 */
export const DEFAULT_RENAME_RETRY_DELAYS_MS: readonly number[] = [10, 20, 40, 80, 160, 320, 640, 730];
const RENAME_RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  /** Waits between rename attempts; tests pass short ones. */
  renameRetryDelaysMs?: readonly number[];
}

/**
 * The write failed, the target is untouched. When the rename itself kept failing, the complete
 * and fsynced new content is left at `keptTemp` rather than thrown away: it is the only on-disk
 * copy of the newest text, and the caller (which knows when it is superseded) removes it.
 */
export class AtomicWriteFailure extends AppFailure {
  constructor(
    code: ErrorCode,
    message: string,
    readonly keptTemp: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'AtomicWriteFailure';
  }
}

const failure = (error: unknown, keptTemp?: string): AtomicWriteFailure => {
  const mapped = toAppFailure(error, 'save');
  return new AtomicWriteFailure(mapped.code, mapped.message, keptTemp, { cause: error });
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function renameWithRetry(io: FileIo, from: string, to: string, delays: readonly number[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await io.rename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !RENAME_RETRYABLE.has(errnoCode(error) ?? '')) throw error;
      await sleep(delay);
    }
  }
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  io: FileIo = nodeFileIo,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempNameFor(path);
  let fd: FileId;
  try {
    fd = await io.open(temp, 'wx');
  } catch (error) {
    throw failure(error);
  }

  // Close even when the write failed (Windows cannot unlink an open file), then drop the temp:
  // it is incomplete, so keeping it would only give the sweep something to throw away.
  let problem: { error: unknown } | undefined;
  try {
    await io.write(fd, bytes);
    await io.fsync(fd);
  } catch (error) {
    problem = { error };
  }
  try {
    await io.close(fd);
  } catch (error) {
    problem ??= { error };
  }
  if (problem !== undefined) {
    await io.unlink(temp).catch(() => undefined);
    throw failure(problem.error);
  }

  try {
    await renameWithRetry(io, temp, path, options.renameRetryDelaysMs ?? DEFAULT_RENAME_RETRY_DELAYS_MS);
  } catch (error) {
    throw failure(error, temp);
  }

  try {
    await io.fsyncDir(dirname(path));
  } catch (error) {
    // The new content is in place but may not survive a power cut: report, so it is saved again.
    throw failure(error);
  }
}
