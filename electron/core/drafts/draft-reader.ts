import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import { AppFailure } from '../../../shared/ipc/result';
import type { FileIo } from '../fs/file-io';
import { isNotFound, toAppFailure } from '../fs/fs-errors';
import { CORRUPT_MARK, setAside } from '../fs/set-aside';
import type { Clock, Logger } from '../ports';
import { checkDraftText, DRAFT_FILE_NAME, NEWER_VERSION_REASON } from './draft-file';

/** A draft that exists but cannot be opened; `keptAs` is where its file is now. */
export class DraftUnreadable extends AppFailure {
  constructor(
    message: string,
    readonly keptAs: string,
  ) {
    super('DRAFT_CORRUPT', message);
  }
}

export const draftNotFound = (): AppFailure =>
  new AppFailure('NOT_FOUND', 'This draft no longer exists. It may have been moved to the trash.');

export interface ReaderDeps {
  clock: Clock;
  io: FileIo;
  logger: Logger;
}

/** The newest `draft.json.corrupt-…` in a draft folder (the stamps sort as text). */
async function latestSetAside(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const kept = names.filter((name) => name.startsWith(`${DRAFT_FILE_NAME}${CORRUPT_MARK}`)).sort();
  const last = kept.at(-1);
  return last === undefined ? undefined : join(dir, last);
}

/**
 * Reads the draft in folder `dir`. A damaged file is set aside here, byte for byte, so every
 * caller (list, read, save) handles it the same way and it happens once; the caller must hold
 * the draft's queue. A file from a newer Newsroom is left where it is: that app can read it.
 */
export async function loadDraft(dir: string, id: string, action: 'read' | 'save', deps: ReaderDeps): Promise<Draft> {
  const file = join(dir, DRAFT_FILE_NAME);
  // Far beyond any story (images live in assets/): not read and parsed whole, which took seconds.
  const size = await stat(file).then((info) => info.size, () => undefined);
  if (size !== undefined && size > MAX_DRAFT_FILE_BYTES) {
    return setAsideDamaged(file, id, `The draft file is damaged: it is ${Math.round(size / 1_000_000)} MB, far larger than any story, so it was not opened.`, undefined, deps);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!isNotFound(error)) throw toAppFailure(error, action);
    // Still reported after the first time, so the problem stays visible until someone acts.
    const earlier = await latestSetAside(dir);
    if (earlier === undefined) throw draftNotFound();
    throw new DraftUnreadable('This draft could not be read; its damaged file was set aside.', earlier);
  }
  const check = checkDraftText(text);
  if (check.kind === 'ok') return { ...check.draft, id }; // the folder name is the identity
  if (check.kind === 'newer') throw new DraftUnreadable(`${NEWER_VERSION_REASON} Update Newsroom to open it.`, file);
  return setAsideDamaged(file, id, check.reason, check.detail, deps);
}

/** A draft file larger than this is taken as damaged: a 50,000-word story is a few MB. */
export const MAX_DRAFT_FILE_BYTES = 50 * 1024 * 1024;

async function setAsideDamaged(file: string, id: string, reason: string, detail: string | undefined, deps: ReaderDeps): Promise<never> {
  let keptAs = file;
  try {
    keptAs = await setAside(file, deps.clock, deps.io);
  } catch (error) {
    deps.logger.error('could not set a damaged draft aside', { id, error: String(error) });
  }
  deps.logger.warn('damaged draft set aside', { id, reason, detail, keptAs });
  throw new DraftUnreadable(reason, keptAs);
}
