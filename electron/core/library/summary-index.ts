import { countBodyWords } from '../../../shared/editor/word-count';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { WORKFLOW_STATUSES } from '../../../shared/model/review';
import type { FileStamp } from './stamp';

/** Bump when DraftSummary or this file's shape changes: an older file is then rebuilt. */
// 2: createdAt, section, byline and state for the library's filters; 3: the desk status (issue 7)
export const SUMMARY_INDEX_VERSION = 3;
const FORMAT = 'newsroom-summaries';

type DraftState = DraftSummary['state'];
const STATES: ReadonlySet<unknown> = new Set<DraftState>(['draft', 'live', 'scheduled', 'unpublished']);
const STATUSES: ReadonlySet<unknown> = new Set<unknown>(WORKFLOW_STATUSES);

export function summaryOf(id: string, draft: Draft): DraftSummary {
  // The latest copy any destination accepted; a walking-skeleton WordPress record before that.
  const { latest, wordpress } = draft.publication;
  const live = latest === undefined ? wordpress : latest.state === 'unpublished' ? undefined : latest;
  // A legacy WordPress record only ever meant "published": it has no schedule or unpublish.
  const state: DraftState = latest?.state ?? (wordpress === undefined ? 'draft' : 'live');
  return {
    id,
    headline: draft.article.headline,
    wordCount: countBodyWords(draft.article.body),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    published: live !== undefined,
    ...(live === undefined ? {} : { publishedUrl: live.url }),
    section: draft.article.section,
    byline: draft.article.byline,
    state,
    status: draft.review.status,
  };
}

export interface SummaryEntry {
  stamp: FileStamp;
  summary: DraftSummary;
  /** updatedAt as a number, so sorting 10,000 drafts does not parse 260,000 dates. */
  updatedMs: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * One saved entry, checked by hand: zod took 340 ms over 10,000 entries at start-up, most of the
 * cold-list budget. The file is our own output; this guards against damage, not against an
 * adversary (ids come from folder names, and every entry is used only while its stamp matches).
 */
function entryFrom(id: string, raw: unknown): SummaryEntry | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.stamp) || !isRecord(raw.summary)) return undefined;
  const [size, mtimeMs] = raw.stamp as unknown[];
  const { headline, wordCount, createdAt, updatedAt, published, publishedUrl, section, byline, state, status } = raw.summary;
  if (!isCount(size) || typeof mtimeMs !== 'number' || raw.summary.id !== id) return undefined;
  if (typeof headline !== 'string' || !isCount(wordCount) || typeof published !== 'boolean') return undefined;
  if (!isDate(createdAt) || typeof section !== 'string' || !isStrings(byline) || !STATES.has(state) || !STATUSES.has(status)) return undefined;
  const updatedMs = typeof updatedAt === 'string' ? Date.parse(updatedAt) : Number.NaN;
  if (Number.isNaN(updatedMs) || (publishedUrl !== undefined && typeof publishedUrl !== 'string')) return undefined;
  const summary: DraftSummary = {
    id,
    headline,
    wordCount,
    createdAt,
    updatedAt: updatedAt as string,
    published,
    section,
    byline,
    state: state as DraftState,
    status: status as DraftSummary['status'],
  };
  if (publishedUrl !== undefined) summary.publishedUrl = publishedUrl;
  return { stamp: [size, mtimeMs], summary, updatedMs };
}

/**
 * Each draft's list entry with the stamp its file had when the entry was made. An entry is only
 * ever used while the file still has that stamp; anything else is read from the file again.
 */
export class SummaryIndex {
  private readonly entries = new Map<string, SummaryEntry>();

  /**
   * What a saved index holds, or a reason to rebuild it. Entries that do not check out are
   * left out one by one (those drafts are simply read again); a bad header drops everything.
   */
  static fromJSON(json: unknown): { index: SummaryIndex; dropped: number } | { damaged: string } {
    if (!isRecord(json) || json.format !== FORMAT || json.version !== SUMMARY_INDEX_VERSION || !isRecord(json.drafts)) {
      return { damaged: 'not a summary index of this version' };
    }
    const index = new SummaryIndex();
    let dropped = 0;
    for (const [id, raw] of Object.entries(json.drafts)) {
      const entry = entryFrom(id, raw);
      if (entry === undefined) dropped += 1;
      else index.entries.set(id, entry);
    }
    return { index, dropped };
  }

  get(id: string): SummaryEntry | undefined {
    return this.entries.get(id);
  }

  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  put(id: string, stamp: FileStamp, summary: DraftSummary): void {
    this.entries.set(id, { stamp, summary, updatedMs: Date.parse(summary.updatedAt) });
  }

  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  toJSON(): unknown {
    const drafts: Record<string, { stamp: FileStamp; summary: DraftSummary }> = {};
    for (const [id, { stamp, summary }] of this.entries) drafts[id] = { stamp, summary };
    return { format: FORMAT, version: SUMMARY_INDEX_VERSION, drafts };
  }
}
