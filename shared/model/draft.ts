import { z } from 'zod';
import { ArticleSchema } from './article';
import { newReviewRecord, ReviewRecordSchema, WORKFLOW_STATUSES } from './review';

const IsoDate = z.iso.datetime({ offset: true });

/** Where a draft went when it was published to WordPress: publishing again updates this post. */
export const WordPressPublicationSchema = z.object({
  siteUrl: z.string(),
  postId: z.number().int().positive(),
  url: z.string(),
  publishedAt: IsoDate,
  /** The revision of the draft that was sent; a later revision means the live copy is behind. */
  revision: z.number().int().nonnegative(),
  /**
   * The slug WordPress gave the post. An update sends it again, so the address stays put when the
   * headline changes; only a slug the journalist changed on purpose replaces it. Optional: records
   * written before story fields have none.
   */
  slug: z.string().optional(),
  /** Images already uploaded to this site, by asset name: a republish reuses them. */
  media: z.record(z.string(), z.object({ id: z.number().int().positive(), url: z.string() })).optional(),
});

export type WordPressPublication = z.infer<typeof WordPressPublicationSchema>;

/** The latest copy any CMS accepted, for the library's list (the publish log has the whole story). */
export const LivePublicationSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  url: z.string(),
  at: IsoDate,
  revision: z.number().int().nonnegative(),
  state: z.enum(['live', 'scheduled', 'unpublished']),
});
export type LivePublication = z.infer<typeof LivePublicationSchema>;

export const PublicationSchema = z.object({
  /** Written by the walking skeleton's direct WordPress publish; read so such posts are updated, not doubled. */
  wordpress: WordPressPublicationSchema.optional(),
  /** The CMS profile this draft publishes to; the desk's default when absent. */
  profileId: z.uuid().optional(),
  latest: LivePublicationSchema.optional(),
});

/** 2: story fields (standfirst, byline, section, tags, slug, dateline, SEO, note, images); 3: review (status, trail, comments). */
export const DRAFT_SCHEMA_VERSION = 3;

export const DraftSchema = z.object({
  id: z.uuid(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  /** Incremented on every save; lets the UI and publishing know which text they hold. */
  revision: z.number().int().nonnegative(),
  article: ArticleSchema,
  publication: PublicationSchema,
  /** Where the story stands on the desk and the trail of sign-offs (issue 7). */
  review: ReviewRecordSchema.default(newReviewRecord),
});

export type Draft = z.infer<typeof DraftSchema>;

/** The file on disk: the draft plus a format marker and its schema version. */
export const DraftFileSchema = DraftSchema.extend({
  format: z.literal('newsroom-draft'),
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
});

export type DraftFile = z.infer<typeof DraftFileSchema>;

export const DraftSummarySchema = z.object({
  id: z.uuid(),
  headline: z.string(),
  wordCount: z.number().int().nonnegative(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  published: z.boolean(),
  publishedUrl: z.string().optional(),
  /** For the library's filters (issue 6). */
  section: z.string(),
  byline: z.array(z.string()),
  /** Where the story stands on its CMS, from the draft's latest live copy. */
  state: z.enum(['draft', 'live', 'scheduled', 'unpublished']),
  /** Where the story stands on the desk (issue 7); Draft for summaries written before it. */
  status: z.enum(WORKFLOW_STATUSES).default('draft'),
});

export type DraftSummary = z.infer<typeof DraftSummarySchema>;

/** A draft file that could not be read: it was set aside, never overwritten. */
export const DraftProblemSchema = z.object({
  id: z.string(),
  reason: z.string(),
  /** Path of the file kept aside, so a person (or recovery) can find it. */
  keptAs: z.string(),
  /** A good version of this draft exists: `drafts.recover` brings the newest one back. */
  recoverable: z.boolean().optional(),
});

export type DraftProblem = z.infer<typeof DraftProblemSchema>;
