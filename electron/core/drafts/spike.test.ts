import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftSearch } from '../search/draft-search';
import type { Clock } from '../ports';
import { DraftStore } from './draft-store';
import { idOfTrashFolder, SPIKED_FILE } from './spike';
import { articleWith, tempFolder } from './testing';

/** A clock the test moves by hand. */
function manualClock(start = '2025-06-01T09:00:00.000Z'): Clock & { advanceDays: (days: number) => void } {
  let ms = Date.parse(start);
  return {
    now: () => new Date(ms),
    advanceDays: (days) => {
      ms += days * 24 * 60 * 60 * 1000;
    },
  };
}

let folder: { path: string; remove: () => Promise<void> };
let clock: ReturnType<typeof manualClock>;
let store: DraftStore;
const trashDir = (): string => join(folder.path, 'trash');

beforeEach(async () => {
  folder = await tempFolder('newsroom-spike-');
  clock = manualClock();
  store = await DraftStore.open({ folder: folder.path, clock });
});
afterEach(async () => {
  await store.whenIdle();
  await folder.remove();
});

describe('spiked drafts', () => {
  it('names spiked folders by draft id, with or without a stamp suffix', () => {
    const id = '5f0c2d3e-1111-4222-8333-944455556666';
    expect(idOfTrashFolder(id)).toBe(id);
    expect(idOfTrashFolder(`${id}-2025-06-01T09-00-00.000Z`)).toBe(id);
    expect(idOfTrashFolder(`${id}x`)).toBeUndefined();
    expect(idOfTrashFolder('README.txt')).toBeUndefined();
  });

  it('lists a spiked draft with its headline, word count and spike time', async () => {
    const draft = await store.create();
    await store.save(draft.id, articleWith('Harbour fire', 'Firefighters in Durrës.'));
    clock.advanceDays(1);
    await store.trash(draft.id);
    expect(await readdir(join(trashDir(), draft.id))).toEqual(expect.arrayContaining(['draft.json', SPIKED_FILE]));
    expect(await store.listSpiked()).toEqual([
      { id: draft.id, headline: 'Harbour fire', wordCount: 3, spikedAt: '2025-06-02T09:00:00.000Z' },
    ]);
  });

  it('restores a spiked draft with the same text; it lists and is found again', async () => {
    const search = DraftSearch.attach(store);
    const keep = await store.create({ headline: 'stays' });
    const draft = await store.create();
    const article = articleWith('Harbour fire', 'Firefighters in Durrës.');
    await store.save(draft.id, article);
    await store.trash(draft.id);
    await search.whenIdle();
    expect((await search.search('durres')).hits).toEqual([]);
    expect((await store.list()).drafts.map((d) => d.id)).toEqual([keep.id]);

    await store.restore(draft.id);
    expect(await store.listSpiked()).toEqual([]);
    expect((await store.read(draft.id)).article).toEqual(article);
    expect(await readdir(join(folder.path, 'drafts', draft.id))).toEqual(['draft.json']);
    const listed = (await store.list()).drafts;
    expect(listed.map((d) => d.id).sort()).toEqual([keep.id, draft.id].sort());
    expect(listed.find((d) => d.id === draft.id)).toMatchObject({ headline: 'Harbour fire', wordCount: 3 });
    await search.whenIdle();
    expect((await search.search('durres')).hits.map((h) => h.id)).toEqual([draft.id]);
    // It saves as any draft does.
    await expect(store.save(draft.id, articleWith('Harbour fire, update'))).resolves.toMatchObject({ revision: 2 });
    await search.close();
  });

  it('a restored draft lists again after a restart too (summary index kept right)', async () => {
    const draft = await store.create({ headline: 'Back again' });
    await store.list();
    await store.trash(draft.id);
    await store.restore(draft.id);
    await store.whenIdle();
    const reopened = await DraftStore.open({ folder: folder.path, clock });
    expect((await reopened.list()).drafts.map((d) => d.headline)).toEqual(['Back again']);
  });

  it('refuses to restore over a draft with the same id, and touches neither', async () => {
    const draft = await store.create({ headline: 'spiked copy' });
    await store.trash(draft.id);
    // A draft with the same id is back in drafts/ (copied in by hand, or from a sync).
    const dir = join(folder.path, 'drafts', draft.id);
    await mkdir(dir);
    const trashed = await readFile(join(trashDir(), draft.id, 'draft.json'), 'utf8');
    await writeFile(join(dir, 'draft.json'), trashed.replace('spiked copy', 'live copy'));
    await expect(store.restore(draft.id)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect((await store.read(draft.id)).article.headline).toBe('live copy');
    expect((await store.listSpiked()).map((s) => s.headline)).toEqual(['spiked copy']);
  });

  it('answers NOT_FOUND for restore and purge of ids that are not spiked, or not UUIDs', async () => {
    const live = await store.create();
    for (const id of [live.id, '5f0c2d3e-1111-4222-8333-944455556666', '..', '../drafts']) {
      await expect(store.restore(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(store.purge(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await store.list()).drafts).toHaveLength(1);
  });

  it('purges a spiked draft for good', async () => {
    const draft = await store.create({ headline: 'gone' });
    await store.trash(draft.id);
    await store.purge(draft.id);
    expect(await readdir(trashDir())).toEqual([]);
    expect(await store.listSpiked()).toEqual([]);
    await expect(store.restore(draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('purgeExpired removes only the drafts spiked more than 30 days ago', async () => {
    const old = await store.create({ headline: 'old' });
    const recent = await store.create({ headline: 'recent' });
    const live = await store.create({ headline: 'live' });
    await store.trash(old.id);
    clock.advanceDays(10);
    await store.trash(recent.id);

    clock.advanceDays(20); // old: spiked exactly 30 days ago, not more
    expect(await store.purgeExpired(clock.now())).toEqual([]);
    clock.advanceDays(1);
    expect(await store.purgeExpired(clock.now())).toEqual([old.id]);
    expect((await store.listSpiked()).map((s) => s.id)).toEqual([recent.id]);
    expect((await store.list()).drafts.map((d) => d.id)).toEqual([live.id]);
    expect(await store.purgeExpired(clock.now(), 7)).toEqual([recent.id]);
    expect(await readdir(trashDir())).toEqual([]);
  });

  it('without its marker a spike is dated by the folder, and stray files in trash/ are left alone', async () => {
    const draft = await store.create({ headline: 'no marker' });
    await store.trash(draft.id);
    await rm(join(trashDir(), draft.id, SPIKED_FILE));
    await writeFile(join(trashDir(), 'notes.txt'), 'keep me');
    const [entry] = await store.listSpiked();
    expect(entry?.id).toBe(draft.id);
    expect(Number.isNaN(Date.parse(entry?.spikedAt ?? ''))).toBe(false);
    // The folder's mtime is now (real time), long after the test clock's 2025: nothing expires.
    expect(await store.purgeExpired(new Date(Date.now() - 1000))).toEqual([]);
    expect(await store.purgeExpired(new Date(Date.now() + 31 * 24 * 60 * 60 * 1000))).toEqual([draft.id]);
    expect(await readdir(trashDir())).toEqual(['notes.txt']);
  });
});
