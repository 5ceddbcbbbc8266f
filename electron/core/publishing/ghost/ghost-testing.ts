import { createHash, createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GhostEnv } from '../../../../e2e/host/ghost';
import { body, element, paragraph, text } from '../../../../shared/editor/article-fixture';
import { type Article, newArticle } from '../../../../shared/model/article';
import type { JobAction, OutboxJob } from '../../outbox/job';
import type { DraftImage, PublishPayload } from '../adapter';

/** Test support for the Ghost adapter against the real Ghost; not imported by app code. */

/** A valid PNG (Ghost checks an upload is an image), a distinct file per `seed`. */
export function pngAsset(seed: string): { asset: string; image: DraftImage } {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  // Bytes after IEND are ignored by decoders.
  const bytes = new Uint8Array(Buffer.concat([base, Buffer.from(seed, 'utf8')]));
  return { asset: `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.png`, image: { mediaType: 'image/png', bytes } };
}

/** Draft images in memory; counts reads. */
export class MemoryAssets {
  readonly images = new Map<string, DraftImage>();
  reads = 0;
  add(seed: string): string {
    const { asset, image } = pngAsset(seed);
    this.images.set(asset, image);
    return asset;
  }
  readonly read = async (_draftId: string, asset: string): Promise<DraftImage> => {
    const image = this.images.get(asset);
    if (image === undefined) throw new Error(`no asset ${asset}`);
    this.reads += 1;
    return image;
  };
}

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

export function jobOf(action: JobAction, payload: unknown): OutboxJob {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    seq: 0,
    idempotencyKey: randomUUID(),
    draftId: randomUUID(),
    profileId: 'ghost-test',
    action,
    payload: JSON.parse(JSON.stringify(payload)) as unknown,
    state: 'pending',
    outcomeUnknown: false,
    attempts: 0,
    failures: 0,
    serverErrors: 0,
    createdAt: now,
    updatedAt: now,
    notBefore: now,
  };
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
    const [id = '', secret = ''] = this.env.adminApiKey.split(':');
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const iat = Math.floor(Date.now() / 1000);
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: id })}.${part({ iat, exp: iat + 300, aud: '/admin/' })}`;
    return `${unsigned}.${createHmac('sha256', Buffer.from(secret, 'hex')).update(unsigned).digest('base64url')}`;
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
