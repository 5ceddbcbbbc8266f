import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftFileSchema, type WordPressPublication } from '../../../shared/model/draft';
import { DraftStore } from './draft-store';
import { articleWith, steppingClock, tempFolder } from './testing';

let folder: { path: string; remove: () => Promise<void> };
let store: DraftStore;
const draftFile = (id: string): string => join(folder.path, 'drafts', id, 'draft.json');
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;

beforeEach(async () => {
  folder = await tempFolder('newsroom-drafts-');
  store = await DraftStore.open({ folder: folder.path, clock: steppingClock() });
});
afterEach(async () => {
  await store.whenIdle();
  await folder.remove();
});

const wordpress: WordPressPublication = {
  siteUrl: 'https://news.example',
  postId: 42,
  url: 'https://news.example/?p=42',
  publishedAt: '2025-06-01T10:00:00.000Z',
  revision: 1,
};

describe('DraftStore', () => {
  it('opens on a folder that does not exist yet, with drafts/ and trash/', async () => {
    const nested = join(folder.path, 'a', 'b');
    const other = await DraftStore.open({ folder: nested });
    expect((await readdir(nested)).sort()).toEqual(['drafts', 'trash']);
    expect(await other.list()).toEqual({ drafts: [], problems: [] });
  });

  it('creates a draft on disk as readable JSON with the file marker', async () => {
    const draft = await store.create({ headline: 'Council votes' });
    expect(draft.revision).toBe(0);
    expect(draft.article.headline).toBe('Council votes');
    expect(draft.publication).toEqual({});
    const text = await readFile(draftFile(draft.id), 'utf8');
    expect(text).toContain('\n  "format": "newsroom-draft",\n  "schemaVersion": 3,');
    expect(DraftFileSchema.parse(JSON.parse(text))).toMatchObject({ id: draft.id, revision: 0 });
    expect(await readdir(join(folder.path, 'drafts', draft.id))).toEqual(['draft.json']);
  });

  it('creates a draft with its fields: a slug following the headline is derived at once, a given slug is kept', async () => {
    const imported = await store.create({ headline: 'Julian Ávila Polo wins', standfirst: 'In Madrid.' });
    expect(imported.article).toMatchObject({ slug: 'julian-avila-polo-wins', slugFollowsHeadline: true, standfirst: 'In Madrid.' });
    const fixed = await store.create({ headline: 'Other', slug: 'kept-slug', slugFollowsHeadline: false });
    expect(fixed.article.slug).toBe('kept-slug');
    expect((await store.read(imported.id)).article.slug).toBe('julian-avila-polo-wins');
  });

  it('updates the saved article in one step, or leaves it alone when the change is null', async () => {
    const draft = await store.create({ headline: 'Bridge' });
    const unchanged = await store.updateArticle(draft.id, () => null);
    expect(unchanged).toMatchObject({ revision: 0, before: { revision: 0 } });
    const saves = [store.save(draft.id, articleWith('Bridge reopens')), store.updateArticle(draft.id, (article) => ({ ...article, slug: 'bridge-pinned', slugFollowsHeadline: false }))];
    const [, update] = await Promise.all(saves);
    // Queued after the save, the update saw (and kept) the saved headline.
    expect(update).toMatchObject({ before: { revision: 1 }, revision: 2 });
    expect((await store.read(draft.id)).article).toMatchObject({ headline: 'Bridge reopens', slug: 'bridge-pinned', slugFollowsHeadline: false });
  });

  it('saves, reads back, and survives reopening the store', async () => {
    const draft = await store.create();
    const receipt = await store.save(draft.id, articleWith('Flood warning', 'Rivers rise fast.', 'Roads closed.'));
    expect(receipt).toMatchObject({ revision: 1, wordCount: 5 });
    const again = await store.save(draft.id, articleWith('Flood warning', 'Rivers rise fast.'));
    expect(again.revision).toBe(2);
    expect(Date.parse(again.savedAt)).toBeGreaterThan(Date.parse(receipt.savedAt));

    const reopened = await DraftStore.open({ folder: folder.path });
    const read = await reopened.read(draft.id);
    expect(read.article).toEqual(articleWith('Flood warning', 'Rivers rise fast.'));
    expect(read).toMatchObject({ id: draft.id, revision: 2, createdAt: draft.createdAt, updatedAt: again.savedAt });
  });

  it('lists summaries newest first, with word counts and publication', async () => {
    const a = await store.create({ headline: 'A' });
    const b = await store.create({ headline: 'B' });
    await store.save(a.id, articleWith('A, edited', 'one two three'));
    await store.setPublication(b.id, () => ({ wordpress }));
    const { drafts, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(drafts.map((d) => d.headline)).toEqual(['A, edited', 'B']);
    expect(drafts[0]).toMatchObject({ id: a.id, wordCount: 3, published: false });
    expect(drafts[0]).not.toHaveProperty('publishedUrl');
    expect(drafts[1]).toMatchObject({ id: b.id, wordCount: 0, published: true, publishedUrl: wordpress.url });
  });

  it('keeps createdAt and the publication record across saves', async () => {
    const draft = await store.create();
    await store.setPublication(draft.id, () => ({ wordpress }));
    await store.save(draft.id, articleWith('Later', 'text'));
    const read = await store.read(draft.id);
    expect(read.publication).toEqual({ wordpress });
    expect(read.createdAt).toBe(draft.createdAt);
  });

  it('builds a save on the file another program changed, not on its own last copy', async () => {
    const draft = await store.create({ headline: 'Shared' });
    await store.save(draft.id, articleWith('Shared', 'ours'));
    // Another program (a sync client, a colleague's app) records a publication in the file.
    const file = (await readJson(draftFile(draft.id))) as Record<string, unknown>;
    await writeFile(draftFile(draft.id), JSON.stringify({ ...file, publication: { wordpress } }, null, 2));
    const receipt = await store.save(draft.id, articleWith('Shared', 'ours again'));
    expect(receipt.wordCount).toBe(2);
    const saved = DraftFileSchema.parse(await readJson(draftFile(draft.id)));
    expect(saved.publication.wordpress).toEqual(wordpress);
    expect(saved.revision).toBe(2);
  });

  it('setPublication changes only the publication, not the text or revision', async () => {
    const draft = await store.create();
    await store.save(draft.id, articleWith('Text', 'body'));
    const before = await store.read(draft.id);
    const after = await store.setPublication(draft.id, (current) => {
      expect(current).toEqual({});
      return { wordpress };
    });
    expect(after).toEqual({ ...before, publication: { wordpress } });
    expect(await store.read(draft.id)).toEqual(after);
  });

  it('rejects an invalid publication record and leaves the file as it was', async () => {
    const draft = await store.create();
    const before = await readFile(draftFile(draft.id), 'utf8');
    const bad = { wordpress: { ...wordpress, postId: -1 } };
    await expect(store.setPublication(draft.id, () => bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(draftFile(draft.id), 'utf8')).toBe(before);
  });

  it('serializes concurrent saves: the last save issued is what is on disk', async () => {
    const draft = await store.create();
    const saves = Array.from({ length: 20 }, (_, i) => store.save(draft.id, articleWith(`v${i}`, `text ${i}`)));
    const receipts = await Promise.all(saves);
    expect(receipts.map((r) => r.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await readJson(draftFile(draft.id))).toMatchObject({ revision: 20, article: { headline: 'v19' } });
  });

  it('whenIdle waits for every queued write', async () => {
    const draft = await store.create();
    const other = await store.create();
    void store.save(draft.id, articleWith('first', 'x'));
    void store.save(other.id, articleWith('other', 'y'));
    void store.save(draft.id, articleWith('last', 'x'));
    await store.whenIdle();
    expect(await readJson(draftFile(draft.id))).toMatchObject({ article: { headline: 'last' } });
    expect(await readJson(draftFile(other.id))).toMatchObject({ article: { headline: 'other' } });
  });

  it('moves a draft to the trash after the saves issued before it, then refuses saves', async () => {
    const draft = await store.create();
    const keep = await store.create({ headline: 'stays' });
    const saved = store.save(draft.id, articleWith('saved before trash', 'x'));
    const trashed = store.trash(draft.id);
    const late = store.save(draft.id, articleWith('after trash', 'x'));
    await expect(saved).resolves.toMatchObject({ revision: 1 });
    await trashed;
    await expect(late).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const inTrash = join(folder.path, 'trash', draft.id, 'draft.json');
    expect(await readJson(inTrash)).toMatchObject({ article: { headline: 'saved before trash' } });
    expect((await store.list()).drafts.map((d) => d.id)).toEqual([keep.id]);
    await expect(store.read(draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.trash(draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for unknown ids and for ids that are not UUIDs (no path tricks)', async () => {
    await writeFile(join(folder.path, 'secret.json'), '{}');
    for (const id of ['5f0c2d3e-1111-4222-8333-944455556666', '../secret.json', '..', '']) {
      await expect(store.read(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.save(id, articleWith('x'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(store.trash('..')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readFile(join(folder.path, 'secret.json'), 'utf8')).toBe('{}');
  });

  it('refuses an article it could not read back (headline too long), leaving the file alone', async () => {
    const draft = await store.create();
    const before = await readFile(draftFile(draft.id), 'utf8');
    await expect(store.save(draft.id, articleWith('x'.repeat(401)))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(store.create({ headline: 'x'.repeat(401) })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(draftFile(draft.id), 'utf8')).toBe(before);
  });

  it('ignores stray files and non-draft folders in drafts/, and skips an empty draft folder', async () => {
    const draft = await store.create({ headline: 'real' });
    await writeFile(join(folder.path, 'drafts', 'README.txt'), 'hello');
    await mkdir(join(folder.path, 'drafts', 'not-a-uuid'));
    await mkdir(join(folder.path, 'drafts', '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'));
    expect(await store.list()).toEqual({ drafts: [expect.objectContaining({ id: draft.id })], problems: [] });
  });

  it('uses the folder name as the identity of a copied draft folder', async () => {
    const draft = await store.create({ headline: 'original' });
    const copyId = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    await cp(join(folder.path, 'drafts', draft.id), join(folder.path, 'drafts', copyId), { recursive: true });
    const ids = (await store.list()).drafts.map((d) => d.id).sort();
    expect(ids).toEqual([draft.id, copyId].sort());
    await store.save(copyId, articleWith('copy edited'));
    expect((await store.read(draft.id)).article.headline).toBe('original');
    expect(await readJson(draftFile(copyId))).toMatchObject({ id: copyId, article: { headline: 'copy edited' } });
  });
});
