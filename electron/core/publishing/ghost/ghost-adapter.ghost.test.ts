import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readGhostEnv, type GhostEnv } from '../../../../e2e/host/ghost';
import { SendFailure } from '../../outbox/transport';
import { GhostAdapter } from './ghost-adapter';
import { markerTag } from './ghost-failures';
import { fullStory, GhostAdmin, jobOf, MemoryAssets, nextSecond, NOTE, publishPayload } from './ghost-testing';

/**
 * The adapter against the real Ghost 5.130.6 on 127.0.0.1 (scripts/cms/ghost.sh), read back
 * through the Admin API by an independent client. When Ghost is not running every test FAILS
 * with the reason and how to start it.
 */
let env: GhostEnv;
let admin: GhostAdmin;
let notReady: unknown;
const created: string[] = [];
const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

beforeAll(async () => {
  try {
    env = await readGhostEnv();
    admin = new GhostAdmin(env);
  } catch (error) {
    notReady = error;
  }
});
afterAll(async () => {
  if (notReady === undefined) for (const id of created) await admin.deletePost(id).catch(() => undefined);
});
beforeEach(() => {
  if (notReady !== undefined) throw notReady;
});

function setup(): { adapter: GhostAdapter; assets: MemoryAssets; featured: string; inline: string } {
  const assets = new MemoryAssets();
  const featured = assets.add(`featured-${run}-${created.length}`);
  const inline = assets.add(`inline-${run}-${created.length}`);
  return { adapter: new GhostAdapter({ adminUrl: env.url, adminApiKey: env.adminApiKey }, { readAsset: assets.read }), assets, featured, inline };
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

describe('GhostAdapter publishing to a real Ghost', () => {
  it('creates a post with every field, read back through the Admin API', async () => {
    const { adapter, assets, featured, inline } = setup();
    const headline = `Harbour reopens ${run}`;
    const made = await adapter.send(jobOf('create', publishPayload(fullStory(headline, run, { featured, inline }))), { earlier: undefined });
    created.push(made.remoteId);
    expect(assets.reads).toBe(2); // each image uploaded once
    const post = await admin.post(made.remoteId);
    expect(post).not.toBeNull();
    if (post === null) return;
    expect(made).toEqual({ remoteId: post.id, url: post.url, version: post.updated_at, slug: post.slug });
    expect(post).toMatchObject({
      title: headline,
      status: 'published',
      slug: `harbour-reopens-${run}`,
      custom_excerpt: 'The harbour of Cádiz is open again.',
      meta_title: 'SEO-TITLE-MARKER',
      meta_description: 'SEO-DESCRIPTION-MARKER',
      feature_image_alt: 'Cranes at dawn',
      feature_image_caption: 'Cranes &amp; ships (EFE)',
      primary_tag: { name: `Harbours ${run}` },
    });
    expect(post.url).toBe(`${env.url}/harbour-reopens-${run}/`);
    expect(post.feature_image).toMatch(new RegExp(`^${env.url}/content/images/\\d{4}/\\d{2}/${featured.replace('.png', '')}.*\\.png$`));
    expect((await fetch(post.feature_image ?? '')).status).toBe(200);
    expect(post.tags.map((tag) => [tag.name, tag.visibility])).toEqual([
      [`Harbours ${run}`, 'public'],
      [`Storms ${run}`, 'public'],
      ['Cádiz', 'public'],
      [expect.stringMatching(/^#nr-[0-9a-f]{20}$/), 'internal'],
    ]);
    const html = post.html ?? '';
    expect(html).toMatch(/^<p>By Ana Ruiz and Luis Pérez<\/p><p>CÁDIZ, Nov\. 28 — The port reopened on Saturday after the storm\.<\/p><h2 id="traffic">Traffic<\/h2>/);
    expect(html).toMatch(new RegExp(`<img src="${env.url}/content/images/\\d{4}/\\d{2}/${inline.replace('.png', '')}[^"]*\\.png"[^>]* alt="A ferry"`));
    expect(html).toContain('The first ferry <span class="credit">Port authority</span>');
    expect(html).toContain('<p>Ferries resume on Monday.</p>');
    // The editorial note is nowhere on Ghost, nor on the public page.
    expect(JSON.stringify(post)).not.toContain(NOTE);
    const page = await (await fetch(post.url)).text();
    expect(page).toContain('The port reopened on Saturday');
    expect(page).not.toContain(NOTE);
    expect(page).not.toContain('#nr-');
  });

  it('schedules a post for a time Ghost publishes it at', async () => {
    const { adapter, featured, inline } = setup();
    const at = new Date(Date.now() + 2 * 24 * 3600_000);
    at.setUTCMilliseconds(0);
    const payload = publishPayload(fullStory(`Scheduled ${run}`, run, { featured, inline }), { timing: { kind: 'scheduled', publishAt: at.toISOString() } });
    const made = await adapter.send(jobOf('create', payload), { earlier: undefined });
    created.push(made.remoteId);
    const post = await admin.post(made.remoteId);
    expect(post?.status).toBe('scheduled');
    expect(Date.parse(post?.published_at ?? '')).toBe(at.getTime());
  });

  it('updates the same post, appends a correction that later updates keep, and unpublishes it back to draft', async () => {
    const { adapter, featured, inline } = setup();
    const story = fullStory(`Update ${run}`, run, { featured, inline });
    const first = await adapter.send(jobOf('create', publishPayload(story)), { earlier: undefined });
    created.push(first.remoteId);
    await nextSecond();
    const changed = { ...story, headline: `Update ${run} (new headline)`, standfirst: 'A new standfirst.', tags: ['Only tag'] };
    const correction = { note: 'An earlier version gave the wrong day.', at: '2026-11-29T09:00:00Z' };
    const update = jobOf('update', publishPayload(changed, { baseVersion: first.version ?? '', correction }));
    const second = await adapter.send(update, { earlier: first });
    expect(second.remoteId).toBe(first.remoteId);
    expect(second.slug).toBe(first.slug); // the address stays once published
    expect(second.version).not.toBe(first.version);
    let post = await admin.post(first.remoteId);
    expect(post).toMatchObject({ title: `Update ${run} (new headline)`, custom_excerpt: 'A new standfirst.', status: 'published', slug: first.slug });
    expect(post?.tags.filter((tag) => tag.visibility === 'public').map((tag) => tag.name)).toEqual([`Harbours ${run}`, 'Only tag']);
    expect(post?.html).toMatch(/<p class="correction">Correction, 29 November 2026: An earlier version gave the wrong day\.<\/p>\n<!--kg-card-end: html-->\n$/);
    expect(await adapter.reconcile(update, { earlier: first })).toEqual(second);

    // A later update without a correction keeps the one the post shows.
    await nextSecond();
    const third = await adapter.send(jobOf('update', publishPayload({ ...changed, standfirst: 'Third.' }, { baseVersion: second.version ?? '' })), { earlier: second });
    post = await admin.post(first.remoteId);
    expect(post?.custom_excerpt).toBe('Third.');
    expect(post?.plaintext).toContain('Correction, 29 November 2026: An earlier version gave the wrong day.');
    expect(post?.html?.match(/class="correction"/g)).toHaveLength(1);

    await nextSecond();
    const unpublish = jobOf('unpublish', { kind: 'unpublish', baseVersion: third.version, overwrite: false });
    expect(await adapter.reconcile(unpublish, { earlier: third })).toBeNull(); // not done yet
    const draft = await adapter.send(unpublish, { earlier: third });
    expect((await admin.post(first.remoteId))?.status).toBe('draft');
    expect(draft.remoteId).toBe(first.remoteId);
    expect(await adapter.reconcile(unpublish, { earlier: third })).toEqual(draft);
    expect((await fetch(first.url)).status).toBe(404); // gone from the public site
  });

  it('refuses to overwrite a post changed on the web since (CONFLICT), and goes through with overwrite', async () => {
    const { adapter, featured, inline } = setup();
    const story = fullStory(`Conflict ${run}`, run, { featured, inline });
    const first = await adapter.send(jobOf('create', publishPayload(story)), { earlier: undefined });
    created.push(first.remoteId);
    await nextSecond();
    await admin.retitle(first.remoteId, `Conflict ${run} edited on the web`);
    const before = await admin.post(first.remoteId);

    const stale = publishPayload({ ...story, standfirst: 'Ours.' }, { baseVersion: first.version ?? '' });
    const conflict = await failureOf(adapter.send(jobOf('update', stale), { earlier: first }));
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409, outcomeUnknown: false });
    expect(conflict.message).toBe(
      `The post was changed on the Ghost site at ${env.url} since Newsroom last published it, so it was not overwritten. Compare the two versions and choose which to keep.`,
    );
    expect(await admin.post(first.remoteId)).toEqual(before);
    // The unpublish is refused the same way.
    const unpublish = await failureOf(adapter.send(jobOf('unpublish', { kind: 'unpublish', baseVersion: first.version, overwrite: false }), { earlier: first }));
    expect(unpublish.code).toBe('CONFLICT');
    expect((await admin.post(first.remoteId))?.status).toBe('published');
    // The copy on the web, for the comparison.
    expect(await adapter.fetchRemote(first.remoteId)).toMatchObject({ title: `Conflict ${run} edited on the web`, version: before?.updated_at, status: 'published', url: first.url });

    await nextSecond();
    const forced = await adapter.send(jobOf('update', { ...stale, overwrite: true }), { earlier: first });
    const after = await admin.post(first.remoteId);
    expect(after).toMatchObject({ title: `Conflict ${run}`, custom_excerpt: 'Ours.', updated_at: forced.version });
  });

  it('finds a create Ghost committed whose answer was lost, by its marker; and nothing for a create that never arrived', async () => {
    const { featured, inline, assets } = setup();
    const headline = `Lost answer ${run}`;
    // The connection drops after Ghost committed the post: the answer never reaches Newsroom.
    const dropping: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && String(input).includes('/posts/')) throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      return response;
    };
    const adapter = new GhostAdapter({ adminUrl: env.url, adminApiKey: env.adminApiKey }, { readAsset: assets.read, fetchImpl: dropping });
    const job = jobOf('create', publishPayload(fullStory(headline, run, { featured, inline })));
    const lost = await failureOf(adapter.send(job, { earlier: undefined }));
    expect(lost).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: true });
    const [onGhost] = await admin.postsTitled(headline);
    expect(onGhost).toBeDefined();
    created.push(onGhost?.id ?? '');
    expect(onGhost?.tags.map((tag) => tag.slug)).toContain(markerTag(job.idempotencyKey).slug);

    const honest = new GhostAdapter({ adminUrl: env.url, adminApiKey: env.adminApiKey }, { readAsset: assets.read });
    expect(await honest.reconcile(job, { earlier: undefined })).toEqual({ remoteId: onGhost?.id, url: onGhost?.url, version: onGhost?.updated_at, slug: onGhost?.slug });
    expect(await admin.postsTitled(headline)).toHaveLength(1);

    // Another job that never reached Ghost: nothing carries its marker.
    const never = jobOf('create', publishPayload(fullStory(`Never sent ${run}`, run, { featured, inline })));
    expect(await honest.reconcile(never, { earlier: undefined })).toBeNull();
  });

  it('fetches the copy on Ghost, and null once it is deleted there', async () => {
    const { adapter, featured, inline } = setup();
    const made = await adapter.send(jobOf('create', publishPayload(fullStory(`Remote ${run}`, run, { featured, inline }))), { earlier: undefined });
    const copy = await adapter.fetchRemote(made.remoteId);
    expect(copy).toMatchObject({ remoteId: made.remoteId, version: made.version, title: `Remote ${run}`, status: 'published', url: made.url });
    expect(copy?.html).toContain('The port reopened on Saturday');
    await admin.deletePost(made.remoteId);
    expect(await adapter.fetchRemote(made.remoteId)).toBeNull();
    const update = await failureOf(adapter.send(jobOf('update', publishPayload(fullStory(`Remote ${run}`, run, { featured, inline }))), { earlier: made }));
    expect(update).toMatchObject({ code: 'NOT_FOUND', outcomeUnknown: false });
  });
});
