import type { Stats } from 'node:fs';

/**
 * What tells us a draft file changed without reading it: its size and modification time, as
 * rsync and git judge a file. Every write, ours or another program's (a text editor, a sync
 * client), changes at least the mtime. Kept as a pair so 10,000 of them stay small in JSON.
 */
export type FileStamp = readonly [size: number, mtimeMs: number];

export const stampOf = (stats: Pick<Stats, 'size' | 'mtimeMs'>): FileStamp => [stats.size, stats.mtimeMs];

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
