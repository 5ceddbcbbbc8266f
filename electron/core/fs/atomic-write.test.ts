import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteFailure, TEMP_NAME, writeFileAtomic } from './atomic-write';
import { errno, type IoCall, recordingIo, withFaults } from './fault-io';
import { nodeFileIo } from './file-io';
import { toAppFailure } from './fs-errors';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsroom-atomic-'));
  target = join(dir, 'draft.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OLD = '{"text":"old, acknowledged"}';
const NEW = '{"text":"new"}';
const fast = { renameRetryDelaysMs: [1, 1, 1] };
const namesIn = async (): Promise<string[]> => (await readdir(dir)).sort();

async function expectFailure(promise: Promise<unknown>): Promise<AtomicWriteFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtomicWriteFailure);
  return error as AtomicWriteFailure;
}

describe('writeFileAtomic', () => {
  it('creates and then replaces a file, leaving no temp behind', async () => {
    await writeFileAtomic(target, OLD);
    await writeFileAtomic(target, new TextEncoder().encode(NEW));
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await namesIn()).toEqual(['draft.json']);
  });

  it('writes every byte of a large file', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024 + 7);
    await writeFileAtomic(target, big);
    expect((await readFile(target, 'utf8')).length).toBe(big.length);
  });

  it('syncs the temp before the rename and the folder after it, in that order', async () => {
    const calls: IoCall[] = [];
    await writeFileAtomic(target, NEW, recordingIo(calls));
    expect(calls.map((c) => c.op)).toEqual(['open', 'write', 'fsync', 'close', 'rename', 'fsyncDir']);
    const [open, , , , rename, fsyncDir] = calls;
    const temp = String(open?.args[0]);
    expect(dirname(temp)).toBe(dir);
    expect(basename(temp)).toMatch(TEMP_NAME);
    expect(basename(temp).startsWith('draft.json.')).toBe(true);
    expect(open?.args[1]).toBe('wx');
    expect(rename?.args).toEqual([temp, target]);
    expect(fsyncDir?.args).toEqual([dir]);
  });

  it('resolves only after the folder fsync has finished', async () => {
    let release = (): void => undefined;
    const io = withFaults({
      fsyncDir: (d) => new Promise<void>((resolve) => (release = () => resolve(nodeFileIo.fsyncDir(d)))),
    });
    let settled = false;
    const write = writeFileAtomic(target, NEW, io).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    release();
    await write;
    expect(settled).toBe(true);
  });

  it('maps ENOSPC in the middle of a write to DISK_FULL and leaves the old file and no temp', async () => {
    await writeFile(target, OLD);
    const io = withFaults({
      write: async (fd, data) => {
        await nodeFileIo.write(fd, data.subarray(0, 3)); // a partial write, then the disk is full
        throw errno('ENOSPC');
      },
    });
    const error = await expectFailure(writeFileAtomic(target, NEW, io));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toBe('Not saved: the disk is full. Your text is still in the editor.');
    expect(error.keptTemp).toBeUndefined();
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await namesIn()).toEqual(['draft.json']);
  });

  it('leaves the old file and no temp when fsync or close fails', async () => {
    await writeFile(target, OLD);
    const failingFsync = withFaults({ fsync: () => Promise.reject(errno('EIO', 'fsync')) });
    const failingClose = withFaults({
      close: async (fd) => {
        await nodeFileIo.close(fd);
        throw errno('EIO', 'close');
      },
    });
    for (const io of [failingFsync, failingClose]) {
      const error = await expectFailure(writeFileAtomic(target, NEW, io));
      expect(error.code).toBe('IO_ERROR');
      expect(error.message).toContain('EIO');
      expect(await readFile(target, 'utf8')).toBe(OLD);
      expect(await namesIn()).toEqual(['draft.json']);
    }
  });

  it('retries a rename Windows refuses (EPERM, EBUSY) and succeeds when it clears', async () => {
    await writeFile(target, OLD);
    let attempts = 0;
    const io = withFaults({
      rename: (from, to) => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(errno('EPERM', 'rename'));
        if (attempts === 2) return Promise.reject(errno('EBUSY', 'rename'));
        return nodeFileIo.rename(from, to);
      },
    });
    await writeFileAtomic(target, NEW, io, fast);
    expect(attempts).toBe(3);
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await namesIn()).toEqual(['draft.json']);
  });

  it('gives up after the bounded retries, keeps the old file, and keeps the complete temp', async () => {
    await writeFile(target, OLD);
    let attempts = 0;
    const io = withFaults({ rename: () => (attempts++, Promise.reject(errno('EPERM', 'rename'))) });
    const error = await expectFailure(writeFileAtomic(target, NEW, io, fast));
    expect(attempts).toBe(4); // the first try + three retries
    expect(error.code).toBe('READ_ONLY');
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(error.keptTemp).toBeDefined();
    expect(await readFile(String(error.keptTemp), 'utf8')).toBe(NEW);
  });

  it('waits about 2 s in total by default before giving up on a locked file', async () => {
    let attempts = 0;
    const started = Date.now();
    const io = withFaults({ rename: () => (attempts++, Promise.reject(errno('EBUSY', 'rename'))) });
    const error = await expectFailure(writeFileAtomic(target, NEW, io));
    const waited = Date.now() - started;
    expect(error.code).toBe('IO_ERROR');
    expect(attempts).toBe(9);
    expect(waited).toBeGreaterThanOrEqual(1_900);
    expect(waited).toBeLessThan(4_000);
  });

  it('does not retry other rename errors', async () => {
    let attempts = 0;
    const io = withFaults({ rename: () => (attempts++, Promise.reject(errno('EIO', 'rename'))) });
    await expectFailure(writeFileAtomic(target, NEW, io, fast));
    expect(attempts).toBe(1);
  });

  it('maps a read-only folder to READ_ONLY and creates nothing', async () => {
    const io = withFaults({ open: () => Promise.reject(errno('EROFS', 'open')) });
    const error = await expectFailure(writeFileAtomic(target, NEW, io));
    expect(error.code).toBe('READ_ONLY');
    expect(error.message).toMatch(/^Not saved: the drafts folder is read-only/);
    expect(await namesIn()).toEqual([]);
  });

  it('reports a failed folder fsync, after which the new content is in place', async () => {
    await writeFile(target, OLD);
    const io = withFaults({ fsyncDir: () => Promise.reject(errno('EIO', 'fsync')) });
    const error = await expectFailure(writeFileAtomic(target, NEW, io));
    expect(error.code).toBe('IO_ERROR');
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await namesIn()).toEqual(['draft.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const error = await expectFailure(writeFileAtomic(join(dir, 'missing', 'x.json'), NEW));
    expect(error.code).toBe('IO_ERROR');
    expect(error.message).toContain('ENOENT');
  });
});

describe('toAppFailure', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EROFS', 'READ_ONLY'],
    ['EACCES', 'READ_ONLY'],
    ['EPERM', 'READ_ONLY'],
    ['EIO', 'IO_ERROR'],
    ['EMFILE', 'IO_ERROR'],
  ])('%s -> %s', (code, expected) => {
    expect(toAppFailure(errno(code)).code).toBe(expected);
  });

  it('words the message for the action', () => {
    expect(toAppFailure(errno('ENOSPC'), 'create').message).toBe('The draft was not created: the disk is full.');
    expect(toAppFailure(new Error('boom'), 'read').message).toBe('The draft could not be read: the disk reported an error.');
  });
});
