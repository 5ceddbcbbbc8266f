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
  type UnpublishPayload,
} from '../adapter';
import { storyIn } from '../desk-story';
import { DESK_TAG, storyCard, withoutStoryCard } from './ghost-desk';

import { GhostApiFailure, GhostClient, type GhostPost, type GhostPostFields } from './ghost-client';
import { markerTag, toGhostSendFailure, toVerdict } from './ghost-failures';
import { correctionsIn, ghostPostFields, ghostPreview, imageAssets } from './ghost-mapping';
import { slugToSend } from '../story-mapping';

export interface GhostProfile {
  /** The site's admin address, e.g. `https://example.com`. */
  adminUrl: string;
  /** A custom integration's Admin API key, `id:secret`. */
  adminApiKey: string;
}

export interface GhostAdapterOptions {
  readAsset: AssetReader;
  fetchImpl?: FetchLike;
  /** Per request; the client's default (15 s) otherwise. */
  timeoutMs?: number;
}

const result = (post: GhostPost): RemoteResult => ({ remoteId: post.id, url: post.url, version: post.updatedAt, slug: post.slug });

/** Same instant, whatever the notation (Ghost writes `…:05.000Z`). */
const sameVersion = (a: string, b: string): boolean => a === b || (Date.parse(a) === Date.parse(b) && !Number.isNaN(Date.parse(a)));

/**
 * Publishing to one Ghost site through its Admin API (see ghost-mapping.ts for the fields).
 * Create leaves an internal marker tag per job so a create whose answer was lost is found, not
 * made twice; an update carries its own job's marker (tags are replaced on update) so its
 * reconcile can tell whether it landed. Updates and unpublishes check Ghost's `updated_at`
 * against the version Newsroom last saw and refuse with CONFLICT when someone changed the post.
 */
export class GhostAdapter implements CmsAdapter {
  readonly kind = 'ghost';
  private readonly client: GhostClient | undefined;
  private readonly setupProblem: string | undefined;
  private readonly site: string;

