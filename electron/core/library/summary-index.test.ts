import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDraft } from '../drafts/draft-file';
import { DraftStore } from '../drafts/draft-store';
import { articleWith, steppingClock, tempFolder } from '../drafts/testing';
import { SUMMARY_INDEX_VERSION } from './summary-index';

/**
 * The durable summary index behind DraftStore.list: trusted only while a draft file keeps the
 * size and mtime it recorded, updated by our own writes, rebuilt when missing or damaged.
 */
let folder: { path: string; remove: () => Promise<void> };
const fileOf = (id: string): string => join(folder.path, 'drafts', id, 'draft.json');
const indexFile = (): string => join(folder.path, 'index', 'summaries.json');
const open = (): Promise<DraftStore> => DraftStore.open({ folder: folder.path, clock: steppingClock() });
const headlines = async (store: DraftStore): Promise<string[]> => (await store.list()).drafts.map((d) => d.headline).sort();

/** A whole-second mtime: utimes cannot restore an arbitrary sub-millisecond one exactly. */
const PINNED = 1_750_000_000;

/** Rewrites a draft file as another program would; `pinned` keeps the mtime at PINNED. */
async function editBehindOurBack(id: string, headline: string, pinned: boolean): Promise<void> {
  const file = fileOf(id);
  const draft = JSON.parse(await readFile(file, 'utf8')) as Parameters<typeof serializeDraft>[0];
  await writeFile(file, serializeDraft({ ...draft, article: { ...draft.article, headline } }));
  if (pinned) await utimes(file, PINNED, PINNED);
}

beforeEach(async () => {
  folder = await tempFolder('newsroom-summaries-');
});
afterEach(async () => {
  await folder.remove();
});

