import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDraft } from '../drafts/draft-file';
import { DraftStore } from '../drafts/draft-store';
import { articleWith, tempFolder } from '../drafts/testing';
import { DraftSearch } from './draft-search';
import { SEARCH_INDEX_VERSION } from './search-index';

/** The search index kept in step with a real store on a real temp folder. */
let folder: { path: string; remove: () => Promise<void> };
let open: Array<{ store: DraftStore; search: DraftSearch }>;

async function start(): Promise<{ store: DraftStore; search: DraftSearch }> {
  const store = await DraftStore.open({ folder: folder.path });
  const search = DraftSearch.attach(store);
  open.push({ store, search });
  return { store, search };
}
/** Quits as the app does: the store's writes, then the search index saved. */
async function quit({ store, search }: { store: DraftStore; search: DraftSearch }): Promise<void> {
  await search.flush({ force: true });
  await search.close();
  await store.whenIdle();
}
const idsFor = async (search: DraftSearch, query: string): Promise<string[]> => (await search.search(query)).hits.map((h) => h.id).sort();
const searchFile = (): string => join(folder.path, 'index', 'search.json');
const PINNED = 1_750_000_000;

beforeEach(async () => {
  folder = await tempFolder('newsroom-search-');
  open = [];
});
afterEach(async () => {
  for (const { store, search } of open) {
    await search.close();
    await store.whenIdle();
  }
  await folder.remove();
});

describe('DraftSearch', () => {
  it('finds a draft by its standfirst, tags and byline, but never by the editorial note', async () => {
    const { store, search } = await start();
    const draft = await store.create({ headline: 'Marathon' });
    await store.save(draft.id, {
      ...articleWith('Marathon', 'The race started at nine.'),
      standfirst: 'Record crowds lined the Castellana',
      tags: ['athletics', 'Madrid'],
      byline: ['Julián Ávila Polo'],
      editorialNote: 'embargoed quartermaster',
    });
    await search.whenIdle();
    for (const query of ['castellana', 'athletics', 'avila polo']) expect(await idsFor(search, query), query).toEqual([draft.id]);
    expect(await idsFor(search, 'quartermaster')).toEqual([]);
  });

  it('finds words without their accents, by prefix and with one typo, and marks them', async () => {
    const { store, search } = await start();
    const avila = await store.create({ headline: 'Julián Ávila visits Kraków' });
    await store.save(avila.id, articleWith('Julián Ávila visits Kraków', 'Human trafficking was on the agenda of the government.'));
    const other = await store.create({ headline: 'Council budget' });
    await store.save(other.id, articleWith('Council budget', 'The council met in Łódź and Straße.'));
    await search.whenIdle();

    for (const query of ['avila', 'ÁVILA', 'julian avila', 'krakow', 'traff', 'goverment', 'trafficking government']) {
      expect(await idsFor(search, query), query).toEqual([avila.id]);
    }
    expect(await idsFor(search, 'lodz strasse')).toEqual([other.id]);
    expect(await idsFor(search, 'avila council')).toEqual([]); // every word must match

    const { hits, total } = await search.search('avila traff', { snippets: 1 });
    expect(total).toBe(1);
    const headline = hits[0]?.headline;
    expect(headline?.marks.map(([s, e]) => headline.text.slice(s, e))).toEqual(['Ávila']);
    const snippet = hits[0]?.snippet;
    expect(snippet?.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['trafficking']);
  });

  it('follows saves, creates and trash as they happen', async () => {
    const { store, search } = await start();
    const draft = await store.create({ headline: 'Harbour fire' });
    await search.whenIdle();
    expect(await idsFor(search, 'harbour')).toEqual([draft.id]);
    await store.save(draft.id, articleWith('Warehouse blaze', 'Firefighters in Durrës.'));
    await search.whenIdle();
    expect(await idsFor(search, 'harbour')).toEqual([]);
    expect(await idsFor(search, 'durres')).toEqual([draft.id]);
    await store.trash(draft.id);
    await search.whenIdle();
    expect(await idsFor(search, 'durres')).toEqual([]);
  });

  it('at start-up loads its saved index and re-indexes only drafts changed while closed', async () => {
    const first = await start();
    const kept = await first.store.create({ headline: 'Kept as indexed' });
    const edited = await first.store.create({ headline: 'Before the edit' });
    const broken = await first.store.create({ headline: 'Removed by hand' });
    const keptFile = join(folder.path, 'drafts', kept.id, 'draft.json');
    await utimes(keptFile, PINNED, PINNED); // whole seconds: a stamp utimes can give back exactly
    await first.store.list(); // sees the new mtime, re-reads, the index records the pinned stamp
    await quit(first);
    expect(JSON.parse(await readFile(searchFile(), 'utf8'))).toMatchObject({ format: 'newsroom-search-index', version: SEARCH_INDEX_VERSION });

    // While closed: one draft edited, one emptied, and one changed with its size and mtime kept.
    const editedFile = join(folder.path, 'drafts', edited.id, 'draft.json');
    const draft = JSON.parse(await readFile(editedFile, 'utf8')) as Parameters<typeof serializeDraft>[0];
    await writeFile(editedFile, serializeDraft({ ...draft, article: articleWith('After the edit', 'Zürich') }));
    await writeFile(join(folder.path, 'drafts', broken.id, 'draft.json'), '');
    await writeFile(keptFile, (await readFile(keptFile, 'utf8')).replace('Kept as indexed', 'Kept as INDEXED'));
    await utimes(keptFile, PINNED, PINNED);

    const second = await start();
    await second.search.whenIdle();
    expect(await idsFor(second.search, 'zurich')).toEqual([edited.id]);
    expect(await idsFor(second.search, 'before')).toEqual([]);
    expect(await idsFor(second.search, 'removed')).toEqual([]);
    // Same stamp, so not re-read: the loaded index still holds the old headline.
    expect((await second.search.search('kept')).hits[0]?.headline.text).toBe('Kept as indexed');
  });

  it.each([
    ['garbage', 'definitely { not json'],
    ['another version', JSON.stringify({ format: 'newsroom-search-index', version: SEARCH_INDEX_VERSION - 1, stamps: {}, index: {} })],
    ['a broken MiniSearch part', JSON.stringify({ format: 'newsroom-search-index', version: SEARCH_INDEX_VERSION, stamps: {}, index: { documentIds: {}, serializationVersion: 99 } })],
  ])('rebuilds a damaged index from the drafts (%s)', async (_, damage) => {
    const first = await start();
    const draft = await first.store.create({ headline: 'Elections in Málaga' });
    await quit(first);
    await writeFile(searchFile(), damage);
    const second = await start();
    await second.search.whenIdle();
    expect(await idsFor(second.search, 'malaga')).toEqual([draft.id]);
    await second.search.flush({ force: true });
    expect(JSON.parse(await readFile(searchFile(), 'utf8'))).toMatchObject({ format: 'newsroom-search-index', version: SEARCH_INDEX_VERSION });
  });

  it('does not index a damaged draft, and drops it when it breaks later', async () => {
    const { store, search } = await start();
    const draft = await store.create({ headline: 'Breaking soon' });
    await search.whenIdle();
    expect(await idsFor(search, 'breaking')).toEqual([draft.id]);
    await writeFile(join(folder.path, 'drafts', draft.id, 'draft.json'), '{"format":"newsroom-dr');
    await store.list(); // finds it damaged, sets it aside, tells the index
    await search.whenIdle();
    expect(await idsFor(search, 'breaking')).toEqual([]);
  });
});
