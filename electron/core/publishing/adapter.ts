import { z } from 'zod';
import type { ImageMediaType } from '../../../shared/ipc/contract';
import { type Article, CompleteArticleSchema } from '../../../shared/model/article';
import { type OutboxJob, RemoteResultSchema } from '../outbox/job';
import { type OutboxTransport, SendFailure } from '../outbox/transport';
import { type DeskStoryEnvelope, DeskStoryEnvelopeSchema } from './desk-story';

/**
 * The contract every CMS adapter (WordPress, Ghost, generic HTTP endpoint, local folder) fills so
 * the outbox can send through it. An adapter is built for one profile (address, account, secret)
 * and is plain Node: HTTP through the `FetchLike` port, files through the draft's asset reader.
 *
 * The outbox stores a job's payload as JSON and hands it back on every attempt; the adapter
 * validates it with the schemas below (`parsePayload`), never trusts it.
 */

const IsoDate = z.iso.datetime({ offset: true });

/**
 * When the story goes live: now, or at a time the CMS itself schedules (its own scheduler); or
 * `review`: not live at all, filed to the desk (WordPress `pending`, Ghost draft with the desk tag).
 */
export const TimingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('scheduled'), publishAt: IsoDate }),
  z.object({ kind: z.literal('review') }),
]);
export type Timing = z.infer<typeof TimingSchema>;

/**
 * A create or update: a snapshot of the article taken when the job was queued, so later edits do
 * not change what a queued job sends (they queue their own update). Images are read from the
 * draft's folder at send time by asset name; names are content hashes, so they cannot drift.
 */
export const PublishPayloadSchema = z.object({
  kind: z.literal('publish'),
  article: CompleteArticleSchema,
  /** The draft revision this snapshot is. */
  revision: z.number().int().nonnegative(),
  timing: TimingSchema,
  /** A correction: the note is appended to the story in the house format and logged. */
  correction: z.object({ note: z.string().trim().min(1).max(2_000), at: IsoDate }).optional(),
  /**
   * For an update: the remote `version` Newsroom last sent or saw. The adapter compares it with
   * the CMS's current one first and refuses with CONFLICT (HTTP 409 semantics) when they differ.
   */
  baseVersion: z.string().optional(),
  /** The journalist saw the conflict and chose to overwrite the copy on the CMS. */
  overwrite: z.boolean(),
  /** Where the story was on the CMS when queued (from the publish log); the outbox's own record wins. */
  remote: RemoteResultSchema.optional(),
  /** Filing to the desk only (timing `review`): the whole story, embedded in the post (desk-story.ts). */
  story: DeskStoryEnvelopeSchema.optional(),
});
export type PublishPayload = z.infer<typeof PublishPayloadSchema>;

/** Back to draft on the CMS (not deleted: the desk may want it back). */
export const UnpublishPayloadSchema = z.object({
  kind: z.literal('unpublish'),
  baseVersion: z.string().optional(),
  overwrite: z.boolean(),
  remote: RemoteResultSchema.optional(),
});
export type UnpublishPayload = z.infer<typeof UnpublishPayloadSchema>;

export const JobPayloadSchema = z.discriminatedUnion('kind', [PublishPayloadSchema, UnpublishPayloadSchema]);
export type JobPayload = z.infer<typeof JobPayloadSchema>;

/** The verdict of "Test connection", precise enough to act on. */
export type ConnectionVerdict =
  | { ok: true; account: string; canPublish: boolean }
  | { ok: false; code: 'AUTH_FAILED' | 'FORBIDDEN' | 'UNREACHABLE' | 'TIMEOUT' | 'TLS_ERROR' | 'BAD_RESPONSE' | 'NOT_CONFIGURED' | 'IO_ERROR'; message: string };

/** What one CMS will receive for a story, and what it cannot hold (the preview before publishing). */
export interface MappingPreview {
  /** Field label → the value as the CMS gets it (e.g. "Excerpt" → the standfirst). */
  sent: Array<{ field: string; value: string }>;
  /** Story fields this CMS has no place for, in words: "SEO title (WordPress has no field for it)". */
  lost: string[];
  /** The body as the CMS gets it (HTML or Markdown). */
  body: string;
}

/** The copy on the CMS, for showing a conflict: what changed there since our last publish. */
export interface RemoteCopy {
  remoteId: string;
  version: string;
  title: string;
  /** The body as the CMS holds it (HTML), for a word-level comparison with ours. */
  html: string;
  status: string;
  url: string;
}

export interface DraftImage {
  mediaType: ImageMediaType;
  bytes: Uint8Array;
}

/** Reads a draft's image by asset name (electron/core/drafts/draft-assets.ts). */
export type AssetReader = (draftId: string, asset: string) => Promise<DraftImage>;

/** One story waiting for review on the CMS, as its desk inbox lists it. */
export interface ReviewListing {
  remoteId: string;
  title: string;
  /** The CMS account that last saved it. */
  author: string;
  /** ISO time with offset. */
  modifiedAt: string;
  url: string;
  /** The Newsroom story it carries; null when written on the web; `damaged` when it cannot be read. */
  story: DeskStoryEnvelope | null | 'damaged';
}

/** A story on the desk, fetched to be opened. */
export interface ReviewCopy {
  remoteId: string;
  /** The CMS's version (WordPress `modified_gmt`, Ghost `updated_at`): the base of the next send. */
  version: string;
  url: string;
  title: string;
  status: string;
  /** The raw content as stored (the story comment included). */
  content: string;
}

export interface CmsAdapter extends OutboxTransport {
  readonly kind: 'wordpress' | 'ghost' | 'http' | 'folder';
  testConnection(): Promise<ConnectionVerdict>;
  preview(article: Article): MappingPreview;
  /** Null when the post is gone from the CMS. */
  fetchRemote(remoteId: string): Promise<RemoteCopy | null>;
  /** The desk inbox, newest first (CMSs with a review state only). */
  listForReview?(): Promise<ReviewListing[]>;
  /** Null when the post is gone. */
  fetchForReview?(remoteId: string): Promise<ReviewCopy | null>;
}

/** The job's payload, checked; a damaged one parks the job (sending it could only do harm). */
export function parsePayload(job: OutboxJob): JobPayload {
  const parsed = JobPayloadSchema.safeParse(job.payload);
  if (parsed.success) return parsed.data;
  throw new SendFailure({
    code: 'INTERNAL',
    message: 'This publishing job is damaged (its saved story could not be read), so it was not sent.',
    outcomeUnknown: false,
  });
}
