import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errno } from '../fs/fault-io';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { DraftStore } from './draft-store';
import { articleWith, steppingClock, tempFolder } from './testing';

/**
 * A full disk or a read-only folder, injected at every step of the atomic write (open, write,
 * fsync, close, rename, folder fsync): the save fails loudly with a plain sentence that says the
 * text is still in the editor, nothing already on disk is damaged (the other drafts byte for
 * byte, this draft's file old or, when only the folder fsync failed, the complete new one),
 * the store keeps working, and a later save once the disk recovers lands normally.
 */
type Op = keyof FileIo;
const WRITE_STEPS: Op[] = ['open', 'write', 'fsync', 'close', 'rename', 'fsyncDir'];
const FAULTS = [
  { errno: 'ENOSPC', code: 'DISK_FULL', says: /^Not saved: the disk is full\. Your text is still in the editor\.$/ },
  { errno: 'EDQUOT', code: 'DISK_FULL', says: /^Not saved: the disk is full\./ },
  { errno: 'EROFS', code: 'READ_ONLY', says: /^Not saved: the drafts folder is read-only.*Your text is still in the editor\.$/ },
  { errno: 'EIO', code: 'IO_ERROR', says: /^Not saved: the disk reported an error \(EIO\)\. Your text is still in the editor\.$/ },
] as const;

let folder: { path: string; remove: () => Promise<void> };
/** Which operations fail now, and with which errno; everything else is the real disk. */
let failing: Partial<Record<Op, string>>;
const io = Object.fromEntries(
  (Object.keys(nodeFileIo) as Op[]).map((op) => [
    op,
    (...args: unknown[]) => {
      const code = failing[op];
      if (code !== undefined) return Promise.reject(errno(code, op));
      return (nodeFileIo[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  ]),
) as unknown as FileIo;
const open = (): Promise<DraftStore> =>
  DraftStore.open({ folder: folder.path, io, clock: steppingClock(), atomicWrite: { renameRetryDelaysMs: [1, 1] } });
const dirOf = (id: string): string => join(folder.path, 'drafts', id);
const fileOf = (id: string): string => join(dirOf(id), 'draft.json');

beforeEach(async () => {
  folder = await tempFolder('newsroom-disk-');
  failing = {};
});
afterEach(async () => {
  await folder.remove();
});

describe('a failing disk while saving', () => {
  for (const fault of FAULTS) {
    for (const step of WRITE_STEPS) {
      it(`${fault.errno} at ${step}: fails loudly, damages nothing, and recovers`, async () => {
        const store = await open();
        const bystander = await store.create({ headline: 'another story' });
        await store.save(bystander.id, articleWith('another story', 'untouched'));
        const draft = await store.create();
        await store.save(draft.id, articleWith('acknowledged', 'the last good save'));
        const bystanderBytes = await readFile(fileOf(bystander.id));
        const before = await readFile(fileOf(draft.id), 'utf8');

        failing = { [step]: fault.errno };
        const failed = store.save(draft.id, articleWith('while the disk fails', 'newer words'));
        await expect(failed).rejects.toMatchObject({ code: fault.code, message: expect.stringMatching(fault.says) as string });

        // Nothing on disk damaged; the file is the old one, or the complete new one whose rename
        // already happened when only the folder fsync failed.
        const now = await readFile(fileOf(draft.id), 'utf8');
        if (step === 'fsyncDir') expect(JSON.parse(now).article.headline).toBe('while the disk fails');
        else expect(now).toBe(before);
        expect((await readFile(fileOf(bystander.id))).equals(bystanderBytes)).toBe(true);
        const names = await readdir(dirOf(draft.id));
        // A failed rename keeps the complete new text in one temp (the only copy on disk); otherwise no temp.
        if (step === 'rename') {
          const temps = names.filter((n) => n.endsWith('.tmp'));
          expect(temps).toHaveLength(1);
          expect(JSON.parse(await readFile(join(dirOf(draft.id), String(temps[0])), 'utf8')).article.headline).toBe('while the disk fails');
        } else {
          expect(names).toEqual(['draft.json']);
        }

        // Reading and listing still work with the disk in that state.
        const listed = await store.list();
        expect(listed.problems).toEqual([]);
        expect(listed.drafts.map((d) => d.id).sort()).toEqual([bystander.id, draft.id].sort());

        // A restart in that state finds every draft readable.
        const restarted = await open();
        expect((await restarted.list()).problems).toEqual([]);
        expect((await restarted.read(bystander.id)).article.headline).toBe('another story');

        // Once the disk recovers, the next save lands, with a revision above anything on disk.
        failing = {};
        const onDisk = (await restarted.read(draft.id)).revision;
        const receipt = await restarted.save(draft.id, articleWith('after the disk recovered', 'saved'));
        expect(receipt.revision).toBe(onDisk + 1);
        expect(JSON.parse(await readFile(fileOf(draft.id), 'utf8')).article.headline).toBe('after the disk recovered');
        expect(await readdir(dirOf(draft.id))).toEqual(['draft.json']);
      });
    }
  }
});

describe('a failing disk for the other changes', () => {
  it('a new draft on a full disk is refused as DISK_FULL and leaves no empty folder behind', async () => {
    const store = await open();
    failing = { write: 'ENOSPC' };
    await expect(store.create({ headline: 'no room' })).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(await readdir(join(folder.path, 'drafts'))).toEqual([]);
    failing = {};
    expect((await store.list()).drafts).toEqual([]);
  });

  // Not the writer's save wording ("Not saved: … Your text is still in the editor."): no draft was made.
  it('a new draft on a full disk says the draft was not created', async () => {
    const store = await open();
    failing = { write: 'ENOSPC' };
    await expect(store.create({ headline: 'no room' })).rejects.toMatchObject({
      message: expect.stringMatching(/^The draft was not created: the disk is full\.$/) as string,
    });
  });

  it('spike and restore on a read-only folder fail plainly and leave the draft where it was', async () => {
    const store = await open();
    const draft = await store.create({ headline: 'stays put' });
    failing = { rename: 'EROFS' };
    await expect(store.trash(draft.id)).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/^The draft was not moved to the trash/) as string });
    expect((await store.read(draft.id)).article.headline).toBe('stays put');
    failing = {};
    await store.trash(draft.id);
    failing = { rename: 'EROFS' };
    await expect(store.restore(draft.id)).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/^The draft was not restored/) as string });
    expect((await store.listSpiked()).map((s) => s.id)).toEqual([draft.id]);
    failing = {};
    await store.restore(draft.id);
    expect((await store.read(draft.id)).article.headline).toBe('stays put');
  });

  it('a list on a full disk still answers: the summary index write fails quietly and is tried later', async () => {
    const store = await open();
    const draft = await store.create({ headline: 'listed' });
    const restarted = await open(); // an empty catalog, so this list reads the file and wants to write the index
    failing = Object.fromEntries(WRITE_STEPS.map((op) => [op, 'ENOSPC']));
    const { drafts, problems } = await restarted.list();
    expect(problems).toEqual([]);
    expect(drafts.map((d) => d.id)).toEqual([draft.id]);
  });
});

