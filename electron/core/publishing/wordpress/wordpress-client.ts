import { z } from 'zod';
import { AppFailure } from '../../../../shared/ipc/result';
import type { FetchLike } from '../../ports';
import { capitalise, htmlErrorSummary, sendRequest, type HttpReply } from '../http';

/** A WordPress site reached through its REST API with an application password. */
export interface WordPressCredentials {
  siteUrl: string;
  username: string;
  applicationPassword: string;
}

export interface RemotePost {
  id: number;
  link: string;
  status: string;
  modifiedGmt: string;
  /** The slug WordPress kept: its own when none was sent, or ours with a `-2` when taken. */
  slug: string;
}

/** What a post is written with (see post-mapping.ts for where each field comes from). */
export interface PostFields {
  title: string;
  content: string;
  /** `future` with a `date_gmt` ahead: WordPress' own scheduler publishes it then; `pending`: filed for review. */
  status: 'publish' | 'future' | 'draft' | 'pending';
  /** UTC, `YYYY-MM-DDTHH:MM:SS` (WordPress' `date` is site-local time: never sent). */
  date_gmt?: string;
  excerpt?: string;
  /** Omitted: WordPress makes one from the title. */
  slug?: string;
  tags?: number[];
  categories?: number[];
  /** 0 removes the featured image. */
  featured_media?: number;
}

const PostReplySchema = z.object({
  id: z.number().int().positive(),
  link: z.string(),
  status: z.string(),
  modified_gmt: z.string(),
  slug: z.string(),
});

/** A post as an editor sees it (`context=edit`): the raw title and content, as stored. */
export interface EditablePost extends RemotePost {
  title: string;
  content: string;
  dateGmt: string;
}

const EditablePostSchema = PostReplySchema.extend({
  title: z.object({ raw: z.string() }),
  content: z.object({ raw: z.string() }),
  date_gmt: z.string().nullable(),
});

const PendingPostSchema = EditablePostSchema.extend({
  _embedded: z.object({ author: z.array(z.object({ name: z.string().optional() }).loose()).optional() }).loose().optional(),
});

/**
 * A failure WordPress itself answered with: the HTTP status and Retry-After go with it so the
 * outbox can decide (retry a 503, park a 403, reconcile a 2xx it could not read).
 */
export class WordPressFailure extends AppFailure {
  constructor(
    code: ConstructorParameters<typeof AppFailure>[0],
    message: string,
    readonly status: number,
    readonly retryAfter: string | undefined,
  ) {
    super(code, message);
    this.name = 'WordPressFailure';
  }
}

const UserReplySchema = z.object({
  name: z.string(),
  capabilities: z.record(z.string(), z.unknown()).optional(),
});

const ErrorReplySchema = z.object({ code: z.string().optional(), message: z.string().optional() });

const DEFAULT_TIMEOUT_MS = 15_000;

