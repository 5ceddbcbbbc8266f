import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AtomicWriteFailure, writeFileAtomic } from '../fs/atomic-write';
import type { FileIo } from '../fs/file-io';
import { errnoCode, isNotFound } from '../fs/fs-errors';
import type { Logger } from '../ports';

export type IndexRead = { kind: 'ok'; json: unknown } | { kind: 'missing' } | { kind: 'damaged'; reason: string };

/**
 * One index file under `<data>/index/`: a cache of what the draft files say, never the only copy
 * of anything. So it is written atomically (a reader never sees half of it) but only when the
 * owner asks (`flush`), never from a timer: a background write could land in a folder being
 * moved or deleted. Losing the last changes to a crash costs nothing but time: the next start
 * finds those drafts' stamps changed and reads them again.
 */
export class IndexFile {
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    readonly path: string,
    private readonly serialize: () => string,
    private readonly options: { io: FileIo; logger: Logger },
  ) {}

  async read(): Promise<IndexRead> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { kind: 'missing' };
      return { kind: 'damaged', reason: `unreadable (${errnoCode(error) ?? String(error)})` };
    }
    try {
      return { kind: 'ok', json: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'damaged', reason: 'not valid JSON' };
    }
  }

  /** Something changed: the next flush writes. */
  changed(): void {
    this.dirty = true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Writes now if anything changed since the last write; resolves when it is on disk. */
  async flush(): Promise<void> {
    await this.settle();
    if (!this.dirty) return;
    this.dirty = false;
    this.writing = this.write().finally(() => (this.writing = undefined));
    await this.writing;
  }

  /** Resolves once no write is in flight, without starting one. */
  async settle(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  private async write(): Promise<void> {
    const { io, logger } = this.options;
    try {
      // Not recursive: if the data folder itself is gone, do not bring it back.
      await mkdir(dirname(this.path)).catch((error: unknown) => {
        if (errnoCode(error) !== 'EEXIST') throw error;
      });
      await writeFileAtomic(this.path, this.serialize(), io, { renameRetryDelaysMs: [50, 200] });
    } catch (error) {
      this.dirty = true; // tried again on the next change or flush
      if (error instanceof AtomicWriteFailure && error.keptTemp !== undefined) await io.unlink(error.keptTemp).catch(() => undefined);
      logger.warn('could not write a library index file', { path: this.path, error: String(error) });
    }
  }
}
