import * as fs from 'node:fs';

/**
 * The few file operations a crash-safe write needs, behind an interface so tests can inject
 * faults (ENOSPC mid-write, a failing fsync, a rename Windows keeps refusing) and record the
 * order of calls. `nodeFileIo` is the real thing.
 */
export type FileId = number;

export interface FileIo {
  /** Opens for writing; `wx` fails with EEXIST rather than touching an existing file. */
  open(path: string, flags: 'wx'): Promise<FileId>;
  /** Writes every byte (loops over short writes) or rejects. */
  write(fd: FileId, data: Uint8Array): Promise<void>;
  fsync(fd: FileId): Promise<void>;
  close(fd: FileId): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Makes a rename or a new entry in `dir` durable. A no-op where the OS cannot do it (Windows). */
  fsyncDir(dir: string): Promise<void>;
}

const call = <T>(run: (done: (err: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    run((err, value) => (err ? reject(err) : resolve(value as T)));
  });

async function writeAll(fd: FileId, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const written = await call<number>((done) => fs.write(fd, data, offset, data.byteLength - offset, null, done));
    offset += written;
  }
}

/**
 * Errors a directory fsync gives on file systems that do not support it (some network and FUSE
 * mounts). The rename has already happened there; failing the save would only make the user
 * retry something that cannot succeed.
 */
const DIR_FSYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR']);

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = await call<number>((done) => fs.open(dir, 'r', done));
  try {
    await call<void>((done) => fs.fsync(fd, done));
  } catch (error) {
    if (!DIR_FSYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await call<void>((done) => fs.close(fd, done));
  }
}

export const nodeFileIo: FileIo = {
  open: (path, flags) => call<number>((done) => fs.open(path, flags, 0o666, done)),
  write: writeAll,
  fsync: (fd) => call<void>((done) => fs.fsync(fd, done)),
  close: (fd) => call<void>((done) => fs.close(fd, done)),
  rename: (from, to) => call<void>((done) => fs.rename(from, to, done)),
  unlink: (path) => call<void>((done) => fs.unlink(path, done)),
  fsyncDir,
};
