import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';
import { type FileIo, nodeFileIo } from '../../fs/file-io';
import { errnoCode, isNotFound, toAppFailure } from '../../fs/fs-errors';
import { setAside } from '../../fs/set-aside';
import { sweepTempFiles } from '../../fs/temp-sweep';
import type { Clock, Logger } from '../../ports';
import { draftNotFound } from '../draft-reader';
import {
  entryOf,
  INDEX_FILE_NAME,
  type IndexEntry,
  isVersionsFileText,
  parseIndex,
  parseVersion,
  serializeIndex,
  serializeVersion,
  type StoredVersion,
  versionFileName,
  versionIdOfFile,
  VERSIONS_FOLDER,
} from './version-file';

export interface VersionStoreDeps {
  /** The draft's folder (DraftStore.folderOf): NOT_FOUND for an id that is not a draft id. */
  folderOf(draftId: string): string;
  clock: Clock;
  logger: Logger;
  io?: FileIo;
}

export type ReadVersion = { kind: 'ok'; version: StoredVersion } | { kind: 'missing' } | { kind: 'damaged' };

const readText = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw toAppFailure(error, 'read');
  }
};

const sameIds = (entries: readonly IndexEntry[], ids: ReadonlySet<string>): boolean =>
  entries.length === ids.size && entries.every((entry) => ids.has(entry.id));

/** Oldest first, as the index keeps them; a rebuild has only the times to go by. */
const byAge = (a: IndexEntry, b: IndexEntry): number => Date.parse(a.savedAt) - Date.parse(b.savedAt) || a.revision - b.revision;

/**
 * The files of a draft's versions (see version-file.ts). No queue here: the caller runs every
 * operation on one draft in that draft's queue. A damaged version file is set aside and skipped,
 * never fatal; the index follows the files, never the other way round.
 */
export class VersionStore {
  private readonly io: FileIo;
  /** Drafts whose versions folder was cleared of crash leftovers this session. */
  private readonly swept = new Set<string>();

  constructor(private readonly deps: VersionStoreDeps) {
    this.io = deps.io ?? nodeFileIo;
  }

  dirOf(draftId: string): string {
    return join(this.deps.folderOf(draftId), VERSIONS_FOLDER);
  }

  /** Every version's metadata, oldest first; the index is rebuilt when missing, damaged or out of step with the files. */
  async entries(draftId: string): Promise<IndexEntry[]> {
    const dir = this.dirOf(draftId);
    let names = await this.names(dir);
    if (names === undefined) return [];
    if (await this.sweepOnce(draftId, dir, names)) names = (await this.names(dir)) ?? [];
    const ids = new Set(names.flatMap((name) => versionIdOfFile(name) ?? []));
    const text = await readText(join(dir, INDEX_FILE_NAME));
    const indexed = text === undefined ? undefined : parseIndex(text);
    if (indexed !== undefined && sameIds(indexed, ids)) return indexed;
    // A crash between a version and its index, a deleted file, or a damaged index: the files decide.
    if (text !== undefined) this.deps.logger.warn('versions index rebuilt', { draftId, damaged: indexed === undefined });
    return this.rebuild(draftId, dir, ids);
  }

  /** The stored version, or why there is none: a damaged file is set aside (and left out of the next index). */
  async read(draftId: string, versionId: string): Promise<ReadVersion> {
    const file = join(this.dirOf(draftId), versionFileName(versionId));
    const text = await readText(file);
    if (text === undefined) return { kind: 'missing' };
    const version = parseVersion(text, versionId);
    if (version !== undefined) return { kind: 'ok', version };
    await this.setAsideDamaged(draftId, file);
    return { kind: 'damaged' };
  }

  /** The version if its file reads; undefined otherwise. */
  async readGood(draftId: string, versionId: string): Promise<StoredVersion | undefined> {
    const read = await this.read(draftId, versionId);
    return read.kind === 'ok' ? read.version : undefined;
  }

  /** Writes one version's file (crash-safe); the index is written by `saveIndex` after it. */
  async put(draftId: string, version: StoredVersion): Promise<void> {
    const dir = this.dirOf(draftId);
    try {
      // Not recursive: a draft moved to the trash meanwhile must not reappear as a folder of versions only.
      await mkdir(dir);
    } catch (error) {
      if (isNotFound(error)) throw draftNotFound();
      if (errnoCode(error) !== 'EEXIST') throw toAppFailure(error, 'save');
    }
    await writeFileAtomic(join(dir, versionFileName(version.id)), serializeVersion(version), this.io);
  }

  async saveIndex(draftId: string, entries: readonly IndexEntry[]): Promise<void> {
    await writeFileAtomic(join(this.dirOf(draftId), INDEX_FILE_NAME), serializeIndex(entries), this.io);
  }

  /** Deletes versions' files; a file already gone is fine. */
  async drop(draftId: string, versionIds: readonly string[]): Promise<void> {
    const dir = this.dirOf(draftId);
    for (const id of versionIds) {
      await this.io.unlink(join(dir, versionFileName(id))).catch((error: unknown) => {
        if (!isNotFound(error)) throw toAppFailure(error, 'save');
      });
    }
  }

  /** Undefined when the draft has no versions folder yet. */
  private async names(dir: string): Promise<string[] | undefined> {
    try {
      return await readdir(dir);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw toAppFailure(error, 'read');
    }
  }

  private async rebuild(draftId: string, dir: string, ids: ReadonlySet<string>): Promise<IndexEntry[]> {
    const entries: IndexEntry[] = [];
    for (const id of ids) {
      const version = await this.readGood(draftId, id);
      if (version !== undefined) entries.push(entryOf(version));
    }
    entries.sort(byAge);
    try {
      await writeFileAtomic(join(dir, INDEX_FILE_NAME), serializeIndex(entries), this.io);
    } catch (error) {
      // The index is a cache: the versions are listed from the files all the same.
      this.deps.logger.warn('versions index not written', { draftId, error: String(error) });
    }
    return entries;
  }

  private async setAsideDamaged(draftId: string, file: string): Promise<void> {
    try {
      const keptAs = await setAside(file, this.deps.clock, this.io);
      this.deps.logger.warn('damaged version set aside', { draftId, keptAs });
    } catch (error) {
      this.deps.logger.error('could not set a damaged version aside', { draftId, file, error: String(error) });
    }
  }

  /**
   * A kill -9 during a version write leaves `<name>.<random>.tmp`: a valid one whose target is
   * missing or damaged takes its place, the rest are deleted (the same rule as for drafts).
   * Says whether it swept, since the folder's names may then have changed.
   */
  private async sweepOnce(draftId: string, dir: string, names: readonly string[]): Promise<boolean> {
    if (this.swept.has(draftId)) return false;
    this.swept.add(draftId);
    if (!names.some((name) => name.endsWith('.tmp'))) return false;
    await sweepTempFiles(dir, {
      isValid: isVersionsFileText,
      io: this.io,
      clock: this.deps.clock,
      logger: this.deps.logger,
    }).catch((error: unknown) => this.deps.logger.warn('versions temp sweep failed', { draftId, error: String(error) }));
    return true;
  }
}
