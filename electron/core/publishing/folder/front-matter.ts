import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * The YAML front matter of a story's `index.md`, in the keys Hugo, Jekyll and Eleventy read
 * (`title`, `date`, `draft`, `description`, `tags`, `categories`) plus Newsroom's own under
 * `newsroom:` (which story it is and which publishing action wrote it last).
 *
 * Every string is written double-quoted: Jekyll reads YAML 1.1, where an unquoted `No`, `on` or
 * `2026-11-28` is not text, and a quoted scalar is one line whatever the headline holds (`---`,
 * `: `, quotes, line breaks), so it can never end the block early.
 */

// js-yaml ships no types; this is the part of its API used here.
interface JsYaml {
  dump(value: unknown, options: Record<string, unknown>): string;
  load(text: string, options: Record<string, unknown>): unknown;
  JSON_SCHEMA: unknown;
}
const yaml = createRequire(import.meta.url)('js-yaml') as JsYaml;

export const FrontMatterSchema = z
  .object({
    title: z.string(),
    slug: z.string(),
    /** The publish time, or the scheduled time (a site generator leaves future dates out). */
    date: z.string(),
    lastmod: z.string().optional(),
    /** True once unpublished: site generators leave drafts out of the build. */
    draft: z.boolean(),
    description: z.string(),
    authors: z.array(z.string()),
    categories: z.array(z.string()),
    tags: z.array(z.string()),
    dateline: z.object({ place: z.string(), date: z.string() }),
    seo: z.object({ title: z.string(), description: z.string() }),
    featured_image: z.object({ src: z.string(), alt: z.string(), caption: z.string(), credit: z.string() }).optional(),
    correction: z.object({ note: z.string(), at: z.string(), text: z.string() }).optional(),
    newsroom: z.object({
      draft_id: z.string(),
      /** The idempotency key of the publishing action that wrote this file last. */
      idempotency_key: z.string(),
      revision: z.number(),
    }),
  })
  // A person editing the file by hand may add keys of their own site: they are kept.
  .loose();
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export function dumpFrontMatter(matter: FrontMatter): string {
  return yaml.dump(matter, { lineWidth: -1, noRefs: true, forceQuotes: true, quotingType: '"', sortKeys: false });
}

export interface ParsedIndex {
  matter: FrontMatter;
  body: string;
}

/** `index.md` as written: front matter between `---` lines, a blank line, the Markdown body. */
export function renderIndex(matter: FrontMatter, body: string): string {
  return `---\n${dumpFrontMatter(matter)}---\n\n${body.trim()}\n`;
}

/**
 * Reads an `index.md` back; null when it is not one of ours (no front matter, or no `newsroom`
 * block). The JSON schema keeps a hand-typed `date: 2026-11-28` a string instead of a Date.
 */
export function parseIndex(text: string): ParsedIndex | null {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) return null;
  // The block ends at the first line that is exactly `---` (a quoted value never makes one).
  const close = /\n---(?:\n|$)/.exec(normalised.slice(3));
  if (close === null) return null;
  const end = close.index + 3;
  const after = normalised.slice(end + 4);
  let raw: unknown;
  try {
    raw = yaml.load(normalised.slice(4, end + 1), { schema: yaml.JSON_SCHEMA });
  } catch {
    return null;
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  return parsed.success ? { matter: parsed.data, body: after.replace(/^\n+/, '') } : null;
}
