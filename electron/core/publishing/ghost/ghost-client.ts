import { z } from 'zod';
import type { FetchLike } from '../../ports';
import { capitalise, sendRequest, type HttpReply } from '../http';
import { GhostApiFailure, ghostFailure } from './ghost-errors';
import { mintAdminToken, parseAdminKey, type GhostAdminKey } from './ghost-jwt';

export { GhostApiFailure } from './ghost-errors';

/**
 * A Ghost site reached through its Admin API with a custom integration's Admin API key
 * (notes: shared/notes/cms.md §2.5–§3). Every request carries a freshly minted JWT.
 */
export interface GhostCredentials {
  /** The site's admin address, e.g. `https://example.com` (a trailing `/ghost/` is tolerated). */
  adminUrl: string;
  /** `id:secret`, from Ghost → Settings → Integrations → a custom integration. */
  adminApiKey: string;
}

export type GhostPostStatus = 'published' | 'draft' | 'scheduled';

/** The fields Newsroom sends (cms.md §5). The body is HTML, converted by Ghost (`?source=html`). */
export interface GhostPostFields {
  title: string;
  html: string;
  status: GhostPostStatus;
  /** ISO 8601; with `scheduled`, the time Ghost publishes it. */
  published_at?: string;
  slug?: string;
  /** The standfirst. */
  custom_excerpt?: string;
  /** Tag names, created by Ghost when missing; the first is the primary tag (the section). */
  tags?: string[];
  meta_title?: string;
  meta_description?: string;
  /** An image URL on the site (uploadImage), or null for none. */
  feature_image?: string | null;
  feature_image_alt?: string | null;
  /** HTML: Ghost shows it as markup, so plain text must be escaped. */
  feature_image_caption?: string | null;
}

export interface GhostPost {
  id: string;
  title: string;
  slug: string;
  status: string;
  /** The public address. */
  url: string;
  /** The version Ghost holds: an update must send it back (409 when someone changed the post since). */
  updatedAt: string;
  publishedAt: string | null;
  customExcerpt: string | null;
  tags: string[];
  /** The tags' slugs, in the same order: an internal tag `#x` has the slug `hash-x`. */
  tagSlugs: string[];
  /** Present when read with `formats=html` (getPost, getPostBySlug). */
  html: string | null;
  /** Staff names, when read with `include=authors` (draftsTagged). */
  authors: string[];
}

const PostSchema = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  slug: z.string(),
  status: z.string(),
  url: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
  custom_excerpt: z.string().nullable().optional(),
  tags: z.array(z.object({ name: z.string(), slug: z.string() })).optional(),
  html: z.string().nullable().optional(),
  authors: z.array(z.object({ name: z.string() }).loose()).optional(),
});
const PostsReplySchema = z.object({ posts: z.array(PostSchema).min(1) });
const PostListSchema = z.object({ posts: z.array(PostSchema) });
const ImagesReplySchema = z.object({ images: z.array(z.object({ url: z.string().min(1) })).length(1) });
const UserReplySchema = z.object({ users: z.array(z.object({ name: z.string(), roles: z.array(z.object({ name: z.string() })).optional() })).min(1) });

const SiteReplySchema = z.object({
  site: z.object({ title: z.string(), url: z.string(), version: z.string() }),
});
const ConfigReplySchema = z.object({ config: z.object({ version: z.string() }) });
const DEFAULT_TIMEOUT_MS = 15_000;
/** The Admin API version this client is written against (docs: send `Accept-Version`). */
const ACCEPT_VERSION = 'v5.0';

export class GhostClient {
  private readonly key: GhostAdminKey;
  private readonly apiBase: string;
  private readonly siteUrl: string;

  constructor(
    credentials: GhostCredentials,
    private readonly fetchImpl: FetchLike = fetch,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    this.key = parseAdminKey(credentials.adminApiKey);
    this.siteUrl = credentials.adminUrl.trim().replace(/\/+$/, '').replace(/\/ghost$/, '');
    this.apiBase = `${this.siteUrl}/ghost/api/admin`;
  }

