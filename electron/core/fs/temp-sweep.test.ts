import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errno, withFaults } from './fault-io';
import { sweepTempFiles } from './temp-sweep';

let dir: string;
const at = (name: string): string => join(dir, name);
const clock = { now: () => new Date('2025-03-04T05:06:07.089Z') };

/** Our test files are "valid" when they are JSON objects with `ok: true`. */
const isValid = (text: string): boolean => {
  try {
    return (JSON.parse(text) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
};
const GOOD_OLD = '{"ok":true,"v":"old"}';
const GOOD_NEW = '{"ok":true,"v":"new"}';
const TORN = '{"ok":true,"v":"ne';
const TEMP_A = 'draft.json.0123456789ab.tmp';
const TEMP_B = 'draft.json.ba9876543210.tmp';

const names = async (): Promise<string[]> => (await readdir(dir)).sort();
const sweep = (io = withFaults({})) => sweepTempFiles(dir, { isValid, clock, io });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-sweep-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sweepTempFiles', () => {
  it('promotes a valid temp when the target is missing', async () => {
    await writeFile(at(TEMP_A), GOOD_NEW);
    const report = await sweep();
    expect(report.promoted).toEqual([at('draft.json')]);
    expect(await readFile(at('draft.json'), 'utf8')).toBe(GOOD_NEW);
    expect(await names()).toEqual(['draft.json']);
  });

  it('promotes a valid temp over a corrupt target, keeping the corrupt bytes aside', async () => {
    const garbage = Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x22]);
    await writeFile(at('draft.json'), garbage);
    await writeFile(at(TEMP_A), GOOD_NEW);
    const report = await sweep();
    const kept = 'draft.json.corrupt-2025-03-04T05-06-07.089Z';
    expect(report.keptAside).toEqual([at(kept)]);
    expect(await readFile(at('draft.json'), 'utf8')).toBe(GOOD_NEW);
    expect(await readFile(at(kept))).toEqual(garbage);
    expect(await names()).toEqual(['draft.json', kept]);
  });

  it('deletes a temp, even a valid one, when the target is valid: the acknowledged save wins', async () => {
    await writeFile(at('draft.json'), GOOD_OLD);
    await writeFile(at(TEMP_A), GOOD_NEW);
    await writeFile(at(TEMP_B), TORN);
    const report = await sweep();
    expect(report.deleted.sort()).toEqual([at(TEMP_A), at(TEMP_B)]);
    expect(await readFile(at('draft.json'), 'utf8')).toBe(GOOD_OLD);
    expect(await names()).toEqual(['draft.json']);
  });

  it('never replaces a corrupt target with an invalid temp, and leaves the target for the reader', async () => {
    await writeFile(at('draft.json'), '');
    await writeFile(at(TEMP_A), TORN);
    const report = await sweep();
    expect(report).toEqual({ promoted: [], deleted: [at(TEMP_A)], keptAside: [] });
    expect(await readFile(at('draft.json'), 'utf8')).toBe('');
    expect(await names()).toEqual(['draft.json']);
  });

  it('promotes the newest valid temp when several could be', async () => {
    await writeFile(at(TEMP_A), '{"ok":true,"v":"older"}');
    await writeFile(at(TEMP_B), GOOD_NEW);
    await utimes(at(TEMP_A), new Date(1_000_000), new Date(1_000_000));
    await sweep();
    expect(await readFile(at('draft.json'), 'utf8')).toBe(GOOD_NEW);
    expect(await names()).toEqual(['draft.json']);
  });

  it('leaves files that are not our temps alone', async () => {
    const others = ['notes.tmp', 'draft.json.XYZ.tmp', 'draft.json.corrupt-2020-01-01T00-00-00.000Z', 'photo.jpg'];
    for (const name of others) await writeFile(at(name), 'x');
    expect(await sweep()).toEqual({ promoted: [], deleted: [], keptAside: [] });
    expect(await names()).toEqual(others.sort());
  });

  it('keeps going past a temp it cannot remove, and reports the others', async () => {
    await writeFile(at('a.json'), GOOD_OLD);
    await writeFile(at('a.json.0123456789ab.tmp'), GOOD_NEW);
    await writeFile(at('b.json.0123456789ab.tmp'), GOOD_NEW);
    const io = withFaults({ unlink: () => Promise.reject(errno('EBUSY', 'unlink')) });
    const report = await sweep(io);
    expect(report.promoted).toEqual([at('b.json')]);
    expect(await names()).toEqual(['a.json', 'a.json.0123456789ab.tmp', 'b.json']);
  });

  it('never replaces a target it cannot read (here a folder, EISDIR), and keeps the temp', async () => {
    await mkdir(at('draft.json'));
    await writeFile(at(TEMP_A), GOOD_NEW);
    expect(await sweep()).toEqual({ promoted: [], deleted: [], keptAside: [] });
    expect(await names()).toEqual(['draft.json', TEMP_A]);
  });

  it('uses targetFor to find the file a temp belongs to', async () => {
    await writeFile(at(TEMP_A), GOOD_NEW);
    await sweepTempFiles(dir, { isValid, targetFor: () => 'other.json' });
    expect(await names()).toEqual(['other.json']);
  });
});
