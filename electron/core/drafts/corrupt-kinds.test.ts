import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../shared/editor/word-count';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { Draft } from '../../../shared/model/draft';
import { startRouter } from '../publishing/router-testing';
import { DraftStore } from './draft-store';
import { serializeDraft } from './draft-file';
import { articleWith, steppingClock, tempFolder } from './testing';

/**
 * Corrupt draft files of every kind (notes/reliability.md D9; issue 6 "never lose a word"): the
 * store opens, lists the good drafts, reports each bad one as a problem, keeps its bytes aside
 * (never overwritten; a file from a newer Newsroom stays where it is), still reports it after a
 * restart, refuses to save over it, and recovery brings back its newest good version.
 * draft-store-damage.test.ts covers the common kinds at
 * small sizes; this adds the huge ones (60 MB), more shapes, and a fuzz of damaged real files.
 */
let folder: { path: string; remove: () => Promise<void> };
const open = (): Promise<DraftStore> => DraftStore.open({ folder: folder.path, clock: steppingClock() });
const dirOf = (id: string): string => join(folder.path, 'drafts', id);
const fileOf = (id: string): string => join(dirOf(id), 'draft.json');
const MB = 1024 * 1024;

beforeEach(async () => {
  folder = await tempFolder('newsroom-corrupt-');
});
afterEach(async () => {
  await folder.remove();
});

/** A saved draft's file, to damage. */
async function validFile(store: DraftStore, id: string): Promise<string> {
  return serializeDraft(await store.read(id));
}

type Damage = (valid: string, id: string) => Buffer;
const KINDS: Record<string, Damage> = {
  'truncated mid-body': (valid) => Buffer.from(valid.slice(0, Math.floor(valid.length * 0.7))),
  'truncated to one byte': (valid) => Buffer.from(valid.slice(0, 1)),
  'zero bytes where the text was (a power cut after rename, before the data)': (valid) => Buffer.alloc(Buffer.byteLength(valid)),
  'random bytes': () => randomBytes(64 * 1024),
  'valid JSON, not an object': () => Buffer.from('[1, 2, 3]\n'),
  'valid JSON null': () => Buffer.from('null'),
  'valid JSON, wrong schema (article missing)': (_valid, id) =>
    Buffer.from(JSON.stringify({ format: 'newsroom-draft', schemaVersion: 3, id, revision: 4 })),
  'valid JSON, wrong types': (valid) => Buffer.from(valid.replace(/"revision": \d+/, '"revision": "four"')),
  'schemaVersion not a number': (valid) => Buffer.from(valid.replace(/"schemaVersion": \d+/, '"schemaVersion": "9"')),
  'huge: 60 MB of random bytes after a draft-like start': () =>
    Buffer.concat([Buffer.from('{"format":"newsroom-draft","schemaVersion":2,"headline":"'), randomBytes(60 * MB)]),
  'huge: 60 MB of valid JSON with the wrong schema': () =>
    Buffer.concat([Buffer.from('{"format":"newsroom-draft","schemaVersion":2,"junk":"'), Buffer.alloc(60 * MB, 0x61), Buffer.from('"}')]),
};
const FUTURE = (id: string): Buffer =>
  Buffer.from(`${JSON.stringify({ format: 'newsroom-draft', schemaVersion: 999, id, body: 'from the future' }, null, 2)}\n`);

