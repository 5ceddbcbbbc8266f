import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/ipc/result';
import { HOLD_STALE_MS, type Holder, HolderSchema } from '../../../shared/model/review';
import { writeFileAtomic } from '../fs/atomic-write';
import { KeyedQueue } from '../drafts/keyed-queue';
import type { Clock, Logger } from '../ports';
import type { UserSettings } from './user-settings';

/** Beside draft.json, never inside it: holding a draft must not change its text, revision or stamps. */
export const HOLDER_FILE = 'holder.json';

export type ClaimState = 'mine' | 'held' | 'stale';

export interface HandoffPorts {
  folderOf: (draftId: string) => string;
  users: UserSettings;
  clock: Clock;
  logger: Logger;
}

/**
 * The hand-off for a drafts folder shared by several machines (a network or synced folder): the
 * machine that opens a draft leaves a holder.json saying who has it and since when, refreshed
 * while it stays open, so a second person opens it read-only instead of overwriting each other.
 * A hold not refreshed for HOLD_STALE_MS (a crash, a laptop closed) may be taken over, with a warning.
 */
export class Handoff {
  private readonly queue = new KeyedQueue();

  constructor(private readonly ports: HandoffPorts) {}

  claim(draftId: string, takeOver = false): Promise<{ state: ClaimState; holder: Holder | null }> {
    return this.queue.run(draftId, async () => {
      const user = this.ports.users.user();
      if (user === null) throw new AppFailure('NOT_ALLOWED', 'Set your name first, so others can see who has this draft open.');
      const folder = await this.folder(draftId);
      const installId = this.ports.users.installId();
      const current = await this.read(folder);
      const now = this.ports.clock.now();
      if (current !== null && current.installId !== installId) {
        const unseenMs = now.getTime() - Date.parse(current.seenAt);
        if (unseenMs < HOLD_STALE_MS) return { state: 'held', holder: current };
        if (!takeOver) return { state: 'stale', holder: current };
        this.ports.logger.warn('stale hold taken over', { draftId, from: current.name, seenAt: current.seenAt });
      }
      const since = current !== null && current.installId === installId ? current.since : now.toISOString();
      const mine: Holder = { name: user.name, initials: user.initials, installId, since, seenAt: now.toISOString() };
      await writeFileAtomic(join(folder, HOLDER_FILE), `${JSON.stringify(mine, null, 2)}\n`);
      return { state: 'mine', holder: mine };
    });
  }

  /** Lets go only of this install's own hold: closing a draft someone else holds leaves theirs alone. */
  release(draftId: string): Promise<void> {
    return this.queue.run(draftId, async () => {
      const folder = this.ports.folderOf(draftId);
      const current = await this.read(folder);
      if (current === null || current.installId !== this.ports.users.installId()) return;
      await rm(join(folder, HOLDER_FILE), { force: true });
    });
  }

  private async folder(draftId: string): Promise<string> {
    const folder = this.ports.folderOf(draftId);
    const found = await stat(folder).catch(() => undefined);
    if (found?.isDirectory() !== true) throw new AppFailure('NOT_FOUND', 'This draft is no longer in the drafts folder.');
    return folder;
  }

  /** A missing, unreadable or damaged holder.json is no holder: a broken file must not lock a draft for good. */
  private async read(folder: string): Promise<Holder | null> {
    let text: string;
    try {
      text = await readFile(join(folder, HOLDER_FILE), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = HolderSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: same as not valid
    }
    this.ports.logger.warn('holder.json is damaged; treated as no holder', { folder });
    return null;
  }
}
