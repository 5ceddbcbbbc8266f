import { join } from 'node:path';
import type { Draft, DraftProblem, DraftSummary } from '../../../shared/model/draft';
import { AppFailure } from '../../../shared/ipc/result';
import { pathExists } from '../fs/set-aside';
import type { DraftCatalog } from '../library/draft-catalog';
import { type FileStamp, sameStamp } from '../library/stamp';
import { type SummaryEntry, summaryOf } from '../library/summary-index';
import type { Logger } from '../ports';
import { DRAFT_FILE_NAME } from './draft-file';
import { DraftUnreadable } from './draft-reader';
import { mapLimit } from './map-limit';

/** What listing needs from the store. */
export interface ListContext {
  stamps(): Promise<Map<string, FileStamp | null>>;
  catalog: DraftCatalog;
  /** Runs `task` in the draft's queue, after the saves already issued to it. */
  inQueue<T>(id: string, task: () => Promise<T>): Promise<T>;
  /** Stats, then reads (and sets a damaged file aside) as DraftStore.read does. */
  read(id: string): Promise<{ draft: Draft; stamp: FileStamp | undefined }>;
  dirOf(id: string): string;
  logger: Logger;
}

type Listed = { entry: SummaryEntry } | { problem: DraftProblem } | undefined;

/** Reading a thousand drafts at once would run out of file handles. */
const READ_CONCURRENCY = 8;
const newestFirst = (a: SummaryEntry, b: SummaryEntry): number =>
  b.updatedMs - a.updatedMs || a.summary.id.localeCompare(b.summary.id);

/**
 * The list from the catalog where a draft's file has the stamp the catalog recorded; every other
 * draft (changed by us elsewhere, by another program, new, damaged) is read from its file.
 */
export async function listDrafts(ctx: ListContext): Promise<{ drafts: DraftSummary[]; problems: DraftProblem[] }> {
  const stamps = await ctx.stamps();
  const entries: SummaryEntry[] = [];
  const stale: string[] = [];
  for (const [id, stamp] of stamps) {
    const known = ctx.catalog.get(id);
    if (known !== undefined && stamp !== null && sameStamp(known.stamp, stamp)) entries.push(known);
    else stale.push(id);
  }
  const gone = ctx.catalog.ids().filter((id) => !stamps.has(id));
  const [listed] = await Promise.all([
    mapLimit(stale, READ_CONCURRENCY, (id) => ctx.inQueue(id, () => listOne(ctx, id))),
    // In the queue: a draft created since the readdir is not forgotten by mistake.
    mapLimit(gone, READ_CONCURRENCY, (id) => ctx.inQueue(id, () => forgetIfGone(ctx, id))),
  ]);
  const problems: DraftProblem[] = [];
  for (const item of listed) {
    if (item === undefined) continue;
    if ('entry' in item) entries.push(item.entry);
    else problems.push(item.problem);
  }
  // Saved here, not after each of our own saves: a crash then costs re-reading only what changed.
  if (stale.length > 0 || gone.length > 0) await ctx.catalog.flush();
  entries.sort(newestFirst);
  return { drafts: entries.map((entry) => entry.summary), problems };
}

async function listOne(ctx: ListContext, id: string): Promise<Listed> {
  try {
    const { draft, stamp } = await ctx.read(id);
    if (stamp !== undefined) return { entry: ctx.catalog.remember(id, draft, stamp) };
    // The file appeared between the stat and the read: listed now, catalogued on the next list.
    const summary = summaryOf(id, draft);
    return { entry: { summary, stamp: [0, 0], updatedMs: Date.parse(summary.updatedAt) } };
  } catch (error) {
    ctx.catalog.forget(id);
    // One bad draft becomes a problem in the list; it never fails the whole list.
    if (error instanceof AppFailure && error.code === 'NOT_FOUND') return undefined; // creation cut short
    const reason = error instanceof AppFailure ? error.message : 'The draft could not be read.';
    const keptAs = error instanceof DraftUnreadable ? error.keptAs : join(ctx.dirOf(id), DRAFT_FILE_NAME);
    if (!(error instanceof AppFailure)) ctx.logger.error('listing a draft failed', { id, error: String(error) });
    return { problem: { id, reason, keptAs } };
  }
}

async function forgetIfGone(ctx: ListContext, id: string): Promise<void> {
  if (!(await pathExists(ctx.dirOf(id)).catch(() => true))) ctx.catalog.forget(id);
}

