import Conf from 'conf';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleArticle } from '../../../e2e/host/sample-article';
import { paragraphsOf, readWordPressEnv, WordPressReader, type WordPressEnv } from '../../../e2e/host/wordpress';
import type { Result } from '../../../shared/ipc/result';
import { type Article, type ArticleInput, newArticle } from '../../../shared/model/article';
import { articleWith, tempFolder } from '../drafts/testing';
import { MemorySecrets } from '../memory-secrets';
import { createServices } from '../services';
import type { AppSettings } from '../settings/app-settings';

/**
 * The story fields of the sample article published through the router to the real WordPress on
 * 127.0.0.1, and read back through the REST API as an editor sees them (`context=edit`).
 */
let env: WordPressEnv;
let reader: WordPressReader;
beforeAll(async () => {
  env = await readWordPressEnv();
  reader = new WordPressReader(env);
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const sample = loadSampleArticle();
/** A valid 1×1 PNG: WordPress checks that an upload really is an image. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

type Call = (method: string, input?: unknown) => Promise<Result<unknown>>;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function start(fetchImpl: typeof fetch = fetch): Promise<{ call: Call; folder: string }> {
  const folder = await tempFolder('newsroom-publish-fields-');
  cleanups.push(folder.remove);
  const services = await createServices({
    fetch: fetchImpl,
    dataFolder: folder.path,
    settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: () => undefined,
    flushTimeoutMs: 50,
  });
  const call: Call = (method, input = {}) => services.router.handle(method, input);
  value(await call('settings.saveWordPress', { siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword }));
  return { call, folder: folder.path };
}

/** A draft of the sample article with `fields` set, and its featured image attached. */
async function sampleDraft(call: Call, headline: string, fields: Partial<ArticleInput>): Promise<{ id: string; article: Article }> {
  const { id } = value<{ id: string }>(await call('drafts.create'));
  const { asset } = value<{ asset: string }>(await call('drafts.attachImage', { draftId: id, fileName: 'tirana.png', data: PNG_1X1 }));
  const article = newArticle({
    ...fields,
    headline,
    featuredImage: { asset, alt: 'Two police chiefs shake hands', caption: 'Rrumbullaku welcomes Ávila Polo in Tirana.', credit: 'State Police' },
    body: articleWith(headline, ...sample.paragraphs).body,
  });
  value(await call('drafts.save', { id, article }));
  return { id, article };
}

const readDraft = async (folder: string, id: string) => JSON.parse(await readFile(join(folder, 'drafts', id, 'draft.json'), 'utf8'));

describe('publishing the story fields to a real WordPress', () => {
  const run = Date.now();
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
    const { call, folder } = await start();
    const headline = `Julian Ávila Polo meets Rrumbullaku ${run}`;
    const { id } = await sampleDraft(call, headline, fields);
    const mediaBefore = await reader.mediaCount();

    const published = value<{ action: string; postId: number; url: string; slug: string }>(await call('publishing.publish', { draftId: id }));
    expect(published.action).toBe('created');
    const post = await reader.post(published.postId);
    expect(post.title.raw).toBe(headline);
    expect(post.excerpt.raw).toBe(fields.standfirst);
    expect(post.slug).toBe(`julian-avila-polo-meets-rrumbullaku-${run}`);
    expect(published.slug).toBe(post.slug);
    // WordPress lists a post's terms in its own order, and escapes "&" in names.
    expect((await reader.termNames('tags', post.tags)).sort()).toEqual([`Spain &amp; Albania ${run}`, `Trafficking ${run}`]);
    expect(await reader.termNames('categories', post.categories)).toEqual([section]);
    expect(post.content.raw.startsWith('<!-- wp:paragraph {"className":"byline"} --><p class="byline">By Ana Ruiz and Luis Pérez</p>')).toBe(true);
    expect(post.content.rendered).toContain('<p class="byline">By Ana Ruiz and Luis Pérez</p>');
    // The plain paragraphs: the body, its first one opened by the dateline.
    expect(paragraphsOf(post.content.rendered)).toEqual([
      `TIRANA, Nov. 28 — ${sample.paragraphs[0]}`,
      ...sample.paragraphs.slice(1),
    ]);
    const media = await reader.media(post.featured_media);
    expect(media).toMatchObject({ alt_text: 'Two police chiefs shake hands', media_type: 'image', mime_type: 'image/png' });
    expect(media.caption.raw).toBe('Rrumbullaku welcomes Ávila Polo in Tirana. (State Police)');
    expect(await reader.mediaCount()).toBe(mediaBefore + 1);
    // Core WordPress has no SEO fields and the note is for the desk: neither is anywhere in the post.
    const raw = await reader.rawPost(published.postId);
    expect(raw).not.toContain('NOTE-FOR-THE-DESK-ONLY');
    expect(raw).not.toContain('SEO-TITLE-MARKER');
    expect(raw).not.toContain('SEO-DESCRIPTION-MARKER');

    // The address is pinned in the draft, and the draft does not look changed since publishing.
    const onDisk = await readDraft(folder, id);
    expect(onDisk.article).toMatchObject({ slug: post.slug, slugFollowsHeadline: false });
    expect(onDisk.publication.wordpress).toMatchObject({ postId: post.id, slug: post.slug, revision: onDisk.revision });
    expect(onDisk.publication.wordpress.media[onDisk.article.featuredImage.asset]).toEqual({ id: media.id, url: media.source_url });
  });

  it('reuses the tags and the category on a second story instead of creating them again', async () => {
    const { call } = await start();
    const first = await sampleDraft(call, `First of two ${run}`, fields);
    const second = await sampleDraft(call, `Second of two ${run}`, fields);
    const a = await reader.post(value<{ postId: number }>(await call('publishing.publish', { draftId: first.id })).postId);
    const b = await reader.post(value<{ postId: number }>(await call('publishing.publish', { draftId: second.id })).postId);
    expect(b.tags).toEqual(a.tags);
    expect(b.categories).toEqual(a.categories);
    expect(await reader.termsNamed('categories', section)).toHaveLength(1);
    expect(await reader.termsNamed('tags', `Trafficking ${run}`)).toHaveLength(1);
  });

  it('pins the slug the site gave when the headline\'s slug was taken (WordPress adds -2)', async () => {
    const { call, folder } = await start();
    const headline = `Same headline twice ${run}`;
    const first = await sampleDraft(call, headline, fields);
    const second = await sampleDraft(call, headline, fields);
    const a = value<{ slug: string }>(await call('publishing.publish', { draftId: first.id }));
    const b = value<{ slug: string; postId: number }>(await call('publishing.publish', { draftId: second.id }));
    expect(a.slug).toBe(`same-headline-twice-${run}`);
    expect(b.slug).toBe(`same-headline-twice-${run}-2`);
    expect((await reader.post(b.postId)).slug).toBe(b.slug);
    expect((await readDraft(folder, second.id)).article).toMatchObject({ slug: b.slug, slugFollowsHeadline: false });
  });

  it('republishes an edit into the same post, keeping its address and its image', async () => {
    const { call, folder } = await start();
    const { id } = await sampleDraft(call, `Julian Ávila Polo in Tirana ${run}`, fields);
    const first = value<{ postId: number }>(await call('publishing.publish', { draftId: id }));
    const before = await reader.post(first.postId);
    const mediaBefore = await reader.mediaCount();

    // A new headline and a shorter body; the slug field now holds the published slug (pinned).
    const saved = (await readDraft(folder, id)).article as Article;
    const edited = { ...saved, headline: `Ávila Polo and Rrumbullaku sign a plan ${run}`, body: articleWith('', sample.paragraphs[0]!, 'Updated.').body };
    value(await call('drafts.save', { id, article: edited }));
    const second = value<{ action: string; postId: number }>(await call('publishing.publish', { draftId: id }));
    expect(second).toMatchObject({ action: 'updated', postId: first.postId });
    const after = await reader.post(first.postId);
    expect(after.title.raw).toBe(edited.headline);
    expect(after.slug).toBe(before.slug);
    expect(paragraphsOf(after.content.rendered)).toEqual([`TIRANA, Nov. 28 — ${sample.paragraphs[0]}`, 'Updated.']);
    expect(after.featured_media).toBe(before.featured_media);
    expect(await reader.mediaCount()).toBe(mediaBefore);
    expect(await reader.postsTitled(edited.headline)).toHaveLength(1);

    // Changing the slug on purpose does move the address.
    value(await call('drafts.save', { id, article: { ...edited, slug: `avila-polo-plan-${run}`, slugFollowsHeadline: false } }));
    value(await call('publishing.publish', { draftId: id }));
    expect((await reader.post(first.postId)).slug).toBe(`avila-polo-plan-${run}`);
  });

  it('uploads each image in the body once, shows it from the site, and reuses it on a republish', async () => {
    const { call } = await start();
    const { id, article } = await sampleDraft(call, `Pictures from Tirana ${run}`, fields);
    // Other bytes, so another asset (trailing bytes after a PNG's end do not stop it being one).
    const other = Buffer.concat([Buffer.from(PNG_1X1, 'base64'), Buffer.from('second picture')]).toString('base64');
    const { asset } = value<{ asset: string }>(await call('drafts.attachImage', { draftId: id, fileName: 'meeting.png', data: other }));
    const image = { type: 'article-image', version: 1, asset, alt: 'Officers at a table', caption: 'The meeting.', credit: 'State Police' };
    const children = article.body.root.children;
    const body = { root: { ...article.body.root, children: [children[0], image, children[1], image] } };
    value(await call('drafts.save', { id, article: { ...article, body } }));
    const mediaBefore = await reader.mediaCount();

    const { postId } = value<{ postId: number }>(await call('publishing.publish', { draftId: id }));
    expect(await reader.mediaCount()).toBe(mediaBefore + 2); // the featured image and the body image, once each
    const post = await reader.post(postId);
    const blocks = [...post.content.raw.matchAll(/<!-- wp:image \{"id":(\d+)\}[\s\S]*?<img src="([^"]+)"/g)];
    expect(blocks).toHaveLength(2);
    const media = await reader.media(Number(blocks[0]![1]));
    expect(blocks.map((block) => block[2])).toEqual([media.source_url, media.source_url]);
    expect(media).toMatchObject({ alt_text: 'Officers at a table' });
    expect(media.caption.raw).toBe('The meeting. (State Police)');
    expect(media.id).not.toBe(post.featured_media);

    value(await call('publishing.publish', { draftId: id }));
    expect(await reader.mediaCount()).toBe(mediaBefore + 2);
  });

  it('uploads the featured image again when it was deleted from the media library', async () => {
    const { call } = await start();
    const { id } = await sampleDraft(call, `Deleted picture ${run}`, fields);
    const first = await reader.post(value<{ postId: number }>(await call('publishing.publish', { draftId: id })).postId);
    const auth = Buffer.from(`${env.username}:${env.applicationPassword}`).toString('base64');
    const deleted = await fetch(`${env.url}/?rest_route=/wp/v2/media/${first.featured_media}&force=true`, { method: 'DELETE', headers: { Authorization: `Basic ${auth}` } });
    expect(deleted.status).toBe(200);
    value(await call('publishing.publish', { draftId: id }));
    const again = await reader.post(first.id);
    expect(again.featured_media).not.toBe(first.featured_media);
    expect((await reader.media(again.featured_media)).alt_text).toBe('Two police chiefs shake hands');
  });

  it('an edit saved while the post was being sent leaves the live copy behind, slug still pinned', async () => {
    let duringPublish: (() => Promise<void>) | undefined;
    const { call, folder } = await start(async (input, init) => {
      // The journalist types on while WordPress is still writing the post.
      if (init?.method === 'POST' && String(input).includes('%2Fwp%2Fv2%2Fposts')) await duringPublish?.();
      return fetch(input, init);
    });
    const { id, article } = await sampleDraft(call, `Typed on while publishing ${run}`, fields);
    duringPublish = async () => {
      duringPublish = undefined;
      value(await call('drafts.save', { id, article: { ...article, standfirst: 'Typed during the publish.' } }));
    };
    value(await call('publishing.publish', { draftId: id }));
    const onDisk = await readDraft(folder, id);
    expect(onDisk.article).toMatchObject({ standfirst: 'Typed during the publish.', slug: `typed-on-while-publishing-${run}`, slugFollowsHeadline: false });
    // Revision 1 was sent; 2 is the edit, 3 the pinned slug: the site lacks the edit.
    expect(onDisk.revision).toBe(3);
    expect(onDisk.publication.wordpress.revision).toBe(1);
  });

  it('refuses a story that fails the house rules, in plain words, and sends nothing', async () => {
    const { call, folder } = await start();
    const { id } = value<{ id: string }>(await call('drafts.create'));
    value(await call('drafts.save', { id, article: newArticle({ ...articleWith(`Not ready ${run}`, 'Body.'), standfirst: 'x'.repeat(300) }) }));
    const file = await readFile(join(folder, 'drafts', id, 'draft.json'), 'utf8');
    const posts = await reader.postCount();
    const media = await reader.mediaCount();

    const result = await call('publishing.publish', { draftId: id });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_READY' } });
    expect(!result.ok && result.error.message).toBe(
      'Not published: Byline is missing. Section is missing. Standfirst is 20 characters over its budget of 280.',
    );
    expect(await reader.postCount()).toBe(posts);
    expect(await reader.mediaCount()).toBe(media);
    expect(await reader.postsTitled(`Not ready ${run}`)).toHaveLength(0);
    expect(await readFile(join(folder, 'drafts', id, 'draft.json'), 'utf8')).toBe(file);

    // The desk's own rules apply: with nothing required and a wider budget it goes.
    value(await call('settings.saveHouseProfile', { required: [], budgets: { headline: 90, standfirst: 400, seoTitle: 60, seoDescription: 155 }, sections: [] }));
    expect(value<{ action: string }>(await call('publishing.publish', { draftId: id })).action).toBe('created');
  });
});
