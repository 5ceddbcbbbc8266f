import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSampleArticle } from '../../../e2e/host/sample-article';
import { paragraphsOf } from '../../../e2e/host/wordpress';
import { type Article, type ArticleInput, newArticle } from '../../../shared/model/article';
import type { OutboxView } from '../../../shared/model/publishing';
import { articleWith } from '../drafts/testing';
import { type CmsHarness, entryOf, liveOf, openArticle, remoteIdOf, sendOk } from './cms-router-testing';
import { wordpressSuite } from './wordpress-suite-testing';
import type { RouterHarness } from './router-testing';

/**
 * The story fields of the sample article queued through the router, sent by the outbox to the
 * real WordPress on 127.0.0.1, and read back through the REST API as an editor sees them
 * (`context=edit`).
 */
const wp = wordpressSuite();

const sample = loadSampleArticle();
/** A valid 1×1 PNG: WordPress checks that an upload really is an image. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/**
 * A PNG of its own: asset names are content hashes and the adapter finds an image already in the
 * media library by that name (media-lookup.ts), so the same bytes from another test or run would
 * be reused, not uploaded. Trailing bytes after a PNG's end do not stop it being one.
 */
const pngOf = (words: string): string => Buffer.concat([Buffer.from(PNG_1X1, 'base64'), Buffer.from(words)]).toString('base64');

/** A draft of the sample article with `fields` set, and its featured image (bytes of its own) attached. */
async function sampleDraft(h: RouterHarness, headline: string, fields: Partial<ArticleInput>): Promise<{ id: string; article: Article }> {
  const { id } = await h.ok<{ id: string }>('drafts.create');
  const { asset } = await h.ok<{ asset: string }>('drafts.attachImage', { draftId: id, fileName: 'tirana.png', data: pngOf(`featured ${id}`) });
  const article = newArticle({
    ...fields,
    headline,
    featuredImage: { asset, alt: 'Two police chiefs shake hands', caption: 'Rrumbullaku welcomes Ávila Polo in Tirana.', credit: 'State Police' },
    body: articleWith(headline, ...sample.paragraphs).body,
  });
  await h.ok('drafts.save', { id, article });
  return { id, article };
}

/** Publishes (or republishes: the outbox makes it an update) and returns the post's id on the site. */
async function publish(h: CmsHarness, draftId: string): Promise<{ postId: number; action: string; url: string }> {
  const { queued, job } = await sendOk(h, draftId, 'publish');
  return { postId: Number(await remoteIdOf(h, draftId)), action: queued.action, url: job.url ?? '' };
}

/**
 * How many copies of one asset the media library holds. Counted by the asset's own name (its
 * content hash: WordPress makes the title and slug from the file name, `-2` on a second copy),
 * not by the library's total, which other tests running at the same time change.
 */
async function uploadsOf(asset: string): Promise<number> {
  const stem = asset.slice(0, asset.lastIndexOf('.'));
  const { json } = await wp.admin.call('GET', '/wp/v2/media', { search: stem, per_page: '100' });
  return (json as Array<{ slug: string }>).filter((media) => media.slug === stem || media.slug.startsWith(`${stem}-`)).length;
}

const readDraft = async (folder: string, id: string) => JSON.parse(await readFile(join(folder, 'drafts', id, 'draft.json'), 'utf8'));

