import { createHash, randomUUID } from 'node:crypto';
import { body, element, paragraph, text } from '../../../shared/editor/article-fixture';
import { type Article, newArticle } from '../../../shared/model/article';
import type { OutboxJob } from '../outbox/job';
import { SendFailure } from '../outbox/transport';
import type { AssetReader, DraftImage, JobPayload, PublishPayload } from './adapter';

/** Test data for the CMS adapter tests: a story with every field and two images (not imported by app code). */

export const DRAFT = '00000000-0000-4000-8000-00000000000a';
export const PHOTO = `${'a'.repeat(32)}.png`;
export const INLINE = `${'b'.repeat(32)}.jpg`;
export const BYTES: Record<string, Uint8Array> = { [PHOTO]: new Uint8Array([137, 80, 78, 71, 1]), [INLINE]: new Uint8Array([255, 216, 255, 2]) };

export const readAsset: AssetReader = async (_draft, asset) => {
  const bytes = BYTES[asset];
  if (!bytes) throw new Error(`no asset ${asset}`);
  return { mediaType: asset.endsWith('.png') ? 'image/png' : 'image/jpeg', bytes };
};

export const story = (fields: Partial<Article> = {}): Article =>
  newArticle({
    headline: 'Bridge reopens',
    standfirst: 'The river crossing is open again.',
    byline: ['Ana Ruiz'],
    section: 'Local',
    tags: ['transport'],
    slug: 'bridge-reopens',
    dateline: { place: 'Girona', date: '2026-11-28' },
    seoTitle: 'Bridge reopens | Daily',
    seoDescription: 'Open again',
    editorialNote: 'Check the mayor quote with Marta',
    featuredImage: { asset: PHOTO, alt: 'The bridge', caption: 'At dawn', credit: 'Photo: J. Pérez' },
    body: body(
      paragraph(text('Traffic flows again.')),
      { type: 'article-image', version: 1, asset: INLINE, alt: 'Cars', caption: 'First cars', credit: 'Photo: A' },
      element('heading', [text('Cost')], { tag: 'h2' }),
    ),
    ...fields,
  });

export const publish = (article: Article = story(), extra: Partial<PublishPayload> = {}): JobPayload => ({
  kind: 'publish',
  article,
  revision: 3,
  timing: { kind: 'now' },
  overwrite: false,
  ...extra,
});

let seq = 0;
/**
 * A job as the worker hands it to an adapter: `sending`, one attempt, fresh ids and idempotency
 * key. The payload goes through JSON, as the outbox store keeps it.
 */
export function jobOf(
  action: OutboxJob['action'],
  payload: unknown,
  options: { draftId?: string; profileId?: string; now?: Date } = {},
): OutboxJob {
  seq += 1;
  const now = (options.now ?? new Date()).toISOString();
  return {
    id: randomUUID(),
    seq,
    idempotencyKey: randomUUID(),
    draftId: options.draftId ?? DRAFT,
    profileId: options.profileId ?? 'endpoint',
    action,
    payload: payload === undefined ? undefined : (JSON.parse(JSON.stringify(payload)) as unknown),
    state: 'sending',
    outcomeUnknown: false,
    attempts: 1,
    failures: 0,
    serverErrors: 0,
    createdAt: now,
    updatedAt: now,
    notBefore: now,
  };
}

/** A valid PNG (WordPress and Ghost check an upload is an image), a distinct file per `seed`. */
export function pngAsset(seed: string): { asset: string; image: DraftImage } {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  // Bytes after IEND are ignored by decoders: a distinct file (and content hash) per seed.
  const bytes = new Uint8Array(Buffer.concat([base, Buffer.from(seed, 'utf8')]));
  return { asset: `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.png`, image: { mediaType: 'image/png', bytes } };
}

/** Draft images in memory; counts reads, to tell an upload from a reuse. */
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

/** The SendFailure a call rejects with; anything else fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SendFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
