import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../../shared/editor/word-count';
import type { MethodOutput } from '../../../../shared/ipc/contract';
import type { Draft } from '../../../../shared/model/draft';
import type { VersionMeta } from '../../../../shared/model/versions';
import { type RouterHarness, startRouter } from '../../publishing/router-testing';
import { articleWith } from '../testing';

/**
 * A damaged draft.json is listed as a problem that says whether it can come back; recovery
 * brings back the newest good version and leaves the damaged file where the store put it.
 */
let h: RouterHarness | undefined;
let ms = Date.parse('2026-11-28T09:00:00.000Z');
const clock = { now: () => new Date(ms) };

afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Listed = MethodOutput<'drafts.list'>;

async function draftWithTwoVersions(): Promise<{ r: RouterHarness; id: string; createdAt: string; dir: string }> {
  h = await startRouter({ clock });
  const r = h;
  const draft = await r.ok<Draft>('drafts.create', { headline: 'Flood warning' });
  await r.ok('drafts.save', { id: draft.id, article: articleWith('Flood warning', 'Rivers are rising.') });
  ms += 10 * 60_000;
  await r.ok('drafts.save', { id: draft.id, article: articleWith('Flood warning', 'Rivers are rising fast; roads are closed.') });
  return { r, id: draft.id, createdAt: draft.createdAt, dir: r.services.drafts.folderOf(draft.id) };
}

describe('recovering a damaged draft', () => {
  it('offers recovery for a damaged draft.json and brings back the newest version', async () => {
    const { r, id, createdAt, dir } = await draftWithTwoVersions();
    await writeFile(join(dir, 'draft.json'), '{"format": "newsroom-draft", "id": "cut off');

    const listed = await r.ok<Listed>('drafts.list');
    expect(listed.drafts.map((d) => d.id)).not.toContain(id);
    expect(listed.problems).toEqual([expect.objectContaining({ id, recoverable: true })]);
    const keptAs = listed.problems[0]!.keptAs;

    const recovered = await r.ok<Draft>('drafts.recover', { id });
    expect(plainTextOf(recovered.article.body)).toBe('Rivers are rising fast; roads are closed.');
    expect(recovered.revision).toBe(3); // the version's revision + 1
    expect(recovered.createdAt).toBe(createdAt); // the story keeps its age
    expect(r.events.at(-1)).toEqual({ event: 'drafts.changed', payload: { id, revision: 3, reason: 'version' } });

    const after = await r.ok<Listed>('drafts.list');
    expect(after.problems).toEqual([]);
    expect(after.drafts.find((d) => d.id === id)).toMatchObject({ headline: 'Flood warning' });
    expect(await readFile(keptAs, 'utf8')).toContain('cut off'); // the bad file stays aside
    // Editing goes on from the recovered draft.
    await r.ok('drafts.save', { id, article: articleWith('Flood warning', 'Back to work.') });
    expect(plainTextOf((await r.ok<Draft>('drafts.open', { id })).article.body)).toBe('Back to work.');
  });

  it.each([
    ['cut off', (text: string) => text.slice(0, text.length / 2)],
    ['random bytes', () => '\u00ff\u0000\u0013garbage\u0007'],
    ['the wrong shape', (text: string) => text.replace('"revision"', '"revisions"')],
    ['not a draft at all', () => '{"hello": "world"}'],
  ])('recovers a draft whose file is %s', async (_kind, damage) => {
    const { r, id, dir } = await draftWithTwoVersions();
    const file = join(dir, 'draft.json');
    await writeFile(file, damage(await readFile(file, 'utf8')));

    expect((await r.ok<Listed>('drafts.list')).problems).toEqual([expect.objectContaining({ id, recoverable: true })]);
    const recovered = await r.ok<Draft>('drafts.recover', { id });
    expect(plainTextOf(recovered.article.body)).toBe('Rivers are rising fast; roads are closed.');
    expect((await r.ok<Listed>('drafts.list')).drafts.map((d) => d.id)).toEqual([id]);
  });

  it('skips a damaged newest version and recovers the one before it', async () => {
    const { r, id, dir } = await draftWithTwoVersions();
    const [newest] = (await r.ok<{ versions: VersionMeta[] }>('versions.list', { draftId: id })).versions;
    await writeFile(join(dir, 'versions', `${newest!.id}.json`), '\u0000\u0001 random bytes');
    await writeFile(join(dir, 'draft.json'), '');

    expect((await r.ok<Listed>('drafts.list')).problems[0]).toMatchObject({ id, recoverable: true });
    const recovered = await r.ok<Draft>('drafts.recover', { id });
    expect(plainTextOf(recovered.article.body)).toBe('Rivers are rising.');
    expect((await readdir(join(dir, 'versions'))).some((name) => name.startsWith(`${newest!.id}.json.corrupt-`))).toBe(true);
  });

  it('says plainly when there is no version to come back from', async () => {
    h = await startRouter({ clock });
    const r = h;
    const draft = await r.ok<Draft>('drafts.create', { headline: 'Never saved' }); // created, never saved: no versions
    await writeFile(join(r.services.drafts.folderOf(draft.id), 'draft.json'), 'not json');

    expect((await r.ok<Listed>('drafts.list')).problems).toEqual([expect.objectContaining({ id: draft.id, recoverable: false })]);
    const result = await r.call('drafts.recover', { id: draft.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await r.ok<Listed>('drafts.list')).problems).toHaveLength(1); // still reported, nothing written
  });

  it('never replaces a draft written by a newer Newsroom', async () => {
    const { r, id, dir } = await draftWithTwoVersions();
    const newer = JSON.stringify({ format: 'newsroom-draft', schemaVersion: 99, id });
    await writeFile(join(dir, 'draft.json'), newer);

    expect((await r.ok<Listed>('drafts.list')).problems).toEqual([expect.objectContaining({ id, recoverable: false })]);
    expect(await r.call('drafts.recover', { id })).toMatchObject({ ok: false, error: { code: 'DRAFT_CORRUPT' } });
    expect(await readFile(join(dir, 'draft.json'), 'utf8')).toBe(newer);
  });

  it('returns a draft that reads fine as it is', async () => {
    const { r, id } = await draftWithTwoVersions();
    const recovered = await r.ok<Draft>('drafts.recover', { id });
    expect(recovered.revision).toBe(2);
  });
});
