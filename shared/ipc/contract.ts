import { z } from 'zod';
import type { EventName, MethodName } from './channels';
import { ArticleSchema, AssetNameSchema, CompleteArticleSchema } from '../model/article';
import { HouseProfileSchema } from '../model/house-profile';
import { DraftProblemSchema, DraftSchema, DraftSummarySchema } from '../model/draft';
import { CmsProfileInputSchema, CmsProfileViewSchema } from '../model/cms-profiles';
import { TemplateInputSchema, TemplateSchema } from '../model/templates';
import { VersionMetaSchema, VersionNameSchema, VersionSchema } from '../model/versions';
import { HolderSchema, ReviewRecordSchema, UserSchema, WORKFLOW_STATUSES } from '../model/review';
import {
  ConflictViewSchema,
  ConnectionVerdictSchema,
  MappingPreviewSchema,
  OutboxJobViewSchema,
  OutboxViewSchema,
  PublishRequestSchema,
  PublishStatusSchema,
} from '../model/publishing';

/**
 * The one contract between renderer and main. Each method has an input and an output schema;
 * the types on both sides are inferred from them, so nothing is kept twice by hand.
 */
const DraftId = z.object({ id: z.uuid() }).strict();
const ProfileId = DraftId;
/** Text with the spans to highlight, as [start, end) offsets into `text`. */
const Marked = z.object({ text: z.string(), marks: z.array(z.tuple([z.number().int(), z.number().int()])) });
const Nothing = z.object({}).strict();
const DraftsFolderViewSchema = z.object({
  folder: z.string(),
  isDefault: z.boolean(),
  /** Chosen but not in use until Newsroom restarts. */
  next: z.string().optional(),
});
/** One story waiting for review on a CMS, as the desk inbox lists it. */
const DeskStorySchema = z.object({
  remoteId: z.string(),
  title: z.string(),
  /** Who filed it (the CMS account, or the Newsroom user who filed it). */
  author: z.string(),
  modifiedAt: z.iso.datetime({ offset: true }),
  /** Filed from Newsroom: it opens with every story field, comment and suggestion. */
  fromNewsroom: z.boolean(),
  /** The desk status it was filed with, when it came from Newsroom. */
  status: z.enum(WORKFLOW_STATUSES).optional(),
  url: z.string(),
  /** A local draft already holds this story. */
  localDraftId: z.uuid().optional(),
});
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.');
/** 20 MB of image, as base64 (4 characters per 3 bytes). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_IMAGE_BASE64 = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;
export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
const ImageMediaType = z.enum(IMAGE_MEDIA_TYPES);
export type ImageMediaType = z.infer<typeof ImageMediaType>;
export const EXPORT_FORMATS = ['html', 'md', 'txt', 'docx'] as const;
const ExportFormat = z.enum(EXPORT_FORMATS);

export const contract = {
  'app.info': {
    input: Nothing,
    output: z.object({ version: z.string(), dataFolder: z.string() }),
  },
  /** The renderer has saved everything after `app.flushRequested`; the app may quit. */
  'app.flushComplete': { input: Nothing, output: Nothing },

  'drafts.list': {
    input: Nothing,
    output: z.object({ drafts: z.array(DraftSummarySchema), problems: z.array(DraftProblemSchema) }),
  },
  /** A new draft, empty or filled (an import, a template, a duplicate): missing fields start empty. */
  'drafts.create': {
    input: z.object({ headline: z.string().max(400).optional(), article: ArticleSchema.partial().optional() }).strict(),
    output: DraftSchema,
  },
  'drafts.open': { input: DraftId, output: DraftSchema },
  'drafts.save': {
    /**
     * `baseRevision`: the revision this text was edited from. When the file on disk has changed
     * since (another program or machine), the save is refused with CONFLICT and nothing is written.
     */
    input: z.object({ id: z.uuid(), article: CompleteArticleSchema, baseRevision: z.number().int().nonnegative().optional() }).strict(),
    output: z.object({ revision: z.number().int(), savedAt: z.string(), wordCount: z.number().int() }),
  },
  'drafts.trash': { input: DraftId, output: Nothing },
  /** A new draft with the same fields and body ("Copy of …"); never the publish log or versions. */
  'drafts.duplicate': { input: DraftId, output: DraftSchema },
  /** A damaged draft (listed in `problems`) comes back from its newest good version; the bad file stays aside. */
  'drafts.recover': { input: z.object({ id: z.string().min(1).max(200) }).strict(), output: DraftSchema },

  /** The draft's versions, newest first. */
  'versions.list': { input: z.object({ draftId: z.uuid() }).strict(), output: z.object({ versions: z.array(VersionMetaSchema) }) },
  'versions.open': { input: z.object({ draftId: z.uuid(), versionId: z.uuid() }).strict(), output: VersionSchema },
  /** Names the saved draft as it is now ("Filed", or what the journalist typed). */
  'versions.name': { input: z.object({ draftId: z.uuid(), name: VersionNameSchema }).strict(), output: VersionMetaSchema },
  /** The draft becomes that version's text and fields; the current one is kept as a version first. */
  'versions.restore': { input: z.object({ draftId: z.uuid(), versionId: z.uuid() }).strict(), output: DraftSchema },

  'templates.list': { input: Nothing, output: z.object({ templates: z.array(TemplateSchema) }) },
  'templates.save': { input: TemplateInputSchema, output: TemplateSchema },
  /** Built-in templates cannot be deleted. */
  'templates.delete': { input: z.object({ id: z.string().min(1).max(80) }).strict(), output: Nothing },
  /** Spiked (trashed) drafts, newest spike first; each is deleted for good 30 days after its spike. */
  'drafts.listSpiked': {
    input: Nothing,
    output: z.array(
      z.object({ id: z.uuid(), headline: z.string(), spikedAt: z.string(), wordCount: z.number().int().nonnegative() }),
    ),
  },
  /** Back to the library; ALREADY_EXISTS when a draft with that id is there. */
  'drafts.restore': { input: DraftId, output: Nothing },
  /** Deletes a spiked draft for good. */
  'drafts.purge': { input: DraftId, output: Nothing },
  'drafts.search': {
    input: z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(200).optional(),
        snippets: z.number().int().min(0).max(20).optional(),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      /** Drafts still waiting to be indexed: results may miss them until this reaches 0. */
      indexing: z.number().int(),
      hits: z.array(
        z.object({ id: z.uuid(), score: z.number(), terms: z.array(z.string()), headline: Marked, snippet: Marked.optional() }),
      ),
    }),
  },

  /**
   * Copies an image the journalist picked into the draft's folder (`assets/`), so the draft no
   * longer depends on the original file. Only PNG, JPEG, GIF and WebP, checked by content.
   */
  'drafts.attachImage': {
    input: z.object({ draftId: z.uuid(), fileName: z.string().max(255), data: Base64.max(MAX_IMAGE_BASE64) }).strict(),
    output: z.object({ asset: AssetNameSchema, mediaType: ImageMediaType, bytes: z.number().int().positive() }),
  },
  'drafts.readAsset': {
    input: z.object({ draftId: z.uuid(), asset: AssetNameSchema }).strict(),
    output: z.object({ mediaType: ImageMediaType, data: Base64 }),
  },
  /**
   * The saved draft as a file to download, with its story fields and never the editorial note.
   * `review`: include comments and pending suggested changes (marked as insertions and deletions;
   * Word's own comments and tracked changes in .docx). Without it, comments are left out and the
   * text is as it stands before any pending suggestion.
   */
  'drafts.export': {
    input: z.object({ id: z.uuid(), format: ExportFormat, review: z.boolean().optional() }).strict(),
    output: z.object({
      fileName: z.string(),
      mediaType: z.string(),
      /** Text formats come as text; .docx as base64. */
      encoding: z.enum(['utf8', 'base64']),
      data: z.string(),
    }),
  },

  /** Who is at this machine (null until they say, at first run) and this install's id. */
  'settings.getUser': { input: Nothing, output: z.object({ user: UserSchema.nullable(), installId: z.string() }) },
  'settings.saveUser': { input: UserSchema.strict(), output: UserSchema },

  /** Moves the draft along the desk's workflow, signed by the current user; NOT_ALLOWED for a move the workflow does not allow. */
  'review.setStatus': {
    input: z.object({ draftId: z.uuid(), to: z.enum(WORKFLOW_STATUSES), note: z.string().max(2_000).optional() }).strict(),
    output: ReviewRecordSchema,
  },
  /**
   * Takes (or refreshes) this user's hold on a draft in a shared drafts folder. `held`: someone else
   * holds it and was seen recently (the draft opens read-only); `stale`: their hold is old and may
   * be taken over with `takeOver` (their unsaved work may be lost, the UI warns first).
   */
  'handoff.claim': {
    input: z.object({ draftId: z.uuid(), takeOver: z.boolean().optional() }).strict(),
    output: z.object({ state: z.enum(['mine', 'held', 'stale']), holder: HolderSchema.nullable() }),
  },
  /** Lets go of this user's hold (the draft was closed). */
  'handoff.release': { input: z.object({ draftId: z.uuid() }).strict(), output: Nothing },

  /** Stories waiting for review on a CMS (WordPress `pending`; Ghost drafts with the review tag). */
  'desk.list': { input: z.object({ profileId: z.uuid() }).strict(), output: z.object({ stories: z.array(DeskStorySchema) }) },
  /**
   * Opens a story from the desk inbox as a local draft that works offline: a new draft, or the
   * local draft it came from brought up to date (`updated`); when that draft has changes of its
   * own since it was sent, they are kept as a copy first (`message` says so).
   */
  'desk.open': {
    input: z.object({ profileId: z.uuid(), remoteId: z.string().min(1).max(200) }).strict(),
    output: z.object({ draftId: z.uuid(), outcome: z.enum(['created', 'updated']), message: z.string() }),
  },

  /** Where drafts live; a change takes effect when Newsroom restarts (`next`). */
  'settings.getDraftsFolder': { input: Nothing, output: DraftsFolderViewSchema },
  /** An existing, writable folder (a synced or shared one); null goes back to the default. */
  'settings.setDraftsFolder': { input: z.object({ folder: z.string().min(1).max(4_096).nullable() }).strict(), output: DraftsFolderViewSchema },
  /** The system's folder picker (the shell's; null when cancelled). */
  'app.pickFolder': { input: Nothing, output: z.object({ folder: z.string().nullable() }) },
  /** Saves everything and starts Newsroom again (after changing the drafts folder). */
  'app.restart': { input: Nothing, output: Nothing },
  'settings.getHouseProfile': { input: Nothing, output: HouseProfileSchema },
  'settings.saveHouseProfile': { input: HouseProfileSchema.strict(), output: HouseProfileSchema },
  /** The desk's CMS profiles (never their secrets) and which one new drafts publish to. */
  'profiles.list': {
    input: Nothing,
    output: z.object({ profiles: z.array(CmsProfileViewSchema), defaultProfileId: z.uuid() }),
  },
  /** Adds (no id) or changes a profile; a secret left out keeps the stored one if it still applies. */
  'profiles.save': { input: CmsProfileInputSchema, output: CmsProfileViewSchema },
  'profiles.delete': { input: ProfileId, output: Nothing },
  'profiles.setDefault': { input: ProfileId, output: Nothing },
  /** Tests what is in the form (a missing secret falls back to the stored one for the same account). */
  'profiles.test': { input: CmsProfileInputSchema, output: ConnectionVerdictSchema },

  /** Which profile this draft publishes to; kept with the draft. */
  'publishing.chooseProfile': { input: z.object({ draftId: z.uuid(), profileId: z.uuid() }).strict(), output: Nothing },
  /** What the CMS of that profile will receive for the saved draft, and what it cannot hold. */
  'publishing.preview': { input: z.object({ draftId: z.uuid(), profileId: z.uuid() }).strict(), output: MappingPreviewSchema },
  /**
   * Queues an action as a durable outbox job (checked against the house rules and times first);
   * it goes out when the CMS is reachable, and `outbox.changed` reports its progress.
   */
  'publishing.queue': {
    input: PublishRequestSchema,
    output: z.object({ jobId: z.uuid(), action: z.enum(['create', 'update', 'unpublish']), logProblem: z.string().optional() }),
  },
  /** The draft's publish log and where it stands on every profile it went to. */
  'publishing.status': { input: z.object({ draftId: z.uuid() }).strict(), output: PublishStatusSchema },
  /** The copy on the CMS and ours side by side, after an update was refused as a conflict. */
  'publishing.conflict': { input: z.object({ draftId: z.uuid(), profileId: z.uuid() }).strict(), output: ConflictViewSchema },

  'outbox.list': { input: Nothing, output: OutboxViewSchema },
  /** Sends a job that needs attention (or waits) again now. */
  'outbox.retry': { input: z.object({ jobId: z.uuid() }).strict(), output: Nothing },
  /** The account's sign-in was fixed: its held jobs go again. */
  'outbox.resume': { input: z.object({ profileId: z.uuid() }).strict(), output: Nothing },
  /** Drops a job that is not being sent; the publish log says it was discarded. */
  'outbox.discard': { input: z.object({ jobId: z.uuid() }).strict(), output: Nothing },
  /** The network is back (the window's `online` event): jobs waiting on the network go now. */
  'outbox.wake': { input: Nothing, output: Nothing },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  /** `external`: another program or machine changed the draft's file; `version`: a version was restored. */
  'drafts.changed': z.object({
    id: z.uuid(),
    revision: z.number().int(),
    /** `status`: moved along the desk's workflow; `desk`: brought up to date from the desk inbox. */
    reason: z.enum(['saved', 'published', 'trashed', 'created', 'restored', 'purged', 'external', 'version', 'status', 'desk']),
  }),
  /** The app is about to quit: save what is pending, then call `app.flushComplete`. */
  'app.flushRequested': Nothing,
  /**
   * A job changed; `pending` is every job not yet delivered (the app's count). `removed`: the job
   * left the outbox without being delivered (the journalist discarded it).
   */
  'outbox.changed': z.object({ job: OutboxJobViewSchema, pending: z.number().int().nonnegative(), removed: z.boolean().optional() }),
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
