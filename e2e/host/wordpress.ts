import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The real WordPress the publish flows talk to: started by `scripts/cms/wordpress.sh` (Debian's
 * packages, 127.0.0.1 only) and read back through its REST API as a second, independent client.
 */
const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/cms/wordpress.sh', import.meta.url));
export const WP_DATA = process.env['WP_DATA'] ?? '/tmp/newsroom-wp';

const EnvSchema = z.object({ url: z.string(), username: z.string(), applicationPassword: z.string() });
export type WordPressEnv = z.infer<typeof EnvSchema>;

export async function wordpressScript(command: 'start' | 'stop' | 'status' | 'db-stop' | 'db-start'): Promise<void> {
  await run('bash', [SCRIPT, command], { env: { ...process.env, WP_DATA }, timeout: 600_000 });
}

export async function isWordPressRunning(): Promise<boolean> {
  try {
    await wordpressScript('status');
    return true;
  } catch {
    return false;
  }
}

export async function readWordPressEnv(): Promise<WordPressEnv> {
  return EnvSchema.parse(JSON.parse(await readFile(join(WP_DATA, 'env.json'), 'utf8')));
}

const PostSchema = z.object({
  id: z.number(),
  link: z.string(),
  status: z.string(),
  slug: z.string(),
  title: z.object({ raw: z.string() }),
  content: z.object({ raw: z.string(), rendered: z.string() }),
  excerpt: z.object({ raw: z.string() }),
  tags: z.array(z.number()),
  categories: z.array(z.number()),
  featured_media: z.number(),
  date_gmt: z.string(),
});
export type WordPressPost = z.infer<typeof PostSchema>;

const TermSchema = z.object({ id: z.number(), name: z.string() });
const MediaSchema = z.object({
  id: z.number(),
  source_url: z.string(),
  alt_text: z.string(),
  caption: z.object({ raw: z.string() }),
  media_type: z.string(),
  mime_type: z.string(),
});
export type WordPressMedia = z.infer<typeof MediaSchema>;

export class WordPressReader {
  constructor(private readonly env: WordPressEnv) {}

  private async get(route: string, query: Record<string, string> = {}): Promise<unknown> {
    return (await this.getWithHeaders(route, query)).json;
  }

  private async getWithHeaders(route: string, query: Record<string, string>): Promise<{ json: unknown; headers: Headers }> {
    const url = new URL(`${this.env.url}/`);
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const auth = Buffer.from(`${this.env.username}:${this.env.applicationPassword}`).toString('base64');
    const response = await fetch(url, { headers: { Authorization: `Basic ${auth}` } });
    if (!response.ok) throw new Error(`GET ${route} -> ${response.status}: ${await response.text()}`);
    return { json: await response.json(), headers: response.headers };
  }

  async post(id: number): Promise<WordPressPost> {
    return PostSchema.parse(await this.get(`/wp/v2/posts/${id}`, { context: 'edit' }));
  }

  /** Posts whose title matches exactly, in any status but trash. */
  async postsTitled(title: string): Promise<WordPressPost[]> {
    const found = z.array(PostSchema).parse(
      await this.get('/wp/v2/posts', { context: 'edit', search: title, status: 'publish,draft,pending,future,private', per_page: '100' }),
    );
    return found.filter((post) => post.title.raw === title);
  }

  /** How many posts the site holds in any status but trash (WordPress' own count header). */
  async postCount(): Promise<number> {
    const { headers } = await this.getWithHeaders('/wp/v2/posts', { status: 'publish,draft,pending,future,private', per_page: '1', context: 'edit' });
    return Number(headers.get('x-wp-total'));
  }

  /** Term names by id, as the site shows them (tags or categories). */
  async termNames(taxonomy: 'tags' | 'categories', ids: readonly number[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const terms = z.array(TermSchema).parse(await this.get(`/wp/v2/${taxonomy}`, { include: ids.join(','), per_page: '100' }));
    return ids.map((id) => terms.find((term) => term.id === id)?.name ?? `#${id}?`);
  }

  /** Every term with exactly this name (to prove one was reused, not created twice). */
  async termsNamed(taxonomy: 'tags' | 'categories', name: string): Promise<number[]> {
    const terms = z.array(TermSchema).parse(await this.get(`/wp/v2/${taxonomy}`, { search: name, per_page: '100' }));
    return terms.filter((term) => term.name === name).map((term) => term.id);
  }

  async media(id: number): Promise<WordPressMedia> {
    return MediaSchema.parse(await this.get(`/wp/v2/media/${id}`, { context: 'edit' }));
  }

  /** The post exactly as the REST API gives it to an editor, to search for text that must not be there. */
  async rawPost(id: number): Promise<string> {
    return JSON.stringify(await this.get(`/wp/v2/posts/${id}`, { context: 'edit' }));
  }

  /** How many items the media library holds. */
  async mediaCount(): Promise<number> {
    const { headers } = await this.getWithHeaders('/wp/v2/media', { per_page: '1' });
    return Number(headers.get('x-wp-total'));
  }
}

/** The visible text of each paragraph in rendered post HTML. */
export function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decodeEntities((m[1] ?? '').replace(/<[^>]*>/g, '')).trim());
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
