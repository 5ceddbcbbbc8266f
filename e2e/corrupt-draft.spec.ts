import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { NewsroomHost } from './host/newsroom-host';

/** A draft file damaged on disk must not stop the app, hide the other drafts, or be overwritten. */
test('the app starts with a corrupt draft, lists the others and reports the bad one', async ({ launch }) => {
  // Two good drafts, made through the app's own services.
  // No window is open on this one, so its quit need not wait for a renderer to confirm a save.
  const setup = await NewsroomHost.start({ flushTimeoutMs: 100 });
  for (const headline of ['Police chiefs meet in Tirana', 'Border talks continue']) {
    const created = await setup.router.handle('drafts.create', { headline });
    expect(created.ok).toBe(true);
  }
  await setup.quit();

  // A third draft whose file was cut short mid-write by some other program.
  const badId = randomUUID();
  const badFolder = join(setup.dataFolder, 'drafts', badId);
  await mkdir(badFolder, { recursive: true });
  const damaged = '{"format":"newsroom-draft","schemaVersion":1,"id":"' + badId + '","article":{"headline":"Half a st';
  await writeFile(join(badFolder, 'draft.json'), damaged);

  const { page } = await launch({ dataFolder: setup.dataFolder });
  const app = new AppPage(page);
  const rows = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows).toContainText(['Police chiefs meet in Tirana', 'Border talks continue'].reverse());
  await expect(page.getByText(/1 draft could not be opened: .+\. The file was kept as .+draft\.json\.corrupt-/)).toBeVisible();

  // The damaged bytes are kept aside, untouched; the app still works for new drafts.
  const kept = (await readdir(badFolder)).filter((name) => name.startsWith('draft.json.corrupt-'));
  expect(kept).toHaveLength(1);
  expect(await readFile(join(badFolder, kept[0]!), 'utf8')).toBe(damaged);
  await app.newDraft();
  await app.headline.fill('Still writing');
  await app.waitUntilSaved();
});
