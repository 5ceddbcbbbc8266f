import { randomUUID } from 'node:crypto';
import { countBodyWords } from '../../../../shared/editor/word-count';
import type { Draft, DraftProblem } from '../../../../shared/model/draft';
import type { VersionKind, VersionMeta } from '../../../../shared/model/versions';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Handlers } from '../../../ipc/router';
import type { Clock, EmitEvent, Logger } from '../../ports';
import type { DraftStore } from '../draft-store';
import { KeyedQueue } from '../keyed-queue';
import { decideAfterSave, prunable } from './coalesce';
import { isRecoverable, recoverDraft } from './recover';
import type { Stamp } from '../../../../shared/model/review';
import { entryOf as plainEntryOf, fingerprintOf, type IndexEntry, metaOf as plainMetaOf, type StoredVersion, versionOf as plainVersionOf } from './version-file';
import { VersionStore } from './version-store';

export interface VersionsModule {
  handlers: Pick<Handlers, 'versions.list' | 'versions.open' | 'versions.name' | 'versions.restore' | 'drafts.recover'>;
  /** After every acknowledged save of a draft: coalesces saves into versions. */
  afterSave(draftId: string): Promise<void>;
  /** Problems from drafts.list, with `recoverable` set where a good version exists. */
  withRecovery(problems: DraftProblem[]): Promise<DraftProblem[]>;
  /** A version the app names at a key moment (the story went live on a CMS). */
  mark(draftId: string, kind: 'published' | 'filed', name: string): Promise<void>;
}

export interface VersionsDeps {
  drafts: DraftStore;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  /** Who is at this machine now, so each version records its author; null without a user. */
  currentUser?: () => Stamp | null;
}

/** version-file's views keep only the issue-6 fields; the author travels with them. */
const withBy = <T extends object>(view: T, source: VersionMeta): T => (source.by === undefined ? view : { ...view, by: source.by });
const metaOf = (entry: VersionMeta): VersionMeta => withBy(plainMetaOf(entry), entry);
const entryOf = (version: StoredVersion): IndexEntry => withBy(plainEntryOf(version), version);
const versionOf = (stored: StoredVersion) => withBy(plainVersionOf(stored), stored);

const versionGone = (): AppFailure => new AppFailure('NOT_FOUND', 'This version no longer exists.');
const versionDamaged = (): AppFailure =>
  new AppFailure('NOT_FOUND', 'This version could not be read; its damaged file was set aside. The other versions are still there.');

/** How the journalist knows the version: its name, or when it was saved (in this computer's time zone). */
function labelOf(entry: VersionMeta): string {
  if (entry.name !== undefined) return `“${entry.name}”`;
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(entry.savedAt));
  return `the version of ${when}`;
}

/**
 * Versions of each draft (issue 6), kept beside it in `versions/`. Every operation on one draft's
 * versions runs in that draft's queue, so a burst of saves and a restore never interleave.
 */
