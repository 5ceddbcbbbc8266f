import { z } from 'zod';

/**
 * The YAML front matter our own Markdown export writes (`---`, `title: "…"`, `standfirst: "…"`,
 * `byline: ["…"]`, `---`), read back so an exported story re-imports with its headline and fields.
 * Only top-level `key: value` lines whose values are JSON strings or lists of strings (which is
 * how the export quotes them) are read; anything else in the block is ignored.
 */
const FieldsSchema = z.object({
  title: z.string().max(400).optional(),
  standfirst: z.string().max(2000).optional(),
  byline: z.array(z.string().max(200)).max(20).optional(),
});
export type FrontMatter = z.infer<typeof FieldsSchema>;

export function splitFrontMatter(markdown: string): { fields: FrontMatter; rest: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return { fields: {}, rest: markdown };
  const raw: Record<string, unknown> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^(title|standfirst|byline):[ \t]*(.+)$/.exec(line);
    if (!pair) continue;
    try {
      raw[pair[1]!] = JSON.parse(pair[2]!);
    } catch {
      raw[pair[1]!] = pair[2]!.trim();
    }
  }
  const parsed = FieldsSchema.safeParse(raw);
  return { fields: parsed.success ? parsed.data : {}, rest: markdown.slice(match[0].length) };
}
