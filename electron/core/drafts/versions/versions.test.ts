import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../../shared/editor/word-count';
import type { MethodOutput } from '../../../../shared/ipc/contract';
import type { Article } from '../../../../shared/model/article';
import type { Draft } from '../../../../shared/model/draft';
import { MAX_UNNAMED_VERSIONS, type Version, type VersionMeta } from '../../../../shared/model/versions';
import { type RouterHarness, startRouter } from '../../publishing/router-testing';
import { articleWith } from '../testing';

/**
 * Versions through the contract, as the renderer uses them, over real files: bursts, naming,
 * pruning and restore. A clock the test moves by hand stands in for the minutes between saves.
 */
const MINUTE = 60_000;
let h: RouterHarness | undefined;
let ms = Date.parse('2026-11-28T09:00:00.000Z');
const clock = { now: () => new Date(ms) };
const advance = (by: number): void => {
  ms += by;
};

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(): Promise<RouterHarness> {
  h = await startRouter({ clock });
  return h;
}

const textOf = (article: Article): string => plainTextOf(article.body);

async function newDraft(r: RouterHarness): Promise<string> {
  return (await r.ok<Draft>('drafts.create', { headline: 'Council vote' })).id;
}

const save = (r: RouterHarness, id: string, ...paragraphs: string[]) =>
  r.ok<MethodOutput<'drafts.save'>>('drafts.save', { id, article: articleWith('Council vote', ...paragraphs) });

const list = async (r: RouterHarness, id: string): Promise<VersionMeta[]> =>
  (await r.ok<{ versions: VersionMeta[] }>('versions.list', { draftId: id })).versions;

const openVersion = (r: RouterHarness, draftId: string, versionId: string) => r.ok<Version>('versions.open', { draftId, versionId });

const versionsDir = (r: RouterHarness, id: string): string => join(r.services.drafts.folderOf(id), 'versions');

describe('versions from saves', () => {
  it('turns a burst of saves into one version holding the latest text', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'The council met.');
    advance(MINUTE);
    await save(r, id, 'The council met on Tuesday.');
    advance(MINUTE);
    const last = await save(r, id, 'The council met on Tuesday and voted.');

    const versions = await list(r, id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ kind: 'auto', revision: last.revision, savedAt: last.savedAt, headline: 'Council vote', wordCount: 7 });
    const version = await openVersion(r, id, versions[0]!.id);
    expect(textOf(version.article)).toBe('The council met on Tuesday and voted.');
  });

  it('starts a new version once five minutes have passed since the burst began, however steady the typing', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'One.');
    advance(4 * MINUTE);
    await save(r, id, 'One. Two.'); // still the first burst
    advance(2 * MINUTE); // six minutes after the burst began, two after its last save
    await save(r, id, 'One. Two. Three.');

    const versions = await list(r, id);
    expect(versions.map((v) => v.kind)).toEqual(['auto', 'auto']);
    expect(textOf((await openVersion(r, id, versions[0]!.id)).article)).toBe('One. Two. Three.'); // newest first
    expect(textOf((await openVersion(r, id, versions[1]!.id)).article)).toBe('One. Two.');
  });

  it('makes no version when the saved text is the same as the newest version', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'Same words.');
    advance(10 * MINUTE);
    await save(r, id, 'Same words.');
    expect(await list(r, id)).toHaveLength(1);
  });

  it(`keeps the last ${MAX_UNNAMED_VERSIONS} unnamed versions and every named one`, async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'First words.');
    const filed = await r.ok<VersionMeta>('versions.name', { draftId: id, name: 'Filed' });
    for (let n = 1; n <= MAX_UNNAMED_VERSIONS + 5; n += 1) {
      advance(6 * MINUTE);
      await save(r, id, `Edit number ${n}.`);
    }
    const versions = await list(r, id);
    const auto = versions.filter((v) => v.kind === 'auto');
    expect(auto).toHaveLength(MAX_UNNAMED_VERSIONS);
    expect(versions.find((v) => v.id === filed.id)).toMatchObject({ kind: 'named', name: 'Filed' });
    // The oldest unnamed ones went: "First words." and edits 1 to 5.
    expect(textOf((await openVersion(r, id, auto.at(-1)!.id)).article)).toBe('Edit number 6.');
    const files = (await readdir(versionsDir(r, id))).filter((name) => name !== 'index.json');
    expect(files).toHaveLength(MAX_UNNAMED_VERSIONS + 1);
  });
});