describe('corrupt draft files of every kind', () => {
  it('opens, lists the good ones, reports and keeps each bad one, and survives a restart', { timeout: 120_000 }, async () => {
    const store = await open();
    const good = await store.create({ headline: 'the good one' });
    await store.save(good.id, articleWith('the good one', 'every word of it'));
    const bad: Array<{ kind: string; id: string; bytes: Buffer }> = [];
    for (const [kind, damage] of Object.entries(KINDS)) {
      const draft = await store.create({ headline: kind });
      await store.save(draft.id, articleWith(kind, 'about to be damaged'));
      const bytes = damage(await validFile(store, draft.id), draft.id);
      await writeFile(fileOf(draft.id), bytes);
      bad.push({ kind, id: draft.id, bytes });
    }
    const future = await store.create({ headline: 'future' });
    const futureBytes = FUTURE(future.id);
    await writeFile(fileOf(future.id), futureBytes);

    // The app's start: a new store over the damaged folder.
    const started = Date.now();
    const restarted = await open();
    const { drafts, problems } = await restarted.list();
    const listMs = Date.now() - started;
    expect(drafts.map((d) => d.headline)).toEqual(['the good one']);
    expect(problems).toHaveLength(bad.length + 1);
    for (const { kind, id, bytes } of bad) {
      const problem = problems.find((p) => p.id === id);
      expect(problem, kind).toBeDefined();
      expect(problem?.reason, kind).toMatch(/empty|damaged|not a Newsroom draft/);
      // Huge files are judged by their size, without reading 60 MB into memory and parsing it.
      if (kind.startsWith('huge')) expect(problem?.reason, kind).toMatch(/far larger than any story/);
      expect(problem?.keptAs, kind).toMatch(/draft\.json\.corrupt-/);
      expect((await readFile(String(problem?.keptAs))).equals(bytes), `${kind}: kept byte for byte`).toBe(true);
      await expect(restarted.save(id, articleWith('over it?')), kind).rejects.toMatchObject({ code: 'DRAFT_CORRUPT' });
      expect(await readdir(dirOf(id)), kind).toEqual([String(problem?.keptAs).slice(dirOf(id).length + 1)]);
    }
    // A newer Newsroom's file: reported, left in place, never touched.
    expect(problems.find((p) => p.id === future.id)).toMatchObject({ keptAs: fileOf(future.id), reason: expect.stringContaining('newer version') as string });
    await expect(restarted.save(future.id, articleWith('older app'))).rejects.toMatchObject({ code: 'DRAFT_CORRUPT' });
    expect((await readFile(fileOf(future.id))).equals(futureBytes)).toBe(true);

    // Still reported after another restart (the problem stays visible until someone acts), and
    // the good draft and new drafts work.
    const again = await open();
    const second = await again.list();
    expect(second.problems.map((p) => p.id).sort()).toEqual(problems.map((p) => p.id).sort());
    expect((await again.read(good.id)).article.headline).toBe('the good one');
    const fresh = await again.create({ headline: 'after the damage' });
    await again.save(fresh.id, articleWith('after the damage', 'works'));
    expect((await again.list()).drafts.map((d) => d.headline).sort()).toEqual(['after the damage', 'the good one']);
    console.info(`corrupt kinds: ${bad.length} damaged + 1 future-version file, first list after start in ${listMs} ms`);
  });

  it('reads a draft saved by a Windows editor with a byte-order mark as the draft it is', async () => {
    const store = await open();
    const draft = await store.create({ headline: 'with a BOM' });
    await store.save(draft.id, articleWith('with a BOM', 'still fine'));
    await writeFile(fileOf(draft.id), `\uFEFF${await validFile(store, draft.id)}`);
    const restarted = await open();
    expect((await restarted.list()).problems).toEqual([]);
    expect((await restarted.read(draft.id)).article.headline).toBe('with a BOM');
  });

  it('fuzz: any damage to a real draft file reads back intact or is set aside byte for byte, never thrown otherwise', { timeout: 120_000 }, async () => {
    const store = await open();
    const draft = await store.create({ headline: 'fuzzed' });
    await store.save(draft.id, articleWith('fuzzed headline', 'Ávila said the border talks would go on. ', 'A second paragraph.'));
    const valid = Buffer.from(await validFile(store, draft.id));
    const damage = fc.oneof(
      fc.nat(valid.length - 1).map((at) => valid.subarray(0, at)),
      fc
        .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
        .map((flips) => {
          const copy = Buffer.from(valid);
          for (const [at, byte] of flips) copy[at] = byte;
          return copy;
        }),
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    );
    let run = 0;
    const outcomes = { readable: 0, setAside: 0 };
    await fc.assert(
      fc.asyncProperty(damage, async (bytes) => {
        run += 1;
        const dir = join(folder.path, `fuzz-${run}`);
        const fuzzStore = await DraftStore.open({ folder: dir, clock: steppingClock() });
        const target = await fuzzStore.create();
        await writeFile(join(dir, 'drafts', target.id, 'draft.json'), bytes);
        const fresh = await DraftStore.open({ folder: dir, clock: steppingClock() });
        const { drafts, problems } = await fresh.list();
        if (drafts.length === 1) {
          outcomes.readable += 1;
          expect(problems).toEqual([]);
          // Readable means the file on disk is untouched and is a whole draft.
          expect((await readFile(join(dir, 'drafts', target.id, 'draft.json'))).equals(bytes)).toBe(true);
        } else {
          outcomes.setAside += 1;
          expect(problems).toHaveLength(1);
          expect((await readFile(String(problems[0]?.keptAs))).equals(bytes)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.CORRUPT_FUZZ_RUNS ?? 200), seed: 9_062_026 },
    );
    console.info(`corrupt fuzz: ${run} runs, ${outcomes.readable} still readable, ${outcomes.setAside} set aside`);
  });

});

describe('recovery from the newest good version, for every kind of damage', () => {
  // Through the router as the app is built (versions module included); versions/recover.test.ts
  // covers the recovery rules, this the kinds of damage above, the 60 MB ones among them.
  it('drafts.recover brings back the last saved text of each damaged draft and keeps the bad file aside', { timeout: 180_000 }, async () => {
    let ms = Date.parse('2026-11-28T09:00:00.000Z');
    const r = await startRouter({ clock: { now: () => new Date(ms) } });
    try {
      const damaged: Array<{ kind: string; id: string; bytes: Buffer; last: string }> = [];
      for (const [kind, damage] of Object.entries(KINDS)) {
        const draft = await r.ok<Draft>('drafts.create', { headline: kind });
        await r.ok('drafts.save', { id: draft.id, article: articleWith(kind, 'An earlier wording.') });
        ms += 10 * 60_000; // far enough apart to be two versions
        const last = `The last wording of ${kind}.`;
        await r.ok('drafts.save', { id: draft.id, article: articleWith(kind, last) });
        const file = join(r.services.drafts.folderOf(draft.id), 'draft.json');
        const bytes = damage(await readFile(file, 'utf8'), draft.id);
        await writeFile(file, bytes);
        damaged.push({ kind, id: draft.id, bytes, last });
      }
      const listed = await r.ok<MethodOutput<'drafts.list'>>('drafts.list');
      expect(listed.drafts).toEqual([]);
      for (const { kind, id, bytes, last } of damaged) {
        const problem = listed.problems.find((p) => p.id === id);
        expect(problem, kind).toMatchObject({ recoverable: true });
        const recovered = await r.ok<Draft>('drafts.recover', { id });
        expect(plainTextOf(recovered.article.body), kind).toBe(last);
        expect((await readFile(String(problem?.keptAs))).equals(bytes), `${kind}: still kept aside, byte for byte`).toBe(true);
      }
      const after = await r.ok<MethodOutput<'drafts.list'>>('drafts.list');
      expect(after.problems).toEqual([]);
      expect(after.drafts.map((d) => d.headline).sort()).toEqual(Object.keys(KINDS).sort());
    } finally {
      await r.close();
    }
  });
});
