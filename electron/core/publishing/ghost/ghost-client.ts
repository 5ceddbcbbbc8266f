import { z } from 'zod';
import { AppFailure, type ErrorCode } from '../../../../shared/ipc/result';
import type { FetchLike } from '../../ports';
import { capitalise, htmlErrorSummary, sendRequest, type HttpReply } from '../http';
import { mintAdminToken, parseAdminKey, type GhostAdminKey } from './ghost-jwt';

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
  /** Present when read with `formats=html` (getPost, getPostBySlug). */
  html: string | null;
}

/** A failure Ghost answered with: the HTTP status and Ghost's own error type, for the outbox policy. */
export class GhostApiFailure extends AppFailure {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    /** Ghost's error `type`, e.g. `UpdateCollisionError`, `ValidationError`, `NotFoundError`. */
    readonly ghostType?: string,
  ) {
    super(code, message);
    this.name = 'GhostApiFailure';
  }
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
  tags: z.array(z.object({ name: z.string() })).optional(),
  html: z.string().nullable().optional(),
});
const PostsReplySchema = z.object({ posts: z.array(PostSchema).min(1) });

const SiteReplySchema = z.object({
  site: z.object({ title: z.string(), url: z.string(), version: z.string() }),
});
const ConfigReplySchema = z.object({ config: z.object({ version: z.string() }) });
const ErrorReplySchema = z.object({
  errors: z
    .array(
      z.object({
        message: z.string(),
        context: z.string().nullable().optional(),
        type: z.string().optional(),
        code: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

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

  async deletePost(id: string): Promise<void> {
    await this.request('DELETE', `/posts/${encodeURIComponent(id)}/`, {});
  }

  private onePost(reply: HttpReply): GhostPost {
    const post = this.parse(PostsReplySchema, reply).posts[0] as z.infer<typeof PostSchema>;
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
      html: post.html ?? null,
    };
  }

  private async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query: Record<string, string>,
    body?: unknown,
    authenticated = true,
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
      timeoutMs: this.timeoutMs,
      siteLabel: this.siteLabel,
    });
    if (reply.status >= 200 && reply.status < 300) return reply;
    throw this.failureFor(reply, method);
  }

  private failureFor(reply: HttpReply, method: string): GhostApiFailure {
    const site = this.siteLabel;
    const { status } = reply;
    const fail = (code: ErrorCode, message: string, type?: string): GhostApiFailure => new GhostApiFailure(code, message, status, type);
    const parsed = ErrorReplySchema.safeParse(reply.json);
    if (!parsed.success) {
      // Not Ghost's error format: an HTML error page, a proxy, or not a Ghost site at all.
      const summary = reply.json === undefined ? htmlErrorSummary(reply.text) : undefined;
      if (status === 404) {
        return fail('BAD_RESPONSE', `${capitalise(site)} does not offer the Ghost Admin API. Check the address.`);
      }
      if (status === 401 || status === 403) {
        return fail('BAD_RESPONSE', `${capitalise(site)} refused access (HTTP ${status}), but not the way Ghost does. Check the address: is something else in front of Ghost?`);
      }
      return fail(
        'BAD_RESPONSE',
        `${capitalise(site)} answered with an error (HTTP ${status}) instead of Ghost data${summary ? `: “${summary}”` : ''}. The site may be down; try again later.`,
      );
    }
    const error = parsed.data.errors[0] as z.infer<typeof ErrorReplySchema>['errors'][number];
    const type = error.type;
    const detail = [error.message, error.context].filter((part): part is string => !!part).join(' ').slice(0, 400);
    switch (status) {
      case 401: {
        // Ghost also answers 401 for a token outside its 5-minute window: a wrong computer clock.
        const clock = /expired|iat|before|future|maxAge/i.test(detail) ? ' If the key is right, check that this computer’s clock is correct.' : '';
        return fail('AUTH_FAILED', `${capitalise(site)} did not accept the Admin API key (${detail}). Check the key in Settings.${clock}`, type);
      }
      case 403:
        return fail('FORBIDDEN', `${capitalise(site)} did not allow this (${detail}). Check that the key is a custom integration’s Admin API key.`, type);
      case 404:
        return type === 'NotFoundError'
          ? fail('NOT_FOUND', `The post is not on ${site} (it may have been deleted there).`, type)
          : fail('BAD_RESPONSE', `${capitalise(site)} does not offer that part of the Ghost Admin API (${detail}). Check the address.`, type);
      case 409:
        return type === 'UpdateCollisionError'
          ? fail('CMS_ERROR', `The post was changed on ${site} since Newsroom last sent or read it, so it was not overwritten. Compare the two versions and choose which to keep.`, type)
          : fail('CMS_ERROR', `${capitalise(site)} refused the change because of a conflict: ${detail}`, type);
      case 413:
        return fail('CMS_ERROR', `The story is too large for ${site} (${detail}).`, type);
      case 422:
      case 400:
        return fail('CMS_ERROR', `${capitalise(site)} refused the post: ${detail}`, type);
      case 429:
        return fail('CMS_ERROR', `${capitalise(site)} is receiving too many requests and asked Newsroom to wait: ${detail}`, type);
      default:
        if (status >= 500) {
          return fail('CMS_ERROR', `${capitalise(site)} had an internal error (HTTP ${status}: ${detail}). ${method === 'GET' ? 'Try again later.' : 'It may or may not have saved the change; try again later.'}`, type);
        }
        return fail('CMS_ERROR', `${capitalise(site)} refused the request (HTTP ${status}): ${detail}`, type);
    }
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
