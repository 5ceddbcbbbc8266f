import { renderBodyBlocks } from '../../../../shared/editor/render-html';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Article } from '../../../../shared/model/article';
import type { OutboxJob, RemoteResult } from '../../outbox/job';
import { SendFailure, type SendContext } from '../../outbox/transport';
import type { FetchLike } from '../../ports';
import {
  type AssetReader,
  type CmsAdapter,
  type ConnectionVerdict,
  type MappingPreview,
  parsePayload,
  type PublishPayload,
  type RemoteCopy,
  type ReviewCopy,
  type ReviewListing,
} from '../adapter';
import { storyComment, storyIn, withoutStory } from '../desk-story';
import { renderWithUploadedImages } from './body-images';
import { testWordPressConnection } from './connection';
import { hasMarker, markerOf, withMarker, withoutMarker } from './marker';
import { MediaLibrary } from './media';
import { assetsOf, uploadedBefore } from './media-lookup';
import { basePostFields, correctionBlock, correctionBlocksIn, postContent } from './post-mapping';
import { previewForWordPress } from './preview';
import { asSendFailure } from './send-failure';
import { resolveTerms } from './terms';
import { type EditablePost, type PostFields, type RemotePost, WordPressClient, type WordPressCredentials } from './wordpress-client';
import { captionWithCredit, slugToSend } from '../story-mapping';

/**
 * The outbox's WordPress adapter (WordPress 6.1+ core REST API, application password; no plugin).
 *
 * - create: a new post, `publish`, or `future` with `date_gmt` for a scheduled story (WordPress'
 *   own scheduler publishes it);
 * - update: the same post (its id from the draft's last done job on this profile), with the
 *   corrections it already shows kept and the job's correction appended (house format);
 * - unpublish: back to `draft`, nothing else touched;
 * - file (timing `review`): `pending`, with the whole Newsroom story in one HTML comment
 *   (desk-story.ts). Kept as stored for an administrator or editor (unfiltered_html) and for an
 *   Author (kses keeps comments, as it must for block delimiters) — see marker.ts.
 * Conflicts: WordPress has no conditional update (Trac #47676), so before writing over a post the
 * adapter reads its `modified_gmt` (`context=edit`) and refuses with CONFLICT when it is neither the
 * version the job was based on nor the one Newsroom last wrote. This is best-effort: an edit in the
 * same second, or between the check and the write, is not seen.
 * Never twice: each write leaves the job's marker in the content (marker.ts says why there and
 * what was measured), and `reconcile` finds it before an unknown outcome is sent again.
 * The editorial note and the SEO fields are never sent (the preview lists them as lost).
 */
export interface WordPressAdapterOptions {
  credentials: WordPressCredentials;
  readAsset: AssetReader;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export class WordPressAdapter implements CmsAdapter {
  readonly kind = 'wordpress';
  private readonly client: WordPressClient;

  constructor(private readonly options: WordPressAdapterOptions) {
    this.client = new WordPressClient(options.credentials, options.fetch ?? fetch, options.timeoutMs);
  }

  async send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    try {
      return resultOf(await this.perform(job, context));
    } catch (error) {
      throw asSendFailure(error, 'send');
    }
  }

  async reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null> {
    try {
      const found = await this.findEffect(job, context);
      return found === null ? null : resultOf(found);
    } catch (error) {
      throw asSendFailure(error, 'reconcile');
    }
  }

  testConnection(): Promise<ConnectionVerdict> {
    return testWordPressConnection(this.client, this.options.credentials);
  }

  preview(article: Article): MappingPreview {
    return previewForWordPress(article);
  }

