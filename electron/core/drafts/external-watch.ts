import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../ports';
import { DRAFT_FILE_NAME } from './draft-file';

export interface ExternalWatchOptions {
  /** The folder holding one folder per draft. */
  draftsDir: string;
  /** The drafts worth watching: the ones open or just saved (a few, never the whole library). */
  watched: () => Iterable<string>;
  /** Compares the draft's file with what the store last saw and, if another program changed it, re-reads it. */
  check: (id: string) => Promise<void>;
  logger: Logger;
  /** Synced and network folders often send no file events: their stamps are compared this often. */
  pollMs?: number;
}

/** Events for one save (temp file, rename) arrive in a burst: one check covers them. */
const SETTLE_MS = 60;

/**
 * Notices when another program or machine changes a draft that is open here. A file event (one
 * watcher per watched draft folder, so a library of 10,000 drafts costs a handful of watches, not
 * 10,000) makes it quick on a local disk; a slow poll of the same drafts catches what a sync
 * client or network share writes without events. Either way the store decides, by the file's
 * stamp, whether anything changed, so our own saves never count.
 */
export class ExternalWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly due = new Set<string>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pollTimer: ReturnType<typeof setInterval>;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: ExternalWatchOptions) {
    this.pollTimer = setInterval(() => this.poll(), options.pollMs ?? 2_000);
    this.pollTimer.unref();
    this.follow();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.pollTimer);
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Resolves when the checks asked for so far are done (tests, and quit). */
  async settled(): Promise<void> {
    while (this.settleTimer !== undefined || this.due.size > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await this.running;
  }

  private poll(): void {
    this.follow();
    for (const id of this.watchers.keys()) this.schedule(id);
  }

  /** Watches exactly the drafts the store names now: new ones get a watcher, dropped ones lose it. Cheap: a few drafts. */
  follow(): void {
    if (this.stopped) return;
    const wanted = new Set(this.options.watched());
    for (const [id, watcher] of this.watchers) {
      if (wanted.has(id)) continue;
      watcher.close();
      this.watchers.delete(id);
    }
    for (const id of wanted) {
      if (this.watchers.has(id)) continue;
      try {
        const watcher = watch(join(this.options.draftsDir, id), { persistent: false }, (_event, name) => {
          if (name === null || name === DRAFT_FILE_NAME) this.schedule(id);
        });
        // A folder moved to the trash or deleted: the poll drops the watcher with the draft.
        watcher.on('error', () => {
          watcher.close();
          if (this.watchers.get(id) === watcher) this.watchers.delete(id);
        });
        this.watchers.set(id, watcher);
      } catch (error) {
        // Some network file systems refuse watches: the poll still covers the draft.
        this.options.logger.info('draft folder not watched, polled instead', { id, error: String(error) });
      }
    }
  }

  private schedule(id: string): void {
    if (this.stopped) return;
    this.due.add(id);
    if (this.settleTimer !== undefined) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      const ids = [...this.due];
      this.due.clear();
      this.running = this.running.then(() => this.checkAll(ids));
    }, SETTLE_MS);
  }

  private async checkAll(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.stopped) return;
      await this.options.check(id).catch((error: unknown) => this.options.logger.warn('external change not checked', { id, error: String(error) }));
    }
  }
}
