import { isDeepStrictEqual } from 'node:util';
import type { Draft } from '../../../shared/model/draft';
import { AppFailure } from '../../../shared/ipc/result';

export const draftChangedElsewhere = (): AppFailure =>
  new AppFailure('CONFLICT', 'Not saved: this draft was changed by another program or on another computer since you opened it. Your text is still in the editor.');

/**
 * Whether a save edited from `baseRevision` would overwrite something it never saw. `ours` is
 * true when the file is exactly the one this store last wrote (same size and mtime):
 * then only Newsroom has touched it (a slug pinned by publishing counts as ours, even though it
 * moved the revision on). Otherwise another program or machine wrote it, and the save is refused
 * when the revision moved on, or when the text differs from what we last saw (an editor or sync
 * tool that kept the revision as it was).
 */
export function isStaleSave(input: { baseRevision: number; onDisk: Draft; ours: boolean; lastSeen: Draft | undefined }): boolean {
  if (input.ours) return false;
  if (input.onDisk.revision !== input.baseRevision) return true;
  return input.lastSeen !== undefined && !isDeepStrictEqual(input.onDisk.article, input.lastSeen.article);
}
