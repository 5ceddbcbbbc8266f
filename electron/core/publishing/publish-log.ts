import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../../shared/ipc/result';
import { writeFileAtomic } from '../fs/atomic-write';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { isNotFound, toAppFailure } from '../fs/fs-errors';
import { setAside } from '../fs/set-aside';
import { KeyedQueue } from '../drafts/keyed-queue';
import { type Clock, systemClock } from '../ports';
import { type LogEntry, LogEntrySchema, type PublishLog } from '../../../shared/model/publishing';

export { LOG_ACTIONS, type LogAction, type LogEntry, LogEntrySchema, type LiveState, latestFor, liveState, type PublishLog } from '../../../shared/model/publishing';

/**
 * The publish log of one draft: every action the journalist asked for on every CMS profile, what
 * became of it and where the story went. It lives next to the draft (`publish-log.json`), so it
 * travels with the draft folder, and it is what "is the live copy behind my draft?" is answered from.
 */
export const PUBLISH_LOG_FILE = 'publish-log.json';
export const PUBLISH_LOG_FORMAT = 'newsroom-publish-log';
export const PUBLISH_LOG_SCHEMA_VERSION = 1;

const LogFileSchema = z.object({
  format: z.literal(PUBLISH_LOG_FORMAT),
  schemaVersion: z.literal(PUBLISH_LOG_SCHEMA_VERSION),
  entries: z.array(LogEntrySchema),
});

export interface LogRead {
  log: PublishLog;
  /** Said in plain words when the file could not be used (damaged and set aside, or from a newer Newsroom). */
  problem?: string;
  /** A newer Newsroom's log: read as empty and never overwritten. */
  readOnly?: boolean;
}

export interface PublishLogStoreOptions {
  /** The draft's folder (DraftStore.folderOf); NOT_FOUND for a malformed id. */
  folderOf: (draftId: string) => string;
  clock?: Clock;
  io?: FileIo;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and changes publish logs. Every read-modify-write of one draft's log runs in that draft's
 * queue, so progress arriving from the outbox never loses an entry appended at the same moment.
 */
export class PublishLogStore {
  private readonly queue = new KeyedQueue();
  private readonly clock: Clock;
  private readonly io: FileIo;

  constructor(private readonly options: PublishLogStoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.io = options.io ?? nodeFileIo;
  }

  read(draftId: string): Promise<LogRead> {
    return this.queue.run(draftId, () => this.load(draftId));
  }

  append(draftId: string, entry: LogEntry): Promise<PublishLog> {
    const checked = LogEntrySchema.parse(entry);
    return this.change(draftId, (log) => ({ entries: [...log.entries, checked] }));
  }

  /** Applies `patch` to the entry of `jobId`; resolves to false (nothing written) when the log has no such entry. */
  update(draftId: string, jobId: string, patch: (entry: LogEntry) => LogEntry): Promise<boolean> {
    let found = false;
    return this.change(draftId, (log) => {
      const index = log.entries.findIndex((entry) => entry.jobId === jobId);
      if (index < 0) return null;
      const current = log.entries[index] as LogEntry;
      const next = LogEntrySchema.parse(patch(current));
      if (JSON.stringify(next) === JSON.stringify(current)) return null;
      found = true;
      return { entries: log.entries.with(index, next) };
    }).then(() => found);
  }

  /** Resolves when every change issued so far is on disk. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  private change(draftId: string, edit: (log: PublishLog) => PublishLog | null): Promise<PublishLog> {
    return this.queue.run(draftId, async () => {
      const read = await this.load(draftId);
      if (read.readOnly) throw new AppFailure('IO_ERROR', read.problem ?? 'The publish log cannot be changed.');
      const next = edit(read.log);
      if (next === null) return read.log;
      await this.write(draftId, next);
      return next;
    });
  }

  private pathOf(draftId: string): string {
    return join(this.options.folderOf(draftId), PUBLISH_LOG_FILE);
  }

  private async load(draftId: string): Promise<LogRead> {
    const path = this.pathOf(draftId);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { log: { entries: [] } };
      throw toAppFailure(error, 'read');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      raw = undefined;
    }
    const version = isRecord(raw) && raw.format === PUBLISH_LOG_FORMAT ? raw.schemaVersion : undefined;
    if (typeof version === 'number' && version > PUBLISH_LOG_SCHEMA_VERSION) {
      return {
        log: { entries: [] },
        readOnly: true,
        problem: 'This story’s publish log was written by a newer version of Newsroom; update Newsroom to see it or to publish this story.',
      };
    }
    const parsed = LogFileSchema.safeParse(raw);
    if (parsed.success) return { log: { entries: parsed.data.entries } };
    // Damaged: kept byte for byte for a person to look at, and a new log starts; never overwritten.
    const keptAs = await setAside(path, this.clock, this.io).catch((error: unknown) => {
      throw toAppFailure(error, 'read');
    });
    const name = keptAs.slice(keptAs.lastIndexOf(PUBLISH_LOG_FILE));
    return {
      log: { entries: [] },
      problem: `This story’s publish log was damaged, so it was set aside as ${name} in the draft’s folder and a new one was started. Earlier publishing history is not shown.`,
    };
  }

  private async write(draftId: string, log: PublishLog): Promise<void> {
    const file = { format: PUBLISH_LOG_FORMAT, schemaVersion: PUBLISH_LOG_SCHEMA_VERSION, entries: log.entries };
    await writeFileAtomic(this.pathOf(draftId), `${JSON.stringify(file, null, 2)}\n`, this.io);
  }
}