describe('a disk that fills and frees at random during a run of saves', () => {
  it('on disk is always the last acknowledged save (or the failed one already renamed in place)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.constantFrom(...WRITE_STEPS), { nil: undefined, freq: 2 }), { minLength: 1, maxLength: 12 }),
        async (faultAt) => {
          run += 1;
          failing = {};
          const store = await DraftStore.open({ folder: join(folder.path, `run-${run}`), io, atomicWrite: { renameRetryDelaysMs: [1] } });
          const draft = await store.create();
          let expected = '';
          for (const [n, step] of faultAt.entries()) {
            failing = step === undefined ? {} : { [step]: 'ENOSPC' };
            const outcome = await store.save(draft.id, articleWith(`save ${n}`)).then(
              () => 'ok',
              (error: { code?: string }) => error.code,
            );
            expect(outcome).toBe(step === undefined ? 'ok' : 'DISK_FULL');
            if (outcome === 'ok' || step === 'fsyncDir') expected = `save ${n}`;
            failing = {};
            expect(JSON.parse(await readFile(join(folder.path, `run-${run}`, 'drafts', draft.id, 'draft.json'), 'utf8')).article.headline).toBe(expected);
          }
          const restarted = await DraftStore.open({ folder: join(folder.path, `run-${run}`) });
          expect((await restarted.read(draft.id)).article.headline).toBe(expected);
          expect((await restarted.list()).problems).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 6_062_026 },
    );
  });
});