export function createVersions(deps: VersionsDeps): Promise<VersionsModule> {
  const { drafts, clock, logger } = deps;
  const store = new VersionStore({ folderOf: (id) => drafts.folderOf(id), clock, logger });
  const queue = new KeyedQueue();
  const recovery = { drafts, versions: store, clock, logger };

  const snapshot = (draft: Draft, kind: VersionKind, name?: string): StoredVersion => {
    const by = deps.currentUser?.() ?? null;
    return {
      id: randomUUID(),
      draftId: draft.id,
      revision: draft.revision,
      savedAt: draft.updatedAt,
      kind,
      ...(name === undefined ? {} : { name }),
      headline: draft.article.headline,
      wordCount: countBodyWords(draft.article.body),
      article: draft.article,
      startedAt: clock.now().toISOString(),
      draftCreatedAt: draft.createdAt,
      publication: draft.publication,
      review: draft.review,
      ...(by === null ? {} : { by }),
    };
  };

  /** Writes the version, then the index without the unnamed versions beyond the 50 kept. */
  const add = async (draftId: string, entries: IndexEntry[], version: StoredVersion): Promise<IndexEntry[]> => {
    await store.put(draftId, version);
    const added = [...entries, entryOf(version)];
    const pruned = new Set(prunable(added).map((entry) => entry.id));
    const kept = added.filter((entry) => !pruned.has(entry.id));
    await store.saveIndex(draftId, kept);
    // After the index: a crash in between leaves files the next rebuild lists, never an index pointing at nothing.
    await store.drop(draftId, [...pruned]);
    return kept;
  };

  const named = (draftId: string, kind: VersionKind, name: string): Promise<VersionMeta> =>
    queue.run(draftId, async () => {
      const entries = await store.entries(draftId);
      const version = snapshot(await drafts.read(draftId), kind, name);
      await add(draftId, entries, version);
      return metaOf(version);
    });

  const afterSave = (draftId: string): Promise<void> =>
    queue.run(draftId, async () => {
      const entries = await store.entries(draftId);
      const draft = await drafts.read(draftId);
      const decision = decideAfterSave(entries, fingerprintOf(draft.article), clock.now());
      if (decision.kind === 'skip') return;
      if (decision.kind === 'add') {
        await add(draftId, entries, snapshot(draft, 'auto'));
        return;
      }
      // The same burst: the version takes the new text under its id and keeps when the burst began.
      const version: StoredVersion = { ...snapshot(draft, 'auto'), id: decision.entry.id, startedAt: decision.entry.startedAt };
      await store.put(draftId, version);
      await store.saveIndex(draftId, entries.map((entry) => (entry.id === version.id ? entryOf(version) : entry)));
    });

  const restore = (draftId: string, versionId: string): Promise<Draft> =>
    queue.run(draftId, async () => {
      let entries = await store.entries(draftId);
      const entry = entries.find((candidate) => candidate.id === versionId);
      if (entry === undefined) throw versionGone();
      const chosen = await store.read(draftId, versionId);
      if (chosen.kind !== 'ok') throw chosen.kind === 'damaged' ? versionDamaged() : versionGone();
      const label = `Before restoring ${labelOf(entry)}`;
      // The current text is kept first: if writing it fails, the draft is left as it was.
      const current = await drafts.read(draftId);
      entries = await add(draftId, entries, snapshot(current, 'restored', label));
      const { before, revision } = await drafts.updateArticle(draftId, () => chosen.version.article);
      // A save that landed between our read and the restore is kept too.
      if (before.revision !== current.revision) await add(draftId, entries, snapshot(before, 'restored', label));
      deps.emit('drafts.changed', { id: draftId, revision, reason: 'version' });
      return drafts.read(draftId);
    });

  const list = (draftId: string): Promise<{ versions: VersionMeta[] }> =>
    queue.run(draftId, async () => {
      const entries = await store.entries(draftId);
      if (entries.length === 0) await drafts.read(draftId); // NOT_FOUND for a draft that is not there
      return { versions: entries.toReversed().map(metaOf) };
    });

  const open = (draftId: string, versionId: string) =>
    queue.run(draftId, async () => {
      const read = await store.read(draftId, versionId);
      if (read.kind === 'ok') return versionOf(read.version);
      throw read.kind === 'damaged' ? versionDamaged() : versionGone();
    });

  return Promise.resolve({
    handlers: {
      'versions.list': (input) => list(input.draftId),
      'versions.open': (input) => open(input.draftId, input.versionId),
      'versions.name': (input) => named(input.draftId, 'named', input.name),
      'versions.restore': (input) => restore(input.draftId, input.versionId),
      'drafts.recover': async (input) => {
        const draft = await queue.run(input.id, () => recoverDraft(recovery, input.id));
        deps.emit('drafts.changed', { id: draft.id, revision: draft.revision, reason: 'version' });
        return draft;
      },
    },
    afterSave,
    withRecovery: (problems) =>
      Promise.all(problems.map(async (problem) => ({ ...problem, recoverable: await queue.run(problem.id, () => isRecoverable(recovery, problem)) }))),
    mark: async (draftId, kind, name) => {
      await named(draftId, kind, name);
    },
  });
}
