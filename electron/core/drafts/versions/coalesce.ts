import { MAX_UNNAMED_VERSIONS, VERSION_BURST_MS } from '../../../../shared/model/versions';
import type { IndexEntry } from './version-file';

/**
 * What a save does to the versions: a typing burst is one version, not one per autosave. Pure,
 * so the rules are tested without a disk.
 */
export type SaveDecision =
  /** The newest version already holds this text. */
  | { kind: 'skip' }
  /** The newest version is this burst's: it takes the new text, keeping its id. */
  | { kind: 'update'; entry: IndexEntry }
  | { kind: 'add' };

export function decideAfterSave(entries: readonly IndexEntry[], fingerprint: string, now: Date): SaveDecision {
  const newest = entries.at(-1);
  if (newest === undefined) return { kind: 'add' };
  if (newest.fingerprint === fingerprint) return { kind: 'skip' };
  // Only an unnamed version grows: a named one stays the moment it was named.
  if (newest.kind === 'auto' && now.getTime() - Date.parse(newest.startedAt) < VERSION_BURST_MS) return { kind: 'update', entry: newest };
  return { kind: 'add' };
}

/** The unnamed versions beyond the newest 50 (entries are oldest first); named ones are never pruned. */
export function prunable(entries: readonly IndexEntry[], keep = MAX_UNNAMED_VERSIONS): IndexEntry[] {
  const auto = entries.filter((entry) => entry.kind === 'auto');
  return auto.slice(0, Math.max(0, auto.length - keep));
}
