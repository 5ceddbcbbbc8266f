import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicWriteFailure, TEMP_NAME, writeFileAtomic } from '../../fs/atomic-write';
import type { FileIo } from '../../fs/file-io';
import { errnoCode } from '../../fs/fs-errors';
import { type FrontMatter, parseIndex, renderIndex } from './front-matter';

/**
 * The stories in a publishing folder: `<root>/<folder>/index.md` ("page bundles") with their image
 * files under `<folder>/assets/`, the path the Markdown already gives them. A folder is found by
 * the draft id in its front matter, never by its name: the journalist may rename it.
 */

export const INDEX_FILE = 'index.md';
export const ASSETS_DIR = 'assets';

export interface Bundle {
  /** The folder's name: the story's remote id. */
  folder: string;
  matter: FrontMatter;
  body: string;
  /** A hash of index.md as it is on disk: edited by hand, it changes. */
  version: string;
}

/** A folder name we would create or accept back from a job: one plain path segment. */
export const isFolderName = (name: string): boolean =>
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(name) && !name.includes('..');

export const versionOf = (text: string): string => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32)}`;

/** The bundle in `folder`; null when there is no index.md there or it is not one of ours. */
export async function readBundle(root: string, folder: string): Promise<Bundle | null> {
  let text: string;
  try {
    text = await readFile(join(root, folder, INDEX_FILE), 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return null;
    throw error;
  }
  const parsed = parseIndex(text);
  return parsed === null ? null : { folder, ...parsed, version: versionOf(text) };
}

/**
 * The story of `draftId`, by looking at every folder. A publishing folder holds hundreds of
 * stories at most; reading their front matter is quick, and it is the only way to be sure.
 */
export async function findBundle(root: string, draftId: string): Promise<Bundle | null> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory() && isFolderName(entry.name)).map((entry) => entry.name).sort();
  for (const folder of folders) {
    const bundle = await readBundle(root, folder);
    if (bundle?.matter.newsroom.draft_id === draftId) return bundle;
  }
  return null;
}

/**
 * A free folder for a new story: `<base>`, else `<base>-2`, `-3`… A folder that exists is never
 * taken over, even an empty one (someone made it), except our own leftover: a folder holding only
 * `assets/` with images of this story, from a try cut off before its index.md was written.
 */
export async function claimFolder(root: string, base: string, assets: readonly string[]): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(join(root, name));
      return name;
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
    if (await isOurLeftover(join(root, name), assets)) return name;
  }
  throw new Error(`no free folder name for ${base}`);
}

async function isOurLeftover(path: string, assets: readonly string[]): Promise<boolean> {
  try {
    const entries = await readdir(path);
    if (entries.length !== 1 || entries[0] !== ASSETS_DIR) return false;
    const images = await readdir(join(path, ASSETS_DIR));
    return images.length > 0 && images.every((name) => assets.includes(name));
  } catch {
    return false;
  }
}

export interface BundleWrite {
  matter: FrontMatter;
  body: string;
  images: ReadonlyArray<{ asset: string; bytes: () => Promise<Uint8Array> }>;
}

/**
 * Images first, index.md last, each replaced atomically: a crash leaves the old story or the new
 * one, and an index.md never names an image that is not there yet. Image names are content
 * hashes, so one already in place is the same file and is not written again.
 */
export async function writeBundle(root: string, folder: string, write: BundleWrite, io?: FileIo): Promise<Bundle> {
  const assetsDir = join(root, folder, ASSETS_DIR);
  await removeTemps(join(root, folder));
  await removeTemps(assetsDir);
  if (write.images.length > 0) await mkdir(assetsDir, { recursive: true });
  for (const image of write.images) {
    const target = join(assetsDir, image.asset);
    if (await exists(target)) continue;
    await writeAtomic(target, await image.bytes(), io);
  }
  const text = renderIndex(write.matter, write.body);
  await writeAtomic(join(root, folder, INDEX_FILE), text, io);
  return { folder, matter: write.matter, body: write.body.trim(), version: versionOf(text) };
}

/**
 * A temp the writer kept after a failed rename is dropped: the outbox job still holds the story,
 * and a site generator would publish a stray `index.md.<hex>.tmp` as a file of the page.
 */
async function writeAtomic(target: string, data: string | Uint8Array, io: FileIo | undefined): Promise<void> {
  try {
    await writeFileAtomic(target, data, io);
  } catch (error) {
    if (error instanceof AtomicWriteFailure && error.keptTemp !== undefined) await unlink(error.keptTemp).catch(() => undefined);
    throw error;
  }
}

/** Temps left in a story's folder by a write cut off by a crash (kill -9, power cut). */
async function removeTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (TEMP_NAME.test(name)) await unlink(join(dir, name)).catch(() => undefined);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