describe('publishing the story fields to a real WordPress', () => {
  const run = wp.run;
  const tags = [`Trafficking ${run}`, `Spain & Albania ${run}`];
  const section = `Security ${run}`;
  const fields = {
    standfirst: 'Spain and Albania step up their joint work against human trafficking.',
    byline: ['Ana Ruiz', 'Luis Pérez'],
    section,
    tags,
    dateline: { place: 'Tirana', date: '2026-11-28' },
    seoTitle: `SEO-TITLE-MARKER ${run}`,
    seoDescription: `SEO-DESCRIPTION-MARKER ${run}`,
    editorialNote: `NOTE-FOR-THE-DESK-ONLY ${run}: check the quote with the ministry`,
  };

  it('sends every field WordPress can hold, and never the editorial note', async () => {
    const h = await wp.start();
    const headline = `Julian Ávila Polo meets Rrumbullaku ${run}`;
    const { id, article } = await sampleDraft(h, headline, fields);

    const published = await publish(h, id);
    expect(published.action).toBe('create');
    const post = await wp.reader.post(published.postId);
    expect(post.title.raw).toBe(headline);
    expect(post.excerpt.raw).toBe(fields.standfirst);
    expect(post.slug).toBe(`julian-avila-polo-meets-rrumbullaku-${run}`);
    expect(published.url).toBe(post.link);
    // WordPress lists a post's terms in its own order, and escapes "&" in names.
    expect((await wp.reader.termNames('tags', post.tags)).sort()).toEqual([`Spain &amp; Albania ${run}`, `Trafficking ${run}`]);
    expect(await wp.reader.termNames('categories', post.categories)).toEqual([section]);
    expect(post.content.raw.startsWith('<!-- wp:paragraph {"className":"byline"} --><p class="byline">By Ana Ruiz and Luis Pérez</p>')).toBe(true);
    expect(post.content.rendered).toContain('<p class="byline">By Ana Ruiz and Luis Pérez</p>');
    // The plain paragraphs: the body, its first one opened by the dateline.
    expect(paragraphsOf(post.content.rendered)).toEqual([
      `TIRANA, Nov. 28 — ${sample.paragraphs[0]}`,
      ...sample.paragraphs.slice(1),
    ]);
    const media = await wp.reader.media(post.featured_media);
    expect(media).toMatchObject({ alt_text: 'Two police chiefs shake hands', media_type: 'image', mime_type: 'image/png' });
    expect(media.caption.raw).toBe('Rrumbullaku welcomes Ávila Polo in Tirana. (State Police)');
    expect(await uploadsOf(article.featuredImage?.asset ?? '')).toBe(1);
    // Core WordPress has no SEO fields and the note is for the desk: neither is anywhere in the post.
    const raw = await wp.reader.rawPost(published.postId);
    expect(raw).not.toContain('NOTE-FOR-THE-DESK-ONLY');
    expect(raw).not.toContain('SEO-TITLE-MARKER');
    expect(raw).not.toContain('SEO-DESCRIPTION-MARKER');

    // The address is pinned in the draft, and the draft does not look changed since publishing.
    const onDisk = await readDraft(h.folder, id);
    expect(onDisk.article).toMatchObject({ slug: post.slug, slugFollowsHeadline: false });
    expect(onDisk.publication.latest).toMatchObject({ profileId: h.profileId, url: post.link, revision: onDisk.revision, state: 'live' });
    expect(await liveOf(h, id)).toMatchObject({ state: 'up-to-date', url: post.link });
  });

  it('reuses the tags and the category on a second story instead of creating them again', async () => {
    const h = await wp.start();
    const first = await sampleDraft(h, `First of two ${run}`, fields);
    const second = await sampleDraft(h, `Second of two ${run}`, fields);
    const a = await wp.reader.post((await publish(h, first.id)).postId);
    const b = await wp.reader.post((await publish(h, second.id)).postId);
    expect(b.tags).toEqual(a.tags);
    expect(b.categories).toEqual(a.categories);
    expect(await wp.reader.termsNamed('categories', section)).toHaveLength(1);
    expect(await wp.reader.termsNamed('tags', `Trafficking ${run}`)).toHaveLength(1);
  });

  it('pins the slug the site gave when the headline\'s slug was taken (WordPress adds -2)', async () => {
    const h = await wp.start();
    const headline = `Same headline twice ${run}`;
    const first = await sampleDraft(h, headline, fields);
    const second = await sampleDraft(h, headline, fields);
    const a = await publish(h, first.id);
    const b = await publish(h, second.id);
    expect((await wp.reader.post(a.postId)).slug).toBe(`same-headline-twice-${run}`);
    expect((await wp.reader.post(b.postId)).slug).toBe(`same-headline-twice-${run}-2`);
    expect(await openArticle(h, first.id)).toMatchObject({ slug: `same-headline-twice-${run}`, slugFollowsHeadline: false });
    expect(await openArticle(h, second.id)).toMatchObject({ slug: `same-headline-twice-${run}-2`, slugFollowsHeadline: false });
  });

  it('republishes an edit into the same post, keeping its address and its image', async () => {
    const h = await wp.start();
    const { id, article } = await sampleDraft(h, `Julian Ávila Polo in Tirana ${run}`, fields);
    const first = await publish(h, id);
    const before = await wp.reader.post(first.postId);

    // A new headline and a shorter body; the slug field now holds the published slug (pinned).
    const saved = await openArticle<Article>(h, id);
    const edited = { ...saved, headline: `Ávila Polo and Rrumbullaku sign a plan ${run}`, body: articleWith('', sample.paragraphs[0]!, 'Updated.').body };
    await h.ok('drafts.save', { id, article: edited });
    const second = await publish(h, id);
    expect(second).toMatchObject({ action: 'update', postId: first.postId });
    const after = await wp.reader.post(first.postId);
    expect(after.title.raw).toBe(edited.headline);
    expect(after.slug).toBe(before.slug);
    expect(paragraphsOf(after.content.rendered)).toEqual([`TIRANA, Nov. 28 — ${sample.paragraphs[0]}`, 'Updated.']);
    expect(after.featured_media).toBe(before.featured_media);
    expect(await uploadsOf(article.featuredImage?.asset ?? '')).toBe(1);
    expect(await wp.reader.postsTitled(edited.headline)).toHaveLength(1);

    // Changing the slug on purpose does move the address.
    await h.ok('drafts.save', { id, article: { ...edited, slug: `avila-polo-plan-${run}`, slugFollowsHeadline: false } });
    await publish(h, id);
    expect((await wp.reader.post(first.postId)).slug).toBe(`avila-polo-plan-${run}`);
  });

  it('uploads each image in the body once, shows it from the site, and reuses it on a republish', async () => {
    const h = await wp.start();
    const { id, article } = await sampleDraft(h, `Pictures from Tirana ${run}`, fields);
    const { asset } = await h.ok<{ asset: string }>('drafts.attachImage', { draftId: id, fileName: 'meeting.png', data: pngOf(`body ${id}`) });
    const image = { type: 'article-image', version: 1, asset, alt: 'Officers at a table', caption: 'The meeting.', credit: 'State Police' };
    const children = article.body.root.children;
    const body = { root: { ...article.body.root, children: [children[0], image, children[1], image] } };
    await h.ok('drafts.save', { id, article: { ...article, body } });
    const featured = article.featuredImage?.asset ?? '';

    const { postId } = await publish(h, id);
    // The featured image and the body image, once each (the body image is used twice).
    expect([await uploadsOf(featured), await uploadsOf(asset)]).toEqual([1, 1]);
    const post = await wp.reader.post(postId);
    const blocks = [...post.content.raw.matchAll(/<!-- wp:image \{"id":(\d+)\}[\s\S]*?<img src="([^"]+)"/g)];
    expect(blocks).toHaveLength(2);
    const media = await wp.reader.media(Number(blocks[0]![1]));
    expect(blocks.map((block) => block[2])).toEqual([media.source_url, media.source_url]);
    expect(media).toMatchObject({ alt_text: 'Officers at a table' });
    expect(media.caption.raw).toBe('The meeting. (State Police)');
    expect(media.id).not.toBe(post.featured_media);

    await publish(h, id);
    expect([await uploadsOf(featured), await uploadsOf(asset)]).toEqual([1, 1]);
  });

  it('uploads the featured image again when it was deleted from the media library', async () => {
    const h = await wp.start();
    const { id } = await sampleDraft(h, `Deleted picture ${run}`, fields);
    const first = await wp.reader.post((await publish(h, id)).postId);
    const deleted = await wp.admin.call('DELETE', `/wp/v2/media/${first.featured_media}`, { force: 'true' });
    expect(deleted.status).toBe(200);
    await publish(h, id);
    const again = await wp.reader.post(first.id);
    expect(again.featured_media).not.toBe(first.featured_media);
    expect((await wp.reader.media(again.featured_media)).alt_text).toBe('Two police chiefs shake hands');
  });

  it('an edit saved while the post was being sent leaves the live copy behind, slug still pinned', async () => {
    let duringPublish: (() => Promise<void>) | undefined;
    const h = await wp.start({}, {
      fetch: async (input, init) => {
        // The journalist types on while WordPress is still writing the post.
        if (init?.method === 'POST' && String(input).includes('%2Fwp%2Fv2%2Fposts')) await duringPublish?.();
        return fetch(input, init);
      },
    });
    const { id, article } = await sampleDraft(h, `Typed on while publishing ${run}`, fields);
    duringPublish = async () => {
      duringPublish = undefined;
      await h.ok('drafts.save', { id, article: { ...article, standfirst: 'Typed during the publish.' } });
    };
    const { queued } = await sendOk(h, id, 'publish');
    const onDisk = await readDraft(h.folder, id);
    expect(onDisk.article).toMatchObject({ standfirst: 'Typed during the publish.', slug: `typed-on-while-publishing-${run}`, slugFollowsHeadline: false });
    // Revision 1 was sent; 2 is the edit, 3 the pinned slug: the site lacks the edit.
    expect(onDisk.revision).toBe(3);
    expect((await entryOf(h, id, queued.jobId))?.revision).toBe(1);
    expect((await liveOf(h, id))?.state).toBe('behind');
  });

  it('refuses a story that fails the house rules, in plain words, and sends nothing', async () => {
    const requests: string[] = [];
    const h = await wp.start({}, { fetch: (input, init) => (requests.push(input), fetch(input, init)) });
    const { id } = await h.ok<{ id: string }>('drafts.create');
    await h.ok('drafts.save', { id, article: newArticle({ ...articleWith(`Not ready ${run}`, 'Body.'), standfirst: 'x'.repeat(300) }) });
    const file = await readFile(join(h.folder, 'drafts', id, 'draft.json'), 'utf8');

    const result = await h.call('publishing.queue', { draftId: id, profileId: h.profileId, kind: 'publish' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_READY' } });
    expect(!result.ok && result.error.message).toBe(
      'Not queued: Byline is missing. Section is missing. Standfirst is 20 characters over its budget of 280.',
    );
    expect((await h.ok<OutboxView>('outbox.list')).jobs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await wp.reader.postsTitled(`Not ready ${run}`)).toHaveLength(0);
    expect(await readFile(join(h.folder, 'drafts', id, 'draft.json'), 'utf8')).toBe(file);

    // The desk's own rules apply: with nothing required and a wider budget it goes.
    await h.ok('settings.saveHouseProfile', { required: [], budgets: { headline: 90, standfirst: 400, seoTitle: 60, seoDescription: 155 }, sections: [] });
    expect((await publish(h, id)).action).toBe('create');
    expect(await wp.reader.postsTitled(`Not ready ${run}`)).toHaveLength(1);
  });
});
