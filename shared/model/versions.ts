import { z } from 'zod';
import { ArticleSchema } from './article';
import { StampSchema } from './review';

/**
 * Versions of a draft (issue 6): every meaningful save becomes one (a typing burst is one
 * version, not one per keystroke), and named versions mark key moments. Kept beside the draft:
 * the last 50 unnamed ones and every named one.
 */

const IsoDate = z.iso.datetime({ offset: true });

/** How many unnamed versions a draft keeps; named ones are all kept. */
export const MAX_UNNAMED_VERSIONS = 50;
/** Saves closer together than this, since the burst's first save, update one version instead of adding one. */
export const VERSION_BURST_MS = 5 * 60_000;

/** auto: a typing burst; named: the journalist named it; filed / published: set by the app; restored: the text before a restore. */
export const VERSION_KINDS = ['auto', 'named', 'filed', 'published', 'restored'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VersionNameSchema = z.string().trim().min(1, 'Give the version a name.').max(120, 'Keep the name under 120 characters.');

export const VersionMetaSchema = z.object({
  id: z.uuid(),
  draftId: z.uuid(),
  /** The draft revision this version holds. */
  revision: z.number().int().nonnegative(),
  /** When this version's text was saved (for a burst: its last save). */
  savedAt: IsoDate,
  kind: z.enum(VERSION_KINDS),
  /** Named versions only ("Filed", "Published to Daily site", a name the user typed). */
  name: z.string().optional(),
  headline: z.string(),
  wordCount: z.number().int().nonnegative(),
  /** Who was at the machine when it was made (absent in versions from before issue 7, or without a user). */
  by: StampSchema.optional(),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

export const VersionSchema = VersionMetaSchema.extend({ article: ArticleSchema });
export type Version = z.infer<typeof VersionSchema>;
