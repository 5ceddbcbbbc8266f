import { z } from 'zod';
import type { EventName, MethodName } from './channels';
import { ArticleSchema } from '../model/article';
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
  'drafts.create': { input: z.object({ headline: z.string().max(400).optional() }).strict(), output: DraftSchema },
  'drafts.open': { input: DraftId, output: DraftSchema },
  'drafts.save': {
    input: z.object({ id: z.uuid(), article: ArticleSchema }).strict(),
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
