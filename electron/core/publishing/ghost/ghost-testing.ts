import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { adminToken, type GhostEnv } from '../../../../e2e/host/ghost';
import { body, element, paragraph, text } from '../../../../shared/editor/article-fixture';
import { type Article, newArticle } from '../../../../shared/model/article';
import type { JobAction, OutboxJob } from '../../outbox/job';
import type { PublishPayload } from '../adapter';
import { jobOf as fixtureJob } from '../adapter-fixture';

/** Test support for the Ghost adapter against the real Ghost; not imported by app code. */

export { MemoryAssets, pngAsset } from '../adapter-fixture';

/** A job of a fresh draft (or the one given) on the test profile. */
export const jobOf = (action: JobAction, payload: unknown, draftId: string = randomUUID()): OutboxJob =>
  fixtureJob(action, payload, { draftId, profileId: 'ghost-test' });

export const NOTE = 'NOTE-FOR-THE-DESK-ONLY';

/** A story with every field set: two paragraphs with an image between them. */
export function fullStory(headline: string, run: string, images: { featured: string; inline: string }): Article {
  return newArticle({
    headline,
    standfirst: 'The harbour of Cádiz is open again.',
    byline: ['Ana Ruiz', 'Luis Pérez'],
    section: `Harbours ${run}`,
    tags: [`Storms ${run}`, 'Cádiz'],
    slugFollowsHeadline: true,
    dateline: { place: 'Cádiz', date: '2026-11-28' },
    seoTitle: 'SEO-TITLE-MARKER',
    seoDescription: 'SEO-DESCRIPTION-MARKER',
    editorialNote: NOTE,
    featuredImage: { asset: images.featured, alt: 'Cranes at dawn', caption: 'Cranes & ships', credit: 'EFE' },
    body: body(
      paragraph(text('The port reopened on Saturday after the storm.')),
      element('heading', [text('Traffic')], { tag: 'h2' }),
      { type: 'article-image', version: 1, asset: images.inline, alt: 'A ferry', caption: 'The first ferry', credit: 'Port authority' },
      paragraph(text('Ferries resume on Monday.')),
    ),
  });
}

export function publishPayload(article: Article, extra: Partial<Omit<PublishPayload, 'kind' | 'article'>> = {}): PublishPayload {
  return { kind: 'publish', article, revision: 1, timing: { kind: 'now' }, overwrite: false, ...extra };
}

const AdminPostSchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.string(),
  url: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
  custom_excerpt: z.string().nullable(),
  meta_title: z.string().nullable(),
  meta_description: z.string().nullable(),
  feature_image: z.string().nullable(),
  feature_image_alt: z.string().nullable(),
  feature_image_caption: z.string().nullable(),
  html: z.string().nullable(),
  plaintext: z.string().nullable().optional(),
  tags: z.array(z.object({ name: z.string(), slug: z.string(), visibility: z.string() })),
  primary_tag: z.object({ name: z.string() }).nullable(),
});
export type AdminPost = z.infer<typeof AdminPostSchema>;

/** The site's owner acting directly through the Admin API, with its own token code (a person on the web). */
export class GhostAdmin {
  constructor(private readonly env: GhostEnv) {}

  private token(): string {
    return adminToken(this.env.adminApiKey);
  }

  async call(method: 'GET' | 'PUT' | 'DELETE', path: string, query: Record<string, string> = {}, payload?: unknown): Promise<{ status: number; json: unknown }> {
    const url = new URL(`${this.env.url}/ghost/api/admin${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const headers = { Authorization: `Ghost ${this.token()}`, 'Content-Type': 'application/json' };
    const response = await fetch(url, { method, headers, ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) });
    const raw = await response.text();
    return { status: response.status, json: raw === '' ? undefined : (JSON.parse(raw) as unknown) };
  }

  /** The post with HTML, plain text, tags and every field the adapter sends; null when gone. */
  async post(id: string): Promise<AdminPost | null> {
    const { status, json } = await this.call('GET', `/posts/${id}/`, { formats: 'html,plaintext', include: 'tags' });
    if (status === 404) return null;
    if (status !== 200) throw new Error(`GET /posts/${id}/ -> ${status}: ${JSON.stringify(json)}`);
    return z.object({ posts: z.array(AdminPostSchema).length(1) }).parse(json).posts[0] ?? null;
  }

  /** Posts whose title matches exactly, in any status. */
  async postsTitled(title: string): Promise<AdminPost[]> {
    const filter = `title:'${title.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const { json } = await this.call('GET', '/posts/', { filter, formats: 'html', include: 'tags', limit: 'all' });
    return z.object({ posts: z.array(AdminPostSchema) }).parse(json).posts.filter((post) => post.title === title);
  }

  /** Posts whose title contains `text` (Ghost's `~` filter), in any status. */
  async postsContaining(text: string): Promise<AdminPost[]> {
    const filter = `title:~'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const { json } = await this.call('GET', '/posts/', { filter, formats: 'html', include: 'tags', limit: 'all' });
    return z.object({ posts: z.array(AdminPostSchema) }).parse(json).posts;
  }

  /** Edits the title on the web, as a colleague would: returns the new updated_at. */
  async retitle(id: string, title: string): Promise<string> {
    const current = await this.post(id);
    if (current === null) throw new Error(`no post ${id}`);
    const { status, json } = await this.call('PUT', `/posts/${id}/`, {}, { posts: [{ title, updated_at: current.updated_at }] });
    if (status !== 200) throw new Error(`PUT /posts/${id}/ -> ${status}: ${JSON.stringify(json)}`);
    return z.object({ posts: z.array(z.object({ updated_at: z.string() })).length(1) }).parse(json).posts[0]?.updated_at ?? '';
  }

  async deletePost(id: string): Promise<void> {
    await this.call('DELETE', `/posts/${id}/`);
  }
}

/** Ghost keeps `updated_at` to the second: a change within the same second keeps the same version. */
export const nextSecond = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