  async fetchRemote(remoteId: string): Promise<RemoteCopy | null> {
    try {
      const post = await this.client.getPost(postIdOf(remoteId));
      return { remoteId, version: post.modifiedGmt, title: post.title, html: withoutStory(withoutMarker(post.content)), status: post.status, url: post.link };
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async listForReview(): Promise<ReviewListing[]> {
    const posts = await this.client.pendingPosts();
    return posts.map((post) => ({
      remoteId: String(post.id),
      title: post.title,
      author: post.authorName,
      modifiedAt: `${post.modifiedGmt}Z`,
      url: post.link,
      story: storyOrDamaged(post.content),
    }));
  }

  async fetchForReview(remoteId: string): Promise<ReviewCopy | null> {
    const id = Number(remoteId);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    try {
      const post = await this.client.getPost(id);
      return { remoteId, version: post.modifiedGmt, title: post.title, status: post.status, url: post.link, content: post.content };
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private async perform(job: OutboxJob, context: SendContext): Promise<RemotePost> {
    const payload = parsePayload(job);
    const marker = markerOf(job.idempotencyKey);
    if (job.action === 'create') {
      return this.client.createPost(await this.postFields(job, expectPublish(payload), marker, { slug: undefined, corrections: [] }));
    }
    const id = postIdOf(context.earlier?.remoteId);
    const current = await this.client.getPost(id);
    checkUnchanged(current, payload, context);
    if (job.action === 'unpublish') return this.client.editPost(id, { status: 'draft' });
    const earlier = { slug: context.earlier?.slug ?? current.slug, corrections: correctionBlocksIn(current.content) };
    return this.client.updatePost(id, await this.postFields(job, expectPublish(payload), marker, earlier));
  }

  /** Did this job's write land? Only reads. */
  private async findEffect(job: OutboxJob, context: SendContext): Promise<EditablePost | null> {
    const marker = markerOf(job.idempotencyKey);
    if (job.action === 'create') {
      const found = await this.client.searchPosts(marker);
      return found.find((post) => hasMarker(post.content, marker)) ?? null;
    }
    const post = await this.client.getPost(postIdOf(context.earlier?.remoteId));
    if (job.action === 'unpublish') return post.status === 'draft' ? post : null;
    return hasMarker(post.content, marker) ? post : null;
  }

  private async postFields(
    job: OutboxJob,
    payload: PublishPayload,
    marker: string,
    earlier: { slug: string | undefined; corrections: string[] },
  ): Promise<PostFields> {
    const { article } = payload;
    try {
      renderBodyBlocks(article.body); // a body that cannot be rendered stops here, before any upload
    } catch (error) {
      throw new AppFailure('DRAFT_CORRUPT', 'The story body could not be prepared for publishing; it was not sent.', { cause: error });
    }
    const known = await uploadedBefore(this.client, assetsOf(article));
    const media = new MediaLibrary(this.client, (asset) => this.options.readAsset(job.draftId, asset), known);
    const { blocks, mediaIdOf } = await renderWithUploadedImages(article.body, media);
    const image = article.featuredImage;
    const featured = image ? await media.ensure(image.asset, { alt: image.alt, caption: captionWithCredit(image.caption, image.credit) }) : undefined;
    const corrections = [...earlier.corrections];
    if (payload.correction) {
      const line = correctionBlock(payload.correction.note, payload.correction.at);
      if (!corrections.includes(line)) corrections.push(line);
    }
    // Only a `file` job carries the story (the publisher puts it in no other payload).
    const story = payload.timing.kind === 'review' && payload.story !== undefined ? [storyComment(payload.story)] : [];
    const content = [postContent(article, blocks, { mediaIdOf }), ...corrections, ...story].join('\n\n');
    return {
      ...basePostFields(article, withMarker(content, marker), slugToSend(article, earlier.slug)),
      ...timingFields(payload),
      tags: await resolveTerms(this.client, 'tags', article.tags),
      categories: await resolveTerms(this.client, 'categories', [article.section]),
      // 0 takes a removed featured image off the post too.
      featured_media: featured?.id ?? 0,
    };
  }
}

/**
 * `publish` now, `future` at a UTC time (WordPress' `date` is site-local: only `date_gmt` is
 * sent), or `pending` review.
 */
function timingFields(payload: PublishPayload): Pick<PostFields, 'status' | 'date_gmt'> {
  if (payload.timing.kind === 'now') return { status: 'publish' };
  if (payload.timing.kind === 'review') return { status: 'pending' };
  return { status: 'future', date_gmt: new Date(payload.timing.publishAt).toISOString().slice(0, 19) };
}

/**
 * The post was not changed on the site since Newsroom last wrote or saw it. Either version
 * counts: the job's base (what the journalist saw), or what the last done job wrote (an update
 * queued before that job ran could not know it).
 */
function checkUnchanged(current: EditablePost, payload: { baseVersion?: string | undefined; overwrite: boolean }, context: SendContext): void {
  const known = [payload.baseVersion, context.earlier?.version].filter((version): version is string => version !== undefined);
  if (payload.overwrite || known.length === 0 || known.includes(current.modifiedGmt)) return;
  throw new SendFailure({
    code: 'CONFLICT',
    status: 409,
    outcomeUnknown: false,
    message: `The post was changed on the WordPress site (at ${current.modifiedGmt} UTC) since Newsroom last sent it, so it was not overwritten.`,
  });
}

function expectPublish(payload: ReturnType<typeof parsePayload>): PublishPayload {
  if (payload.kind === 'publish') return payload;
  throw new SendFailure({ code: 'INTERNAL', message: 'This publishing job is damaged (it has no story to send), so it was not sent.', outcomeUnknown: false });
}

/** The listing's view of a carried story: a damaged one is listed (and refused when opened). */
function storyOrDamaged(content: string): ReviewListing['story'] {
  try {
    return storyIn(content);
  } catch {
    return 'damaged';
  }
}

function postIdOf(remoteId: string | undefined): number {
  const id = Number(remoteId);
  if (remoteId !== undefined && Number.isSafeInteger(id) && id > 0) return id;
  throw new SendFailure({
    code: 'NOT_FOUND',
    message: 'Newsroom has no record of this story on the WordPress site, so there is no post to change. Publish it first.',
    outcomeUnknown: false,
  });
}

const resultOf = (post: RemotePost): RemoteResult => ({ remoteId: String(post.id), url: post.link, version: post.modifiedGmt, slug: post.slug });
