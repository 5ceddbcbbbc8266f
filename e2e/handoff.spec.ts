import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOLD_STALE_MS, type Holder, type User } from '../shared/model/review';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { StatusPage } from './host/status-page';

/**
 * The hand-off (issue 7): two machines (two data folders, two names) share one drafts folder, as a
 * desk on a network share does. Each settings file is seeded with the shared folder before start.
 */
const ANA: User = { name: 'Ana Ruiz', initials: 'AR' };
const BEN: User = { name: 'Ben Cole', initials: 'BC' };

let shared: string;
const folders: string[] = [];
test.beforeEach(async () => {
  shared = await mkdtemp(join(tmpdir(), 'newsroom-e2e-shared-'));
  folders.push(shared);
});
test.afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A data folder whose settings already point at the shared drafts folder. */
async function machine(): Promise<string> {
  const dataFolder = await mkdtemp(join(tmpdir(), 'newsroom-e2e-machine-'));
  folders.push(dataFolder);
  await writeFile(join(dataFolder, 'settings.json'), JSON.stringify({ draftsFolder: shared }));
  return dataFolder;
}

/** The folder of the one draft in the shared drafts folder (wherever the store nests it). */
async function draftFolder(): Promise<string> {
  const entries = await readdir(shared, { recursive: true, withFileTypes: true });
  const file = entries.find((entry) => entry.isFile() && entry.name === 'draft.json');
  if (file === undefined) throw new Error('no draft in the shared folder');
  return file.parentPath;
}

test('a draft open on one machine opens read-only on the other, and editable once it is closed', async ({ launch }) => {
  const a = await launch({ dataFolder: await machine(), user: ANA });
  const ana = new AppPage(a.page);
  await ana.newDraft();
  await ana.headline.fill('Harbour fire');
  await ana.waitUntilSaved();

  const b = await launch({ dataFolder: await machine(), user: BEN });
  const ben = new AppPage(b.page);
  await ben.openDraft('Harbour fire');
  await expect(new StatusPage(b.page).heldBar('Ana Ruiz')).toContainText('You can read it; ask them to close it to edit.');
  await expect(ben.headline).toHaveValue('Harbour fire');
  // Read-only: the fields and the body still read but take no typing, so nothing lands in the draft.
  await expect(b.page.getByRole('group', { name: 'Draft (read only)' })).toHaveCount(1);
  await expect(ben.headline).toBeDisabled();
  await expect(ben.body).toHaveAttribute('contenteditable', 'false');
  await ben.body.click();
  await b.page.keyboard.insertText('XYZ');
  await expect(ben.headline).toHaveValue('Harbour fire');
  await expect(ben.body).not.toContainText('XYZ');

  await ana.backToDrafts();
  await b.page.getByRole('button', { name: 'Check again' }).click();
  await expect(new StatusPage(b.page).heldBar('Ana Ruiz')).toHaveCount(0);
  await expect(b.page.getByRole('group', { name: 'Draft (read only)' })).toHaveCount(0);
  await expect(ben.body).toHaveAttribute('contenteditable', 'true');
  await ben.headline.fill('Harbour fire: two hurt');
  await ben.waitUntilSaved();
});

test('a stale hold is taken over after a warning', async ({ launch }) => {
  const b = await launch({ dataFolder: await machine(), user: BEN });
  const ben = new AppPage(b.page);
  await ben.newDraft();
  await ben.headline.fill('Late council vote');
  await ben.waitUntilSaved();
  await ben.backToDrafts();

  // Ana's machine opened it long ago and has not been seen since (a laptop closed mid-edit).
  const now = Date.now();
  const old: Holder = {
    ...ANA,
    installId: 'ana-laptop',
    since: new Date(now - HOLD_STALE_MS - 25 * 60_000).toISOString(),
    seenAt: new Date(now - HOLD_STALE_MS - 15 * 60_000).toISOString(),
  };
  await writeFile(join(await draftFolder(), 'holder.json'), JSON.stringify(old));

  await ben.openDraft('Late council vote');
  const warning = b.page.getByRole('dialog', { name: 'This draft is open elsewhere' });
  await expect(warning).toContainText('Ana Ruiz opened this draft at');
  await expect(warning).toContainText('has not been seen for 25 minutes. Take it over? Changes they have not saved may be lost.');
  await warning.getByRole('button', { name: 'Take over' }).click();
  await expect(warning).toHaveCount(0);
  await expect(b.page.getByRole('group', { name: 'Draft (read only)' })).toHaveCount(0);
  await ben.headline.fill('Late council vote passes');
  await ben.waitUntilSaved();
});
