import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AssetNameSchema, HEADLINE_MAX_CHARS } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { ASSETS_FOLDER } from '../drafts/draft-assets';
import type { DraftStore } from '../drafts/draft-store';
import { writeFileAtomic } from '../fs/atomic-write';
import { isNotFound, toAppFailure } from '../fs/fs-errors';
import type { Logger } from '../ports';

/** "Copy of <headline>": the copy sorts apart from the original and says what it is. */
export function copyHeadline(headline: string): string {
  const copy = `Copy of ${headline.trim() === '' ? 'an untitled draft' : headline}`;
  return copy.length > HEADLINE_MAX_CHARS ? copy.slice(0, HEADLINE_MAX_CHARS) : copy;
}

/** The original's images, copied file by file (atomically) so the copy's body and featured image show. */
async function copyAssets(fromFolder: string, toFolder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(join(fromFolder, ASSETS_FOLDER));
  } catch (error) {
    if (isNotFound(error)) return; // a draft without images
    throw error;
  }
  const assets = names.filter((name) => AssetNameSchema.safeParse(name).success);
  if (assets.length === 0) return;
  const target = join(toFolder, ASSETS_FOLDER);
  await mkdir(target, { recursive: true });
  for (const name of assets) await writeFileAtomic(join(target, name), await readFile(join(fromFolder, ASSETS_FOLDER, name)));
}

/**
 * A new draft with the original's fields and body under "Copy of …". It starts unpublished: no
 * publication record, no publish log, no versions, and a slug that follows its own headline (two
 * stories must not claim one address). If the images cannot be copied the copy is removed again,
 * so a half copy never sits in the library.
 */
export async function duplicateDraft(drafts: DraftStore, id: string, logger: Logger): Promise<Draft> {
  const original = await drafts.read(id);
  const copy = await drafts.create({
    ...original.article,
    headline: copyHeadline(original.article.headline),
    slug: '',
    slugFollowsHeadline: true,
  });
  try {
    await copyAssets(drafts.folderOf(id), drafts.folderOf(copy.id));
  } catch (error) {
    await drafts
      .trash(copy.id)
      .then(() => drafts.purge(copy.id))
      .catch((cleanup: unknown) => logger.warn('half-made copy not removed', { id: copy.id, error: String(cleanup) }));
    throw toAppFailure(error, 'create');
  }
  return copy;
}
