import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../../shared/editor/word-count';
import { DraftStore } from '../draft-store';
import { articleWith, steppingClock, tempFolder } from '../testing';
import { createVersions, type VersionsModule } from './versions-module';

/** The module as services.ts uses it, over a real DraftStore: what the router cannot reach. */
let folder: { path: string; remove: () => Promise<void> };
let drafts: DraftStore;
let versions: VersionsModule;

beforeEach(async () => {
  folder = await tempFolder('newsroom-versions-');
  const clock = steppingClock();
  drafts = await DraftStore.open({ folder: folder.path, clock });
  versions = await createVersions({ drafts, clock, logger: { info() {}, warn() {}, error() {} }, emit: () => undefined });
});
afterEach(async () => {
  await drafts.whenIdle();
  await folder.remove();
});

const list = (id: string) => versions.handlers['versions.list']({ draftId: id });

describe('versions module', () => {
  it('marks a key moment as a named version that later saves never change', async () => {
    const { id } = await drafts.create({ headline: 'Budget' });
    await drafts.save(id, articleWith('Budget', 'As it went live.'));
    await versions.afterSave(id);
    await versions.mark(id, 'published', 'Published to Daily site');
    await drafts.save(id, articleWith('Budget', 'Edited after it went live.'));
    await versions.afterSave(id);

    const listed = (await list(id)).versions;
    expect(listed.map((v) => [v.kind, v.name])).toEqual([
      ['auto', undefined],
      ['published', 'Published to Daily site'],
      ['auto', undefined],
    ]);
    const published = await versions.handlers['versions.open']({ draftId: id, versionId: listed[1]!.id });
    expect(plainTextOf(published.article.body)).toBe('As it went live.');
  });

  it('keeps the index in step with the files when saves come faster than versions are written', async () => {
    const { id } = await drafts.create({ headline: 'Live blog' });
    // As services.ts does: each save acknowledged, then its version, with many in flight at once.
    await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        await drafts.save(id, articleWith('Live blog', `Update ${n}.`));
        await versions.afterSave(id);
      }),
    );
    const listed = (await list(id)).versions;
    const dir = join(drafts.folderOf(id), 'versions');
    const files = (await readdir(dir)).filter((name) => name !== 'index.json');
    expect(files.sort()).toEqual(listed.map((v) => `${v.id}.json`).sort());
    const saved = await drafts.read(id);
    const newest = await versions.handlers['versions.open']({ draftId: id, versionId: listed[0]!.id });
    expect(newest.article).toEqual(saved.article); // the last save is in the newest version
    expect(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')).versions).toHaveLength(listed.length);
  });

  it('promotes a complete version left in a temp file by a crash, and deletes a torn one', async () => {
    const { id } = await drafts.create({ headline: 'Crash' });
    await drafts.save(id, articleWith('Crash', 'Kept.'));
    await versions.afterSave(id);
    const dir = join(drafts.folderOf(id), 'versions');
    const [only] = (await list(id)).versions;
    const file = join(dir, `${only!.id}.json`);
    const complete = await readFile(file, 'utf8');
    // A fresh module, as after a restart: the version's own file lost, its complete temp left over.
    versions = await createVersions({ drafts, clock: steppingClock(), logger: { info() {}, warn() {}, error() {} }, emit: () => undefined });
    await writeFile(`${file}.0123456789ab.tmp`, complete);
    await writeFile(join(dir, 'index.json.ba9876543210.tmp'), '{"format": "newsroom-ver');
    await writeFile(file, '');

    const listed = (await list(id)).versions;
    expect(listed.map((v) => v.id)).toEqual([only!.id]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('answers NOT_FOUND for the versions of a draft that is not there', async () => {
    await expect(list('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a draft spiked while its version is being written', () => {
  it('does not bring its folder back as a folder of versions only', async () => {
    const { id } = await drafts.create({ headline: 'Spiked' });
    await drafts.save(id, articleWith('Spiked', 'Gone soon.'));
    const dir = drafts.folderOf(id);
    // The spike lands right after the module has read the draft, before it writes the version.
    const racing = Object.assign(Object.create(drafts) as DraftStore, {
      read: async (draftId: string) => {
        const draft = await drafts.read(draftId);
        await drafts.trash(draftId);
        return draft;
      },
    });
    const module = await createVersions({ drafts: racing, clock: steppingClock(), logger: { info() {}, warn() {}, error() {} }, emit: () => undefined });
    await expect(module.afterSave(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await drafts.listSpiked()).map((spike) => spike.id)).toEqual([id]);
  });
});
