import { body, element, paragraph, text } from '../../../shared/editor/article-fixture';
import { type Article, newArticle } from '../../../shared/model/article';
import type { OutboxJob } from '../outbox/job';
import { SendFailure } from '../outbox/transport';
import type { AssetReader, JobPayload, PublishPayload } from './adapter';

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
/** A job as the worker hands it to an adapter: `sending`, one attempt, a fresh idempotency key. */
export function jobOf(
  action: OutboxJob['action'],
  payload: JobPayload,
  options: { draftId?: string; profileId?: string; now?: Date } = {},
): OutboxJob {
  seq += 1;
  const now = (options.now ?? new Date()).toISOString();
  return {
    id: `5f0c8d8e-1b2a-4c3d-8e9f-0a1b2c3d${String(seq).padStart(4, '0')}`,
    seq,
    idempotencyKey: `key-${seq}-${Math.random().toString(36).slice(2)}`,
    draftId: options.draftId ?? DRAFT,
    profileId: options.profileId ?? 'endpoint',
    action,
    payload,
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