  constructor(profile: GhostProfile, private readonly options: GhostAdapterOptions) {
    this.site = `the Ghost site at ${profile.adminUrl.trim().replace(/\/+$/, '') || '(no address)'}`;
    let problem: string | undefined;
    let client: GhostClient | undefined;
    if (!/^https?:\/\/[^\s/]+/i.test(profile.adminUrl.trim())) {
      problem = 'The Ghost site’s address is missing or is not a web address (it should start with https://). Check it in Settings.';
    } else {
      try {
        client = new GhostClient(profile, options.fetchImpl ?? fetch, options.timeoutMs);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    this.client = client;
    this.setupProblem = problem;
  }

  async send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    const client = this.ready();
    const payload = parsePayload(job);
    const step = { writing: false };
    try {
      if (job.action === 'unpublish') return await this.unpublish(client, this.remoteIdOf(context), asUnpublish(payload), step);
      const publish = asPublish(payload);
      if (job.action === 'create') return await this.create(client, job, publish, step);
      return await this.update(client, job, this.remoteIdOf(context), publish, context, step);
    } catch (error) {
      throw toGhostSendFailure(error, step.writing, this.site);
    }
  }

  /** Never changes anything: finds what this job's earlier attempt made, or says nothing was made. */
  async reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null> {
    const client = this.ready();
    const payload = parsePayload(job);
    try {
      if (job.action === 'create') {
        const [made] = await client.postsTagged(markerTag(job.idempotencyKey).slug);
        return made ? result(made) : null;
      }
      const post = await client.getPost(this.remoteIdOf(context));
      if (job.action === 'unpublish') return post.status === 'draft' ? result(post) : null;
      asPublish(payload);
      return post.tagSlugs.includes(markerTag(job.idempotencyKey).slug) ? result(post) : null;
    } catch (error) {
      throw toGhostSendFailure(error, false, this.site);
    }
  }

  async testConnection(): Promise<ConnectionVerdict> {
    if (this.client === undefined) return { ok: false, code: 'NOT_CONFIGURED', message: this.setupProblem ?? 'The Ghost site is not set up.' };
    try {
      const site = await this.client.whoAmI();
      const user = await this.client.staffUser();
      const on = `“${site.siteTitle}” (Ghost ${site.ghostVersion})`;
      if (user === null) return { ok: true, account: `A custom integration on ${on}`, canPublish: true };
      // A staff access token acts as its user: a Contributor may write drafts but not publish.
      return { ok: true, account: `${user.name} (${user.role || 'no role'}) on ${on}`, canPublish: user.role !== 'Contributor' && user.role !== '' };
    } catch (error) {
      return toVerdict(error, this.site);
    }
  }

  preview(article: Article): MappingPreview {
    return ghostPreview(article);
  }

  async fetchRemote(remoteId: string): Promise<RemoteCopy | null> {
    const client = this.ready();
    try {
      const post = await client.getPost(remoteId);
      return { remoteId: post.id, version: post.updatedAt, title: post.title, html: withoutStoryCard(post.html ?? ''), status: post.status, url: post.url };
    } catch (error) {
      if (error instanceof GhostApiFailure && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** The desk inbox: drafts with the desk tag (ghost-desk.ts). */
  async listForReview(): Promise<ReviewListing[]> {
    const posts = await this.ready().draftsTagged(DESK_TAG.slug);
    return posts.map((post) => ({
      remoteId: post.id,
      title: post.title,
      author: post.authors.join(', '),
      modifiedAt: post.updatedAt,
      url: post.url,
      story: storyOrDamaged(post.html ?? ''),
    }));
  }

  async fetchForReview(remoteId: string): Promise<ReviewCopy | null> {
    const client = this.ready();
    // Ghost ids are 24 hex digits: anything else cannot name a post (and must not reach the path).
    if (!/^[0-9a-f]{24}$/.test(remoteId)) return null;
    try {
      const post = await client.getPost(remoteId);
      return { remoteId: post.id, version: post.updatedAt, title: post.title, status: post.status, url: post.url, content: post.html ?? '' };
    } catch (error) {
      if (error instanceof GhostApiFailure && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private async create(client: GhostClient, job: OutboxJob, payload: PublishPayload, step: { writing: boolean }): Promise<RemoteResult> {
    const fields = await this.postFields(client, job, payload, slugToSend(payload.article, undefined));
    step.writing = true;
    return result(await client.createPost({ ...fields, ...timingFields(payload) }));
  }

  private async update(
    client: GhostClient,
    job: OutboxJob,
    remoteId: string,
    payload: PublishPayload,
    context: SendContext,
    step: { writing: boolean },
  ): Promise<RemoteResult> {
    const current = await client.getPost(remoteId);
    this.checkBase(current, payload);
    const slug = slugToSend(payload.article, context.earlier?.slug ?? current.slug);
    const fields = await this.postFields(client, job, payload, slug, correctionsIn(current.html ?? ''));
    step.writing = true;
    // Ghost requires the CURRENT updated_at: a change made between our read and this write is a 409.
    return result(await client.updatePost(remoteId, { ...fields, ...timingFields(payload) }, current.updatedAt));
  }

  private async unpublish(client: GhostClient, remoteId: string, payload: UnpublishPayload, step: { writing: boolean }): Promise<RemoteResult> {
    const current = await client.getPost(remoteId);
    this.checkBase(current, payload);
    if (current.status === 'draft') return result(current);
    step.writing = true;
    return result(await client.updatePost(remoteId, { status: 'draft' }, current.updatedAt));
  }

  /** The images uploaded (once per asset per attempt), then the fields with their URLs and this job's marker. */
  private async postFields(
    client: GhostClient,
    job: OutboxJob,
    payload: PublishPayload,
    slug: string | undefined,
    keptCorrections: string[] = [],
  ): Promise<Omit<GhostPostFields, 'status'>> {
    const urls = new Map<string, string>();
    for (const asset of imageAssets(payload.article)) {
      const image = await this.options.readAsset(job.draftId, asset);
      urls.set(asset, await client.uploadImage({ bytes: image.bytes, fileName: asset, mediaType: image.mediaType }));
    }
    const fields = ghostPostFields(payload.article, { imageUrl: (asset) => urls.get(asset), correction: payload.correction, keptCorrections, slug });
    // Filing (only) carries the story and the desk tag; any other send leaves both off, so a publish removes them.
    const filing = payload.timing.kind === 'review' && payload.story !== undefined ? payload.story : undefined;
    const tags = [...(fields.tags ?? []), ...(filing === undefined ? [] : [DESK_TAG.name]), markerTag(job.idempotencyKey).name];
    return { ...fields, ...(filing === undefined ? {} : { html: `${fields.html}\n${storyCard(filing)}` }), tags };
  }

  private checkBase(current: GhostPost, payload: { baseVersion?: string | undefined; overwrite: boolean }): void {
    if (payload.baseVersion === undefined || payload.overwrite || sameVersion(current.updatedAt, payload.baseVersion)) return;
    throw new SendFailure({
      code: 'CONFLICT',
      status: 409,
      outcomeUnknown: false,
      message: `The post was changed on ${this.site} since Newsroom last published it, so it was not overwritten. Compare the two versions and choose which to keep.`,
    });
  }

  private remoteIdOf(context: SendContext): string {
    const id = context.earlier?.remoteId;
    if (id !== undefined) return id;
    throw new SendFailure({ code: 'NOT_FOUND', outcomeUnknown: false, message: `Newsroom has no record of this story on ${this.site}, so there is nothing to change there. Publish it first.` });
  }

  private ready(): GhostClient {
    if (this.client !== undefined) return this.client;
    throw new SendFailure({ code: 'NOT_CONFIGURED', outcomeUnknown: false, message: this.setupProblem ?? 'The Ghost site is not set up.' });
  }
}

function timingFields(payload: PublishPayload): Pick<GhostPostFields, 'status' | 'published_at'> {
  if (payload.timing.kind === 'review') return { status: 'draft' };
  return payload.timing.kind === 'scheduled' ? { status: 'scheduled', published_at: payload.timing.publishAt } : { status: 'published' };
}

const damaged = (): SendFailure =>
  new SendFailure({ code: 'INTERNAL', outcomeUnknown: false, message: 'This publishing job is damaged (its action does not match what it carries), so it was not sent.' });

function asPublish(payload: PublishPayload | UnpublishPayload): PublishPayload {
  if (payload.kind === 'publish') return payload;
  throw damaged();
}

function asUnpublish(payload: PublishPayload | UnpublishPayload): UnpublishPayload {
  if (payload.kind === 'unpublish') return payload;
  throw damaged();
}

/** The listing's view of a carried story: a damaged one is listed (and refused when opened). */
function storyOrDamaged(html: string): ReviewListing['story'] {
  try {
    return storyIn(html);
  } catch {
    return 'damaged';
  }
}