  private get siteLabel(): string {
    return `the Ghost site at ${this.siteUrl}`;
  }

  /**
   * Proves the address is a Ghost site and the key works, in two cheap GETs. `/site/` is public:
   * it answers even with a wrong key, so "not a Ghost site" and "wrong key" stay apart, and it
   * gives the title and public address. `/config/` needs a valid token (403 without one) and gives
   * the exact version. (`/users/me/` is no use: with an integration's token Ghost answers
   * 404 "User not found", an integration not being a user.)
   */
  async whoAmI(): Promise<{ siteTitle: string; siteUrl: string; ghostVersion: string }> {
    const site = this.parse(SiteReplySchema, await this.request('GET', '/site/', {}, undefined, false)).site;
    const config = this.parse(ConfigReplySchema, await this.request('GET', '/config/', {})).config;
    return { siteTitle: site.title, siteUrl: site.url, ghostVersion: config.version };
  }

  async createPost(fields: GhostPostFields): Promise<GhostPost> {
    return this.onePost(await this.request('POST', '/posts/', { source: 'html' }, { posts: [toGhostFields(fields)] }));
  }

  /** The post as Ghost holds it, with its HTML. A deleted post is NOT_FOUND. */
  async getPost(id: string): Promise<GhostPost> {
    return this.onePost(await this.request('GET', `/posts/${encodeURIComponent(id)}/`, { formats: 'html' }));
  }

  /**
   * The post with this slug in any status, or null when Ghost says there is none: how the outbox
   * finds out whether a create whose answer was lost took effect. Only Ghost's own NotFoundError
   * counts as "none"; any other 404 (wrong address, a proxy's page) is a failure, so a post is
   * never sent twice because of a misread answer.
   */
  async getPostBySlug(slug: string): Promise<GhostPost | null> {
    try {
      return this.onePost(await this.request('GET', `/posts/slug/${encodeURIComponent(slug)}/`, { formats: 'html' }));
    } catch (error) {
      if (error instanceof GhostApiFailure && error.status === 404 && error.ghostType === 'NotFoundError') return null;
      throw error;
    }
  }

  /**
   * Changes the post, but only if nobody changed it on Ghost since `updatedAt` (the version
   * Newsroom last saw): otherwise Ghost answers 409 and nothing is overwritten. Tags, when given,
   * replace the post's tags.
   */
  async updatePost(id: string, fields: Partial<GhostPostFields>, updatedAt: string): Promise<GhostPost> {
    const query: Record<string, string> = fields.html === undefined ? {} : { source: 'html' };
    const body = { posts: [{ ...toGhostFields(fields), updated_at: updatedAt }] };
    return this.onePost(await this.request('PUT', `/posts/${encodeURIComponent(id)}/`, query, body));
  }

  /**
   * Every post (any status) carrying the tag with this slug, oldest first: how the adapter finds
   * the post an earlier attempt made, by the internal marker tag it carries.
   */
  async postsTagged(tagSlug: string): Promise<GhostPost[]> {
    if (!/^[a-z0-9-]+$/.test(tagSlug)) throw new Error(`Not a tag slug: ${tagSlug}`);
    const query = { filter: `tag:${tagSlug}`, limit: 'all', order: 'created_at asc', formats: 'html' };
    return this.parse(PostListSchema, await this.request('GET', '/posts/', query)).posts.map((post) => this.toPost(post));
  }

  /** The DRAFTS carrying the tag with this slug, last changed first, with their HTML and authors (the desk inbox). */
  async draftsTagged(tagSlug: string): Promise<GhostPost[]> {
    if (!/^[a-z0-9-]+$/.test(tagSlug)) throw new Error(`Not a tag slug: ${tagSlug}`);
    const query = { filter: `status:draft+tag:${tagSlug}`, limit: '100', order: 'updated_at desc', formats: 'html', include: 'tags,authors' };
    return this.parse(PostListSchema, await this.request('GET', '/posts/', query)).posts.map((post) => this.toPost(post));
  }

