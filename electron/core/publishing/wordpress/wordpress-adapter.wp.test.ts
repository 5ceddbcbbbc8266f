import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WordPressReader, type WordPressEnv } from '../../../../e2e/host/wordpress';
import { SendFailure } from '../../outbox/transport';
import { adapterFor, fullArticle, jobOf, MemoryAssets, pngAsset, publishPayload, WordPressAdmin, wordpressEnv } from './adapter-testing';
import { markerOf } from './marker';

/**
 * The WordPress adapter against the real WordPress on 127.0.0.1 (scripts/cms/wordpress.sh): every
 * action, read back through the REST API as an editor sees the post (`context=edit`).
 */
let env: WordPressEnv;
let reader: WordPressReader;
let admin: WordPressAdmin;
const made: string[] = [];
const RUN = randomUUID().slice(0, 6);

beforeAll(async () => {
  env = await wordpressEnv();
  reader = new WordPressReader(env);
  admin = new WordPressAdmin(env);
});
afterAll(async () => {
  for (const id of made) await admin.deletePost(id);
});

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

/** Every paragraph's class and text as the site renders it (the byline and correction have a class). */
const paragraphsOf = (html: string): string[] =>
  [...html.matchAll(/<p( class="[^"]*")?>([\s\S]*?)<\/p>/g)].map((m) => `${m[1] ? `${m[1].slice(8, -1)}: ` : ''}${(m[2] ?? '').replace(/<[^>]*>/g, '').replace(/&#8217;/g, '’')}`);

let n = 0;
const headline = (what: string): string => `Adapter ${what} ${RUN}${(n += 1)}`;

describe('WordPressAdapter against a real WordPress', () => {
  it('publishes now with every field, and an update reuses the post and its images', async () => {
    const assets = new MemoryAssets();
    const featured = pngAsset(`featured ${RUN}`);
    const inline = pngAsset(`inline ${RUN}`);
    assets.images.set(featured.asset, featured.image).set(inline.asset, inline.image);
    const adapter = adapterFor(env, assets);
    const article = fullArticle(headline('fields'), { featured: featured.asset, bodyImage: inline.asset });
    const job = jobOf('create', publishPayload(article));
    const result = await adapter.send(job, { earlier: undefined });
    made.push(result.remoteId);

    const post = await reader.post(Number(result.remoteId));
    expect(result).toEqual({ remoteId: String(post.id), url: post.link, version: expect.any(String), slug: post.slug });
    expect(post).toMatchObject({ status: 'publish', title: { raw: article.headline }, excerpt: { raw: article.standfirst } });
    expect(post.slug).toBe(article.headline.toLowerCase().replace(/ /g, '-'));
    expect(paragraphsOf(post.content.rendered)).toEqual([
      'byline: By Ana Ruiz and Luis Pérez',
      'SEVILLA, Nov. 28 — The bridge reopened on Monday after two years of work.',
      'Traffic is expected to return to normal within a week.',
    ]);
    expect(await reader.termNames('tags', post.tags)).toEqual([`Bridges ${article.headline.slice(-6)}`, 'City']);
    expect(await reader.termNames('categories', post.categories)).toEqual([article.section]);
    expect(await reader.media(post.featured_media)).toMatchObject({ alt_text: 'The bridge from the river', caption: { raw: 'Reopened (Ana Ruiz)' } });
    const inlineId = /wp-image-(\d+)/.exec(post.content.raw)?.[1];
    expect(await reader.media(Number(inlineId))).toMatchObject({ alt_text: 'The new deck', caption: { raw: 'The deck at dawn (City Hall)' } });
    expect(post.content.raw).toContain(`<!-- newsroom:${markerOf(job.idempotencyKey)} -->`);
    const raw = await reader.rawPost(post.id);
    for (const never of ['SEO-TITLE-MARKER', 'SEO-DESCRIPTION-MARKER', 'NOTE-FOR-THE-DESK-ONLY']) expect(raw).not.toContain(never);

    // An update: same post, same slug, the images found in the library instead of uploaded again.
    const mediaBefore = await reader.mediaCount();
    const readsBefore = assets.reads;
    const changed = { ...article, headline: `${article.headline} (updated)` };
    const update = jobOf('update', publishPayload(changed, { baseVersion: result.version }), job.draftId);
    const updated = await adapter.send(update, { earlier: result });
    expect(updated.remoteId).toBe(result.remoteId);
    expect(updated.slug).toBe(result.slug);
    expect((await reader.post(post.id)).title.raw).toBe(changed.headline);
    expect(await reader.mediaCount()).toBe(mediaBefore);
    expect(assets.reads).toBe(readsBefore);
  });

  it('schedules with WordPress’ own scheduler: status future at the given UTC time', async () => {
    const adapter = adapterFor(env);
    const publishAt = new Date(Date.now() + 3 * 24 * 3_600_000);
    publishAt.setUTCMilliseconds(0);
    const result = await adapter.send(jobOf('create', publishPayload(fullArticle(headline('scheduled')), { timing: { kind: 'scheduled', publishAt: publishAt.toISOString() } })), { earlier: undefined });
    made.push(result.remoteId);
    const post = (await admin.call('GET', `/wp/v2/posts/${result.remoteId}`, { context: 'edit' })).json as { status: string; date_gmt: string };
    expect(post.status).toBe('future');
    expect(`${post.date_gmt}Z`).toBe(publishAt.toISOString().replace('.000Z', 'Z'));
  });

  it('unpublishes to a draft, and a correction is appended in the house format and kept by later updates', async () => {
    const adapter = adapterFor(env);
    const article = fullArticle(headline('correction'));
    const created = await adapter.send(jobOf('create', publishPayload(article)), { earlier: undefined });
    made.push(created.remoteId);
    const draftId = randomUUID();

    const unpublished = await adapter.send(jobOf('unpublish', { kind: 'unpublish', baseVersion: created.version, overwrite: false }, draftId), { earlier: created });
    expect(unpublished.remoteId).toBe(created.remoteId);
    expect((await reader.post(Number(created.remoteId))).status).toBe('draft');

    const correction = { note: 'The bridge is 300 m long, not 30 m.', at: '2026-11-28T12:00:00.000Z' };
    const corrected = await adapter.send(jobOf('update', publishPayload(article, { correction }), draftId), { earlier: unpublished });
    const post = await reader.post(Number(created.remoteId));
    expect(post.status).toBe('publish');
    expect(paragraphsOf(post.content.rendered).at(-1)).toBe('correction: Correction, 28 November 2026: The bridge is 300 m long, not 30 m.');

    const later = await adapter.send(jobOf('update', publishPayload({ ...article, standfirst: 'Open again.' }), draftId), { earlier: corrected });
    const after = await reader.post(Number(later.remoteId));
    expect(after.excerpt.raw).toBe('Open again.');
    expect(paragraphsOf(after.content.rendered).filter((p) => p.startsWith('correction:'))).toHaveLength(1);
  });

  it('refuses to overwrite a post edited on the site (CONFLICT, nothing written); overwrite goes through', async () => {
    const adapter = adapterFor(env);
    const article = fullArticle(headline('conflict'));
    const created = await adapter.send(jobOf('create', publishPayload(article)), { earlier: undefined });
    made.push(created.remoteId);
    // WordPress keeps modified_gmt to the second: the web edit must land in a later second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await admin.call('POST', `/wp/v2/posts/${created.remoteId}`, {}, { title: 'Edited on the web' });
    const edited = await reader.post(Number(created.remoteId));
    // The copy on the site, for the journalist to compare: its version, title and body without our marker.
    const remote = await adapter.fetchRemote(created.remoteId);
    expect(remote).toMatchObject({ remoteId: created.remoteId, title: 'Edited on the web', status: 'publish', url: edited.link });
    expect(remote?.version).not.toBe(created.version);
    expect(remote?.html).toContain('The bridge reopened on Monday');
    expect(remote?.html).not.toContain('newsroom:');

    const stale = { ...article, headline: 'Ours, from Newsroom' };
    const update = jobOf('update', publishPayload(stale, { baseVersion: created.version }));
    const failure = await failureOf(adapter.send(update, { earlier: created }));
    expect(failure).toMatchObject({ code: 'CONFLICT', status: 409, outcomeUnknown: false });
    expect(failure.message).toMatch(/changed on the WordPress site .* so it was not overwritten/);
    const unpublish = jobOf('unpublish', { kind: 'unpublish', baseVersion: created.version, overwrite: false });
    expect(await failureOf(adapter.send(unpublish, { earlier: created }))).toMatchObject({ code: 'CONFLICT' });
    expect(await reader.post(edited.id)).toEqual(edited);

    const overwrite = jobOf('update', publishPayload(stale, { baseVersion: created.version, overwrite: true }));
    const result = await adapter.send(overwrite, { earlier: created });
    expect((await reader.post(edited.id)).title.raw).toBe('Ours, from Newsroom');
    expect(result.version).not.toBe(created.version);
  });

  it('an update of a post deleted on the site is NOT_FOUND (404), not a new post', async () => {
    const adapter = adapterFor(env);
    const created = await adapter.send(jobOf('create', publishPayload(fullArticle(headline('deleted')))), { earlier: undefined });
    await admin.deletePost(created.remoteId);
    const failure = await failureOf(adapter.send(jobOf('update', publishPayload(fullArticle(headline('deleted')))), { earlier: created }));
    expect(failure).toMatchObject({ code: 'NOT_FOUND', status: 404, outcomeUnknown: false });
    expect(await adapter.fetchRemote(created.remoteId)).toBeNull();
  });
});
