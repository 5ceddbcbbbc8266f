import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileIo } from '../electron/core/fs/file-io';
import { nodeFileIo } from '../electron/core/fs/file-io';
import { AppPage } from './host/app-page';
import { bodyTextOnDisk, onlyDraftId } from './host/draft-on-disk';
import { expect, test } from './host/fixtures';

/** The real disk, except that writes fail with `errno` while it is set: a full or read-only disk on demand. */
function switchableDisk(): { io: FileIo; fail(errno: 'ENOSPC' | 'EROFS' | undefined): void } {
  let failing: string | undefined;
  const io: FileIo = {
    ...nodeFileIo,
    open: (path, flags) => (failing ? Promise.reject(Object.assign(new Error(`${failing}: open`), { code: failing })) : nodeFileIo.open(path, flags)),
    write: (fd, data) => (failing ? Promise.reject(Object.assign(new Error(`${failing}: write`), { code: failing })) : nodeFileIo.write(fd, data)),
  };
  return { io, fail: (errno) => (failing = errno) };
}

for (const [errno, words] of [
  ['ENOSPC', 'the disk is full'],
  ['EROFS', 'read-only'],
] as const) {
  test(`${words}: saving fails loudly, the text stays in the editor, the file on disk is untouched, and Retry saves it once the disk is back`, async ({ launch }) => {
    const disk = switchableDisk();
    const { page, host } = await launch({ draftsIo: disk.io });
    const app = new AppPage(page);
    await app.newDraft();
    await app.headline.fill('Harbour strike');
    await app.body.click();
    await page.keyboard.insertText('Dockers walked out at dawn.');
    await app.waitUntilSaved();
    const id = await onlyDraftId(host);
    const file = join(host.dataFolder, 'drafts', id, 'draft.json');
    const before = await readFile(file);

    disk.fail(errno);
    await page.keyboard.insertText(' Ferries are cancelled.');
    await expect(app.saveStatus).toHaveText(new RegExp(`^Not saved: (the drafts folder is )?${words}.*Your text is still in the editor\\.$`), { timeout: 10_000 });
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(app.body).toHaveText('Dockers walked out at dawn. Ferries are cancelled.');
    // Leaving waits for a save that cannot happen: the text is not dropped.
    await page.getByRole('button', { name: 'Back to drafts' }).click();
    await expect(app.body).toBeVisible();
    expect((await readFile(file)).equals(before), 'the file on disk is byte for byte what it was').toBe(true);

    disk.fail(undefined);
    await page.getByRole('button', { name: 'Retry' }).click();
    await app.waitUntilSaved();
    expect(await bodyTextOnDisk(host.dataFolder, id)).toBe('Dockers walked out at dawn. Ferries are cancelled.');
  });
}