  /**
   * Uploads an image (multipart `file` + `ref`, as the Admin API takes it) and returns the URL
   * Ghost serves it from. The form is encoded by the platform's own FormData.
   */
  async uploadImage(image: { bytes: Uint8Array; fileName: string; mediaType: string }): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(image.bytes)], { type: image.mediaType }), image.fileName);
    form.append('ref', image.fileName);
    const encoded = new Response(form);
    const rawBody = { data: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? '' };
    const reply = await this.request('POST', '/images/upload/', {}, undefined, true, rawBody);
    return (this.parse(ImagesReplySchema, reply).images[0] as { url: string }).url;
  }

  /**
   * The staff user the key acts as, with its role, or null for a custom integration: Ghost answers
   * `/users/me/` with 404 "User not found" for an integration's token (an integration is not a
   * user; its role, Admin Integration, may publish). A staff access token acts as its user.
   */
  async staffUser(): Promise<{ name: string; role: string } | null> {
    try {
      const user = this.parse(UserReplySchema, await this.request('GET', '/users/me/', { include: 'roles' })).users[0];
      return user ? { name: user.name, role: user.roles?.[0]?.name ?? '' } : null;
    } catch (error) {
      if (error instanceof GhostApiFailure && error.status === 404 && error.ghostType === 'NotFoundError') return null;
      throw error;
    }
  }

  async deletePost(id: string): Promise<void> {
    await this.request('DELETE', `/posts/${encodeURIComponent(id)}/`, {});
  }

  private onePost(reply: HttpReply): GhostPost {
    return this.toPost(this.parse(PostsReplySchema, reply).posts[0] as z.infer<typeof PostSchema>);
  }

  private toPost(post: z.infer<typeof PostSchema>): GhostPost {
    return {
      id: post.id,
      title: post.title ?? '',
      slug: post.slug,
      status: post.status,
      url: post.url,
      updatedAt: post.updated_at,
      publishedAt: post.published_at,
      customExcerpt: post.custom_excerpt ?? null,
      tags: (post.tags ?? []).map((tag) => tag.name),
      tagSlugs: (post.tags ?? []).map((tag) => tag.slug),
      html: post.html ?? null,
      authors: (post.authors ?? []).map((author) => author.name),
    };
  }

  private async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query: Record<string, string>,
    body?: unknown,
    authenticated = true,
    rawBody?: { data: Uint8Array; contentType: string },
  ): Promise<HttpReply> {
    const url = new URL(`${this.apiBase}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Version': ACCEPT_VERSION };
    if (authenticated) headers['Authorization'] = `Ghost ${mintAdminToken(this.key)}`;
    const reply = await sendRequest(this.fetchImpl, {
      method,
      url: url.toString(),
      headers,
      body,
      ...(rawBody === undefined ? {} : { rawBody }),
      timeoutMs: this.timeoutMs,
      siteLabel: this.siteLabel,
    });
    if (reply.status >= 200 && reply.status < 300) return reply;
    throw ghostFailure(reply, method, this.siteLabel);
  }

  private parse<T>(schema: z.ZodType<T>, reply: HttpReply): T {
    const parsed = schema.safeParse(reply.json);
    if (!parsed.success) {
      throw new GhostApiFailure(
        'BAD_RESPONSE',
        `${capitalise(this.siteLabel)} answered, but not like Ghost does. Check that the address is a Ghost site.`,
        reply.status,
      );
    }
    return parsed.data;
  }
}

/** Newsroom's fields in the Admin API's shape: tags as `{ name }` (Ghost creates missing ones). */
function toGhostFields(fields: Partial<GhostPostFields>): Record<string, unknown> {
  const { tags, ...rest } = fields;
  return tags === undefined ? { ...rest } : { ...rest, tags: tags.map((name) => ({ name })) };
}