describe('summary index', () => {
  it('is written on quit (whenIdle) with every draft, and used by the next start', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Alpha' });
    await store.save(a.id, articleWith('Alpha, saved', 'one two'));
    await store.create({ headline: 'Beta' });
    await utimes(fileOf(a.id), PINNED, PINNED);
    await store.list(); // reads the file again (its mtime changed), recording the pinned stamp
    await store.whenIdle();
    const saved = JSON.parse(await readFile(indexFile(), 'utf8')) as { drafts: Record<string, { summary: { headline: string } }> };
    expect(Object.values(saved.drafts).map((d) => d.summary.headline).sort()).toEqual(['Alpha, saved', 'Beta']);

    // Same size and mtime, different bytes: only a trusted index can still say "Alpha, saved".
    await editBehindOurBack(a.id, 'Alpha, SAVED', true);
    expect(await headlines(await open())).toEqual(['Alpha, saved', 'Beta']);
  });

  it('re-reads a draft another program changed (size or mtime), while running and after a restart', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Original' });
    await store.list();
    await editBehindOurBack(a.id, 'Edited in a text editor', false);
    expect(await headlines(store)).toEqual(['Edited in a text editor']);
    await store.whenIdle();
    await editBehindOurBack(a.id, 'Edited again, app closed', false);
    expect(await headlines(await open())).toEqual(['Edited again, app closed']);
  });

  it('keeps up with save, setPublication and trash without re-reading', async () => {
    const store = await open();
    const a = await store.create({ headline: 'A' });
    const b = await store.create({ headline: 'B' });
    await store.list();
    await store.save(a.id, articleWith('A2', 'x'));
    await store.setPublication(b.id, () => ({ wordpress: { siteUrl: 'https://n.example', postId: 1, url: 'https://n.example/?p=1', publishedAt: '2025-06-01T10:00:00.000Z', revision: 0 } }));
    const { drafts } = await store.list();
    expect(drafts.map((d) => [d.headline, d.published])).toEqual([['A2', false], ['B', true]]);
    await store.trash(a.id);
    expect(await headlines(store)).toEqual(['B']);
    await store.whenIdle();
    expect(await readFile(indexFile(), 'utf8')).not.toContain(a.id);
  });

  it('drops the entry of a draft folder removed by hand', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Gone soon' });
    await store.create({ headline: 'Stays' });
    await store.list();
    await rm(join(folder.path, 'drafts', a.id), { recursive: true });
    expect(await headlines(store)).toEqual(['Stays']);
    await store.whenIdle();
    expect(await readFile(indexFile(), 'utf8')).not.toContain(a.id);
  });

  it.each([
    ['garbage', 'not json at all {'],
    ['cut short', '{"format":"newsroom-summaries","version":1,"drafts":{'],
    ['another version', '{"format":"newsroom-summaries","version":99,"drafts":{}}'],
    ['a wrong entry', null],
  ])('rebuilds from the drafts when the index is damaged (%s)', async (_, damage) => {
    const store = await open();
    const a = await store.create({ headline: 'Kept' });
    await store.create({ headline: 'Also kept' });
    await store.whenIdle();
    const valid = await readFile(indexFile(), 'utf8');
    // A wrong entry: claims the right stamp but holds a broken summary; only that one is re-read.
    await writeFile(indexFile(), damage ?? valid.replace('"headline": "Kept"', '"headline": 42').replace('"headline":"Kept"', '"headline":42'));
    const reopened = await open();
    expect(await headlines(reopened)).toEqual(['Also kept', 'Kept']);
    await reopened.whenIdle();
    expect(JSON.parse(await readFile(indexFile(), 'utf8'))).toMatchObject({ format: 'newsroom-summaries', drafts: { [a.id]: { summary: { headline: 'Kept' } } } });
  });

  it('still reports a draft damaged behind its back, even one the index knew', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Will break' });
    await store.whenIdle();
    await writeFile(fileOf(a.id), '{"format":"newsroom-draft", "sch');
    const { drafts, problems } = await (await open()).list();
    expect(drafts).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ id: a.id, keptAs: expect.stringContaining('draft.json.corrupt-') as string })]);
  });

  it('gives each draft its created date, section, byline and where it stands on its CMS', async () => {
    const store = await open();
    const plain = await store.create({ headline: 'Plain', section: 'Sport', byline: ['Ana Ruiz', 'Bo Li'] });
    const states = ['live', 'scheduled', 'unpublished'] as const;
    const published = await Promise.all(states.map((state) => store.create({ headline: state })));
    for (const [i, state] of states.entries()) {
      const latest = { profileId: 'p', profileName: 'Site', url: `https://n.example/${state}`, at: '2026-01-01T10:00:00.000Z', revision: 0, state };
      await store.setPublication(published[i]!.id, () => ({ latest }));
    }
    const legacy = await store.create({ headline: 'Legacy' });
    await store.setPublication(legacy.id, () => ({ wordpress: { siteUrl: 'https://n.example', postId: 1, url: 'https://n.example/?p=1', publishedAt: '2025-06-01T10:00:00.000Z', revision: 0 } }));

    const check = async (reopened: DraftStore): Promise<void> => {
      const byHeadline = new Map((await reopened.list()).drafts.map((d) => [d.headline, d]));
      expect(byHeadline.get('Plain')).toMatchObject({ createdAt: plain.createdAt, section: 'Sport', byline: ['Ana Ruiz', 'Bo Li'], state: 'draft', published: false });
      expect(byHeadline.get('live')).toMatchObject({ state: 'live', published: true });
      expect(byHeadline.get('scheduled')).toMatchObject({ state: 'scheduled', published: true });
      expect(byHeadline.get('unpublished')).toMatchObject({ state: 'unpublished', published: false });
      expect(byHeadline.get('Legacy')).toMatchObject({ state: 'live', published: true, section: '', byline: [] });
    };
    await check(store);
    await store.whenIdle();
    await check(await open()); // the same from the saved index
  });

  it('rebuilds an index of the previous version: its entries lack the filter fields', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Current', section: 'Politics' });
    await utimes(fileOf(a.id), PINNED, PINNED);
    await store.list();
    await store.whenIdle();
    const saved = JSON.parse(await readFile(indexFile(), 'utf8')) as { version: number; drafts: Record<string, { summary: Record<string, unknown> }> };
    expect(saved.version).toBe(SUMMARY_INDEX_VERSION);
    // What version 1 wrote, with a stale headline: trusted, it would show "Stale" and no section.
    const old = saved.drafts[a.id]!.summary;
    saved.version = SUMMARY_INDEX_VERSION - 1;
    saved.drafts[a.id]!.summary = { id: a.id, headline: 'Stale', wordCount: old.wordCount, updatedAt: old.updatedAt, published: false };
    await writeFile(indexFile(), JSON.stringify(saved));
    const { drafts } = await (await open()).list();
    expect(drafts).toEqual([expect.objectContaining({ headline: 'Current', section: 'Politics', state: 'draft' })]);
  });

  it('drops a saved entry whose filter fields are damaged (re-reads that draft)', async () => {
    const store = await open();
    const a = await store.create({ headline: 'Right', byline: ['Ana'] });
    await utimes(fileOf(a.id), PINNED, PINNED);
    await store.list();
    await store.whenIdle();
    const saved = JSON.parse(await readFile(indexFile(), 'utf8')) as { drafts: Record<string, { summary: Record<string, unknown> }> };
    saved.drafts[a.id]!.summary = { ...saved.drafts[a.id]!.summary, headline: 'Wrong', state: 'archived' };
    await writeFile(indexFile(), JSON.stringify(saved));
    expect(await headlines(await open())).toEqual(['Right']);
  });
});
