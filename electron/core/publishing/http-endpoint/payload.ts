import { z } from 'zod';
import { IMAGE_MEDIA_TYPES } from '../../../../shared/ipc/contract';
import { readBody } from '../../../../shared/editor/body-model';
import { renderBodyHtml } from '../../../../shared/editor/render-html';
import { renderBodyMarkdown } from '../../../../shared/editor/render-markdown';
import { correctionText } from '../../../../shared/editor/story-text';
import type { OutboxJob } from '../../outbox/job';
import type { AssetReader, PublishPayload, UnpublishPayload } from '../adapter';
import { correctionHtml, correctionMarkdown, storyAssets } from '../folder/story-parts';

/**
 * The JSON Newsroom sends to an in-house CMS (documented for its developers in
 * docs/http-endpoint.md; keep the two in step). Version 1. Every story field is sent except the
 * editorial note, which never leaves Newsroom.
 */
export const PAYLOAD_VERSION = 1;

/**
 * Where the HTML shows an image before the CMS has stored it: the receiver replaces
 * `https://newsroom.invalid/assets/<ref>` with its own address of the image sent under that ref.
 * (`.invalid` can never resolve, so a forgotten replacement shows as a broken image, not a leak.)
 */
export const IMAGE_PLACEHOLDER_PREFIX = 'https://newsroom.invalid/assets/';

const IsoDate = z.iso.datetime({ offset: true });

export const PayloadImageSchema = z.object({
  /** Stable for the same image file (its content hash name): the HTML and `story.featuredImage` use it. */
  ref: z.string(),
  role: z.enum(['featured', 'inline']),
  mediaType: z.enum(IMAGE_MEDIA_TYPES),
  /** The file, base64. */
  data: z.string(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
});

export const StorySchema = z.object({
  headline: z.string(),
  standfirst: z.string(),
  byline: z.array(z.string()),
  section: z.string(),
  tags: z.array(z.string()),
  slug: z.string(),
  dateline: z.object({ place: z.string(), date: z.string() }),
  seoTitle: z.string(),
  seoDescription: z.string(),
  featuredImage: z.object({ ref: z.string(), alt: z.string(), caption: z.string(), credit: z.string() }).nullable(),
  /** Newsroom's revision number of the draft this is. */
  revision: z.number().int(),
});

const Common = {
  version: z.literal(PAYLOAD_VERSION),
  idempotencyKey: z.string(),
  draftId: z.string(),
  /** The CMS's id of the story; null on a create. */
  remoteId: z.string().nullable(),
  /** The `version` Newsroom last had from the CMS; on a mismatch answer 409 conflict (unless `overwrite`). */
  baseVersion: z.string().nullable(),
  overwrite: z.boolean(),
};

export const PublishBodySchema = z.object({
  ...Common,
  action: z.enum(['create', 'update']),
  story: StorySchema,
  html: z.string(),
  markdown: z.string(),
  timing: z.discriminatedUnion('kind', [z.object({ kind: z.literal('now') }), z.object({ kind: z.literal('scheduled'), publishAt: IsoDate })]),
  correction: z.object({ note: z.string(), at: IsoDate, text: z.string() }).nullable(),
  images: z.array(PayloadImageSchema),
});

export const UnpublishBodySchema = z.object({ ...Common, action: z.literal('unpublish') });

export const EndpointPayloadSchema = z.discriminatedUnion('action', [PublishBodySchema, UnpublishBodySchema]);
export type EndpointPayload = z.infer<typeof EndpointPayloadSchema>;

/** The CMS's answer to a create, update, unpublish or idempotency look-up. */
export const ItemAnswerSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  url: z.string(),
  version: z.union([z.string().min(1), z.number()]).transform(String),
});

/** GET <endpoint>/<id>: the copy the CMS holds, for showing a conflict. */
export const RemoteItemSchema = ItemAnswerSchema.extend({ title: z.string(), html: z.string(), status: z.string() });

export const ErrorAnswerSchema = z.object({ error: z.string(), message: z.string().optional() }).loose();

export async function buildPublishBody(job: OutboxJob, payload: PublishPayload, remoteId: string | null, readAsset: AssetReader): Promise<EndpointPayload> {
  const { article, correction } = payload;
  const images = [];
  for (const asset of storyAssets(article)) {
    const image = await readAsset(job.draftId, asset);
    const featured = article.featuredImage?.asset === asset ? article.featuredImage : undefined;
    const inline = featured ?? inlineImage(article.body, asset);
    images.push({
      ref: asset,
      role: featured ? ('featured' as const) : ('inline' as const),
      mediaType: image.mediaType,
      data: Buffer.from(image.bytes).toString('base64'),
      alt: inline?.alt ?? '',
      caption: inline?.caption ?? '',
      credit: inline?.credit ?? '',
    });
  }
  const html = renderBodyHtml(article.body, { imageUrl: (asset) => `${IMAGE_PLACEHOLDER_PREFIX}${asset}` });
  const markdown = renderBodyMarkdown(article.body);
  const image = article.featuredImage;
  return {
    version: PAYLOAD_VERSION,
    action: job.action === 'create' ? 'create' : 'update',
    idempotencyKey: job.idempotencyKey,
    draftId: job.draftId,
    remoteId,
    baseVersion: payload.baseVersion ?? null,
    overwrite: payload.overwrite,
    story: {
      headline: article.headline,
      standfirst: article.standfirst,
      byline: article.byline,
      section: article.section,
      tags: article.tags,
      slug: article.slug,
      dateline: article.dateline,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      featuredImage: image ? { ref: image.asset, alt: image.alt, caption: image.caption, credit: image.credit } : null,
      revision: payload.revision,
    },
    html: correction ? `${html}\n${correctionHtml(correction.note, correction.at)}` : html,
    markdown: correction ? `${markdown}\n\n${correctionMarkdown(correction.note, correction.at)}` : markdown,
    // Filing for review is refused for an endpoint before it is queued (no desk inbox there);
    // the endpoint's documented timing stays `now` or `scheduled`.
    timing: payload.timing.kind === 'review' ? { kind: 'now' } : payload.timing,
    correction: correction ? { ...correction, text: correctionText(correction.note, correction.at) } : null,
    images,
  };
}

export function buildUnpublishBody(job: OutboxJob, payload: UnpublishPayload, remoteId: string): EndpointPayload {
  const { idempotencyKey, draftId } = job;
  return { version: PAYLOAD_VERSION, action: 'unpublish', idempotencyKey, draftId, remoteId, baseVersion: payload.baseVersion ?? null, overwrite: payload.overwrite };
}

function inlineImage(body: PublishPayload['article']['body'], asset: string): { alt: string; caption: string; credit: string } | undefined {
  for (const block of readBody(body)) if (block.kind === 'image' && block.image.asset === asset) return block.image;
  return undefined;
}