export class WordPressClient {
  constructor(
    private readonly credentials: WordPressCredentials,
    private readonly fetchImpl: FetchLike = fetch,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  private get siteLabel(): string {
    return `the WordPress site at ${this.credentials.siteUrl}`;
  }

  /** Checks the credentials and whether this user may publish. */
  async whoAmI(): Promise<{ name: string; canPublish: boolean }> {
    const reply = await this.request('GET', '/wp/v2/users/me', { context: 'edit' });
    const user = this.parse(UserReplySchema, reply);
    return { name: user.name, canPublish: user.capabilities?.['publish_posts'] === true };
  }

  async createPost(post: PostFields): Promise<RemotePost> {
    return this.toRemotePost(await this.request('POST', '/wp/v2/posts', {}, post));
  }

  async updatePost(id: number, post: PostFields): Promise<RemotePost> {
    return this.toRemotePost(await this.request('POST', `/wp/v2/posts/${id}`, {}, post));
  }

  /** The post with its raw fields (`context=edit`); NOT_FOUND when it was deleted. */
  async getPost(id: number): Promise<EditablePost> {
    return toEditablePost(this.parse(EditablePostSchema, await this.request('GET', `/wp/v2/posts/${id}`, { context: 'edit' })));
  }

  /** Posts in any status but trash matching a `search` (title, excerpt and raw content, as stored). */
  async searchPosts(search: string): Promise<EditablePost[]> {
    const query = { search, status: 'any', context: 'edit', per_page: '20' };
    return this.parse(z.array(EditablePostSchema), await this.request('GET', '/wp/v2/posts', query)).map(toEditablePost);
  }

  /**
   * The posts waiting for review (`pending`), newest change first, with the name of the account
   * that wrote each (`_embed=author`: one request, not one per post).
   */
  async pendingPosts(): Promise<Array<EditablePost & { authorName: string }>> {
    const query = { status: 'pending', context: 'edit', per_page: '100', orderby: 'modified', order: 'desc', _embed: 'author' };
    const posts = this.parse(z.array(PendingPostSchema), await this.request('GET', '/wp/v2/posts', query));
    return posts.map((post) => ({ ...toEditablePost(post), authorName: post._embedded?.author?.[0]?.name ?? '' }));
  }

  /** Changes only the given fields of a post (unpublish sends just the status). */
  async editPost(id: number, fields: Partial<PostFields>): Promise<RemotePost> {
    return this.toRemotePost(await this.request('POST', `/wp/v2/posts/${id}`, {}, fields));
  }

  /** A GET whose answer the caller parses with `schema` (terms, media). */
  async getJson<T>(route: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    return this.parse(schema, await this.request('GET', route, query));
  }

  /**
   * A JSON POST. `tolerate` lets the caller take over an error answer it understands (a term that
   * already exists) instead of it becoming a failure.
   */
  async postJson(route: string, body: unknown, tolerate?: (reply: HttpReply) => boolean): Promise<HttpReply> {
    return this.request('POST', route, {}, body, tolerate === undefined ? {} : { tolerate });
  }

  /** Parses an answer with `schema`, or fails in plain words. */
  read<T>(schema: z.ZodType<T>, reply: HttpReply): T {
    return this.parse(schema, reply);
  }

  /** Uploads a file to the media library as a raw body (WordPress wants both headers). */
  async uploadMedia(file: { bytes: Uint8Array; fileName: string; mediaType: string }): Promise<HttpReply> {
    return this.request('POST', '/wp/v2/media', {}, undefined, {
      rawBody: { data: file.bytes, contentType: file.mediaType },
      headers: { 'Content-Disposition': `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '')}"` },
    });
  }

  private toRemotePost(reply: HttpReply): RemotePost {
    const post = this.parse(PostReplySchema, reply);
    return { id: post.id, link: post.link, status: post.status, modifiedGmt: post.modified_gmt, slug: post.slug };
  }

  private async request(
    method: 'GET' | 'POST',
    route: string,
    query: Record<string, string>,
    body?: unknown,
    extra: { rawBody?: { data: Uint8Array; contentType: string }; headers?: Record<string, string>; tolerate?: (reply: HttpReply) => boolean } = {},
  ): Promise<HttpReply> {
    // `?rest_route=` works whether or not the site has pretty permalinks.
    const url = new URL(`${this.credentials.siteUrl}/`);
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const token = Buffer.from(`${this.credentials.username}:${this.credentials.applicationPassword}`, 'utf8').toString('base64');
    const reply = await sendRequest(this.fetchImpl, {
      method,
      url: url.toString(),
      headers: { ...extra.headers, Authorization: `Basic ${token}` },
      ...(body === undefined ? {} : { body }),
      ...(extra.rawBody === undefined ? {} : { rawBody: extra.rawBody }),
      timeoutMs: this.timeoutMs,
      siteLabel: this.siteLabel,
    });
    if (reply.status >= 200 && reply.status < 300) return reply;
    if (extra.tolerate?.(reply) === true) return reply;
    throw this.failureFor(reply);
  }

  private failureFor(reply: HttpReply): AppFailure {
    const site = this.siteLabel;
    const failure = (code: ConstructorParameters<typeof AppFailure>[0], message: string): WordPressFailure =>
      new WordPressFailure(code, message, reply.status, reply.retryAfter);
    if (reply.status === 401) {
      // WordPress 6.1 answers the same 401 for a wrong password, an unknown user and no header.
      return failure('AUTH_FAILED', `${capitalise(site)} did not accept the user name or application password. Check them in Settings.`);
    }
    if (reply.json === undefined) {
      const summary = htmlErrorSummary(reply.text);
      return failure(
        'BAD_RESPONSE',
        `${capitalise(site)} answered with an error page (HTTP ${reply.status}) instead of data${summary ? `: “${summary}”` : ''}. The site may be down; try again later.`,
      );
    }
    const error = ErrorReplySchema.safeParse(reply.json);
    const detail = error.success && error.data.message ? stripTags(error.data.message) : `HTTP ${reply.status}`;
    if (reply.status === 403) {
      return failure('FORBIDDEN', `This WordPress user may not do that on ${site}: ${detail}`);
    }
    if (reply.status === 404 && error.success && error.data.code === 'rest_post_invalid_id') {
      return failure('NOT_FOUND', `The post no longer exists on ${site} (it was deleted there).`);
    }
    if (reply.status === 404) {
      return failure('BAD_RESPONSE', `${capitalise(site)} does not offer the WordPress REST API. Check the address.`);
    }
    if (reply.status >= 500) {
      return failure('CMS_ERROR', `${capitalise(site)} had an internal error (HTTP ${reply.status}: ${detail}). Nothing was changed; try again later.`);
    }
    return failure('CMS_ERROR', `${capitalise(site)} refused the request: ${detail}`);
  }

  private parse<T>(schema: z.ZodType<T>, reply: HttpReply): T {
    const parsed = schema.safeParse(reply.json);
    if (!parsed.success) {
      // With the status: a 2xx we could not read may still have been committed.
      throw new WordPressFailure(
        'BAD_RESPONSE',
        `${capitalise(this.siteLabel)} answered, but not like WordPress does. Check that the address is a WordPress site.`,
        reply.status,
        reply.retryAfter,
      );
    }
    return parsed.data;
  }
}

const stripTags = (text: string): string => text.replace(/<[^>]*>/g, '').slice(0, 300);

const toEditablePost = (post: z.infer<typeof EditablePostSchema>): EditablePost => ({
  id: post.id,
  link: post.link,
  status: post.status,
  modifiedGmt: post.modified_gmt,
  slug: post.slug,
  title: post.title.raw,
  content: post.content.raw,
  dateGmt: post.date_gmt ?? '',
});