describe('named versions', () => {
  it('names the saved draft as it is now, and the next save starts a new version instead of changing it', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'Filed copy.');
    const named = await r.ok<VersionMeta>('versions.name', { draftId: id, name: '  Filed  ' });
    expect(named).toMatchObject({ kind: 'named', name: 'Filed', draftId: id });
    advance(MINUTE);
    await save(r, id, 'Filed copy, edited after filing.');

    const versions = await list(r, id);
    expect(versions.map((v) => v.kind)).toEqual(['auto', 'named', 'auto']);
    expect(textOf((await openVersion(r, id, named.id)).article)).toBe('Filed copy.');
  });

  it('refuses an empty name in plain words', async () => {
    const r = await harness();
    const id = await newDraft(r);
    const result = await r.call('versions.name', { draftId: id, name: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('published versions', () => {
  it('keeps what went live as a version named after the destination', async () => {
    const r = await harness();
    const { defaultProfileId } = await r.ok<{ defaultProfileId: string }>('profiles.list');
    const id = await newDraft(r);
    // The default house rules ask for a byline and a section.
    await r.ok('drafts.save', { id, article: { ...articleWith('Council vote', 'The vote passed.'), byline: ['Ana Ruiz'], section: 'News' } });
    const { jobId } = await r.ok<{ jobId: string }>('publishing.queue', { draftId: id, profileId: defaultProfileId, kind: 'publish' });
    expect(await r.settled(jobId)).toMatchObject({ state: 'done' });

    const published = await waitFor(async () => (await list(r, id)).find((v) => v.kind === 'published'));
    expect(published.name).toBe('Published to Local folder');
    expect(textOf((await openVersion(r, id, published.id)).article)).toBe('The vote passed.');
  });
});

/** The version is written just after the job is done; the test waits for it, not for a fixed time. */
async function waitFor<T>(find: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 20))) {
    const found = await find();
    if (found !== undefined) return found;
  }
  throw new Error('not found in time');
}

describe('restore', () => {
  it('keeps the current text as a version, brings the chosen one back and tells every window', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'The first account.');
    advance(6 * MINUTE);
    await save(r, id, 'A rewrite nobody liked.');
    const [, older] = await list(r, id);

    const restored = await r.ok<Draft>('versions.restore', { draftId: id, versionId: older!.id });
    expect(textOf(restored.article)).toBe('The first account.');
    expect(textOf((await r.ok<Draft>('drafts.open', { id })).article)).toBe('The first account.');
    expect(r.events.at(-1)).toEqual({ event: 'drafts.changed', payload: { id, revision: restored.revision, reason: 'version' } });

    const [kept] = await list(r, id);
    expect(kept).toMatchObject({ kind: 'restored' });
    expect(kept!.name).toMatch(/^Before restoring the version of /);
    expect(textOf((await openVersion(r, id, kept!.id)).article)).toBe('A rewrite nobody liked.');
  });

  it('says the version is gone when it does not exist', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'Words.');
    const result = await r.call('versions.restore', { draftId: id, versionId: '00000000-0000-4000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'This version no longer exists.' } });
  });
});

describe('damage', () => {
  it('rebuilds a damaged index from the version files', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'Before.');
    advance(6 * MINUTE);
    await save(r, id, 'After.');
    const index = join(versionsDir(r, id), 'index.json');
    await writeFile(index, '{"format": "newsroom-version-ind');

    const versions = await list(r, id);
    expect(versions).toHaveLength(2);
    expect(textOf((await openVersion(r, id, versions[0]!.id)).article)).toBe('After.');
    expect(JSON.parse(await readFile(index, 'utf8'))).toMatchObject({ format: 'newsroom-version-index' });
  });

  it('lists a version written just before a crash that the index never heard of', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'Before.');
    const index = join(versionsDir(r, id), 'index.json');
    const earlier = await readFile(index, 'utf8');
    advance(6 * MINUTE);
    await save(r, id, 'After.');
    await writeFile(index, earlier); // as if the index write had not happened
    expect((await list(r, id)).map((v) => v.wordCount)).toEqual([1, 1]);
  });

  it('sets a damaged version file aside and keeps listing the others', async () => {
    const r = await harness();
    const id = await newDraft(r);
    await save(r, id, 'Good words.');
    advance(6 * MINUTE);
    await save(r, id, 'Words about to be damaged.');
    const [newest, older] = await list(r, id);
    await writeFile(join(versionsDir(r, id), `${newest!.id}.json`), 'garbage');

    const opened = await r.call('versions.open', { draftId: id, versionId: newest!.id });
    expect(opened).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await list(r, id)).map((v) => v.id)).toEqual([older!.id]);
    const names = await readdir(versionsDir(r, id));
    expect(names.some((name) => name.startsWith(`${newest!.id}.json.corrupt-`))).toBe(true);
  });
});
