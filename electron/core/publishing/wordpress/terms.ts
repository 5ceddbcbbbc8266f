import { z } from 'zod';
import type { HttpReply } from '../http';
import type { WordPressClient } from './wordpress-client';

/** Tags and categories are WordPress "terms"; a post refers to them by id. */
export type Taxonomy = 'tags' | 'categories';

const TermSchema = z.object({ id: z.number().int().positive(), name: z.string() });
const TermListSchema = z.array(TermSchema);

/** WordPress refuses to create a term whose name exists, and says which one it is. */
const TermExistsSchema = z.object({
  code: z.literal('term_exists'),
  data: z.object({ term_id: z.number().int().positive() }).loose(),
});

/**
 * WordPress hands names back HTML-escaped ("Crime &amp; Courts") and compares them without case,
 * so both sides are decoded and folded before they are compared.
 */
export function sameTermName(wordpressName: string, ours: string): boolean {
  const decoded = wordpressName
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'");
  return decoded.trim().toLocaleLowerCase() === ours.trim().toLocaleLowerCase();
}

/** The names to look up: trimmed, blanks dropped, each once (case-insensitively). */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const trimmed = name.trim();
    const key = trimmed.toLocaleLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/**
 * The ids of the terms with these names, creating the missing ones. Looked up by name first so a
 * second story reuses the tag the first one created; a create that loses a race with another
 * writer (or meets a name WordPress normalised differently) gets the existing id from the
 * `term_exists` error instead of failing the publish.
 */
export async function resolveTerms(client: WordPressClient, taxonomy: Taxonomy, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of distinctNames(names)) {
    const found = await client.getJson(`/wp/v2/${taxonomy}`, { search: name, per_page: '100', context: 'view' }, TermListSchema);
    const match = found.find((term) => sameTermName(term.name, name));
    ids.push(match?.id ?? (await createTerm(client, taxonomy, name)));
  }
  return [...new Set(ids)];
}

/** Creates the term; when it exists already, WordPress' `term_exists` answer gives its id. */
export async function createTerm(client: WordPressClient, taxonomy: Taxonomy, name: string): Promise<number> {
  const exists = (reply: HttpReply): boolean => reply.status === 400 && TermExistsSchema.safeParse(reply.json).success;
  const reply = await client.postJson(`/wp/v2/${taxonomy}`, { name }, exists);
  if (exists(reply)) return TermExistsSchema.parse(reply.json).data.term_id;
  return client.read(TermSchema, reply).id;
}
