import { z } from 'zod';
import type { EventName, MethodName } from './channels';
import { ArticleSchema, AssetNameSchema, CompleteArticleSchema } from '../model/article';
import { HouseProfileSchema } from '../model/house-profile';
import { DraftProblemSchema, DraftSchema, DraftSummarySchema } from '../model/draft';
import {
  ApplicationPasswordSchema,
  WordPressProfileViewSchema,
  WordPressSettingsSchema,
} from '../model/settings';

/**
 * The one contract between renderer and main. Each method has an input and an output schema;
 * the types on both sides are inferred from them, so nothing is kept twice by hand.
 */
const DraftId = z.object({ id: z.uuid() }).strict();
/** Text with the spans to highlight, as [start, end) offsets into `text`. */
const Marked = z.object({ text: z.string(), marks: z.array(z.tuple([z.number().int(), z.number().int()])) });
const Nothing = z.object({}).strict();
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
    input: z.object({ id: z.uuid(), article: CompleteArticleSchema }).strict(),
    output: z.object({ revision: z.number().int(), savedAt: z.string(), wordCount: z.number().int() }),
  },
  'drafts.trash': { input: DraftId, output: Nothing },
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
  /** The saved draft as a file to download, with its story fields and never the editorial note. */
  'drafts.export': {
    input: z.object({ id: z.uuid(), format: ExportFormat }).strict(),
    output: z.object({
      fileName: z.string(),
      mediaType: z.string(),
      /** Text formats come as text; .docx as base64. */
      encoding: z.enum(['utf8', 'base64']),
      data: z.string(),
    }),
  },

  'settings.getHouseProfile': { input: Nothing, output: HouseProfileSchema },
  'settings.saveHouseProfile': { input: HouseProfileSchema.strict(), output: HouseProfileSchema },
  'settings.getWordPress': { input: Nothing, output: WordPressProfileViewSchema.nullable() },
  'settings.saveWordPress': {
    input: WordPressSettingsSchema.extend({
      /** Omitted: keep the stored password. */
      applicationPassword: ApplicationPasswordSchema.optional(),
    }).strict(),
    output: WordPressProfileViewSchema,
  },
  'publishing.testWordPress': {
    /** Tests what is in the form; a missing password falls back to the stored one. */
    input: WordPressSettingsSchema.extend({ applicationPassword: ApplicationPasswordSchema.optional() }).strict(),
    output: z.object({ userDisplayName: z.string(), canPublish: z.boolean() }),
  },
  'publishing.publish': {
    input: z.object({ draftId: z.uuid() }).strict(),
    output: z.object({
      action: z.enum(['created', 'updated']),
      postId: z.number().int(),
      url: z.string(),
      publishedAt: z.string(),
      /** The slug the site gave the post (WordPress adds `-2` when the slug was taken). */
      slug: z.string(),
    }),
  },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'drafts.changed': z.object({ id: z.uuid(), revision: z.number().int(), reason: z.enum(['saved', 'published', 'trashed', 'created', 'restored', 'purged']) }),
  /** The app is about to quit: save what is pending, then call `app.flushComplete`. */
  'app.flushRequested': Nothing,
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
