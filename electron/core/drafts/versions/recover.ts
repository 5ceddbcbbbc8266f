import { newReviewRecord } from '../../../../shared/model/review';
import { join } from 'node:path';
import type { Draft, DraftProblem } from '../../../../shared/model/draft';
import { AppFailure } from '../../../../shared/ipc/result';
import { writeFileAtomic } from '../../fs/atomic-write';
import { type FileIo, nodeFileIo } from '../../fs/file-io';
import { pathExists } from '../../fs/set-aside';
import type { Clock, Logger } from '../../ports';
import { DRAFT_FILE_NAME, serializeDraft } from '../draft-file';
import type { DraftStore } from '../draft-store';
import type { IndexEntry, StoredVersion } from './version-file';
import type { VersionStore } from './version-store';

export interface RecoveryDeps {
  drafts: Pick<DraftStore, 'read' | 'folderOf'>;
  versions: VersionStore;
  clock: Clock;
  logger: Logger;
  io?: FileIo;
}

/** The newest version whose file still reads; damaged ones on the way are set aside by the store. */
export async function newestGoodVersion(versions: VersionStore, draftId: string, entries: readonly IndexEntry[]): Promise<StoredVersion | undefined> {
  for (const entry of entries.toReversed()) {
    const version = await versions.readGood(draftId, entry.id);
    if (version !== undefined) return version;
  }
  return undefined;
}

const nothingToRecover = (): AppFailure =>
  new AppFailure('NOT_FOUND', 'No earlier version of this draft could be read, so it cannot be brought back. Its damaged file is still kept aside.');

/**
 * Brings a damaged draft back from its newest good version: a valid draft file is written in the
 * place of the one the store set aside (which stays where it is). A draft that reads fine is
 * returned as it is, so a second click changes nothing; a file from a newer Newsroom (still in
 * place, unread) is never replaced. The caller holds the draft's versions queue.
 */
export async function recoverDraft(deps: RecoveryDeps, id: string): Promise<Draft> {
  const dir = deps.drafts.folderOf(id);
  const file = join(dir, DRAFT_FILE_NAME);
  try {
    return await deps.drafts.read(id);
  } catch (error) {
    const missing = error instanceof AppFailure && error.code === 'NOT_FOUND';
    // NOT_FOUND: the file is gone without a kept copy; recoverable only if the folder and its versions are there.
    if (!(error instanceof AppFailure) || !(error.code === 'DRAFT_CORRUPT' || missing)) throw error;
    if (missing && !(await pathExists(dir))) throw error;
    if (!missing && (await pathExists(file))) throw error; // written by a newer Newsroom: left for it to open
  }
  const version = await newestGoodVersion(deps.versions, id, await deps.versions.entries(id));
  if (version === undefined) throw nothingToRecover();
  const now = deps.clock.now().toISOString();
  const draft: Draft = {
    id,
    createdAt: version.draftCreatedAt ?? now,
    updatedAt: now,
    revision: version.revision + 1,
    article: version.article,
    publication: version.publication ?? {},
    review: version.review ?? newReviewRecord(),
  };
  // Another program may have put a file back meanwhile: then that file is the draft, not ours.
  if (await pathExists(file)) return deps.drafts.read(id);
  await writeFileAtomic(file, serializeDraft(draft), deps.io ?? nodeFileIo);
  deps.logger.info('draft recovered from a version', { id, versionId: version.id, revision: draft.revision });
  return deps.drafts.read(id);
}

/** Whether `problem`'s draft has a good version to come back from (false when unsure: never a broken promise). */
export async function isRecoverable(deps: RecoveryDeps, problem: DraftProblem): Promise<boolean> {
  try {
    const dir = deps.drafts.folderOf(problem.id);
    if (await pathExists(join(dir, DRAFT_FILE_NAME))) return false; // a newer Newsroom's file, or fixed meanwhile
    const version = await newestGoodVersion(deps.versions, problem.id, await deps.versions.entries(problem.id));
    return version !== undefined;
  } catch (error) {
    deps.logger.warn('could not check versions of a damaged draft', { id: problem.id, error: String(error) });
    return false;
  }
}
