import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { countBodyWords } from '../../../shared/editor/word-count';
import { checkDraftText, DRAFT_FILE_NAME } from './draft-file';

/**
 * Spiked drafts: what `<data>/trash/` holds. A spiked folder is `<id>` or, when that name was
 * taken, `<id>-<stamp>`; it keeps the draft's own files plus `spiked.json` ({ spikedAt }).
 *
 * Why a marker file rather than the folder's mtime: a rename does not reliably change the moved
 * folder's mtime (it depends on the file system), copying or syncing the data folder resets it,
 * and any later change inside the folder moves it. The marker is written atomically right after
 * the move; if the app dies in between, the folder's mtime is the fallback.
 */
export const SPIKED_FILE = 'spiked.json';

const UUID = z.regexes.uuid();
const ID_LENGTH = 36;

const SpikedMarker = z.object({ spikedAt: z.iso.datetime() });

export interface SpikedEntry {
  id: string;
  /** The folder's name under trash/. */
  folder: string;
  headline: string;
  spikedAt: string;
  wordCount: number;
}

/** The draft id a trash folder's name stands for, or undefined for anything else. */
export function idOfTrashFolder(name: string): string | undefined {
  const id = name.slice(0, ID_LENGTH);
  if (!UUID.test(id)) return undefined;
  const rest = name.slice(ID_LENGTH);
  return rest === '' || rest.startsWith('-') ? id : undefined;
}

export const spikedMarker = (spikedAt: Date): string => `${JSON.stringify({ spikedAt: spikedAt.toISOString() }, null, 2)}\n`;

async function spikedAtOf(dir: string): Promise<string> {
  try {
    const parsed = SpikedMarker.safeParse(JSON.parse(await readFile(join(dir, SPIKED_FILE), 'utf8')));
    if (parsed.success) return parsed.data.spikedAt;
  } catch {
    // no marker (the app stopped between the move and the marker) or a damaged one
  }
  return (await stat(dir)).mtime.toISOString();
}

/** One spiked folder, described; a draft file that cannot be read still lists (untitled, 0 words). */
export async function readSpiked(trashDir: string, folder: string): Promise<SpikedEntry | undefined> {
  const id = idOfTrashFolder(folder);
  if (id === undefined) return undefined;
  const dir = join(trashDir, folder);
  try {
    if (!(await stat(dir)).isDirectory()) return undefined;
    const spikedAt = await spikedAtOf(dir);
    let headline = '';
    let wordCount = 0;
    const text = await readFile(join(dir, DRAFT_FILE_NAME), 'utf8').catch(() => undefined);
    const check = text === undefined ? undefined : checkDraftText(text);
    if (check?.kind === 'ok') {
      headline = check.draft.article.headline;
      wordCount = countBodyWords(check.draft.article.body);
    }
    return { id, folder, headline, spikedAt, wordCount };
  } catch {
    return undefined; // gone meanwhile, or not readable at all
  }
}

/** Every spiked folder, newest spike first. */
export async function listSpikedFolders(trashDir: string): Promise<SpikedEntry[]> {
  const names = await readdir(trashDir).catch(() => [] as string[]);
  const entries = await Promise.all(names.map((name) => readSpiked(trashDir, name)));
  return entries.filter((entry): entry is SpikedEntry => entry !== undefined).sort((a, b) => b.spikedAt.localeCompare(a.spikedAt));
}
