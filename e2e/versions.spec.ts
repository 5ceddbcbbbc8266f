import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { VersionsPage } from './host/versions-page';

/**
 * Versions from the editor against the real services: a named version, more typing, the
 * comparison showing the new words, and a restore that brings the old text back into the editor
 * while the text it replaced is kept as a version.
 */
test('name a version, compare it with later text, and restore it', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const history = new VersionsPage(page);
  await app.newDraft();
  await app.headline.fill('Council budget');
  await app.body.click();
  await page.keyboard.insertText('The council met today.');
  await app.waitUntilSaved();

  await history.open();
  await history.name('First take');
  await expect(history.rows.first()).toContainText('First take');
  await expect(history.rows.first()).toContainText('Council budget');
  await history.close();

  // More words and a new headline: the first save after a named version starts a new version.
  await app.headline.fill('Council passes budget');
  await app.body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' The mayor voted against.');
  await app.waitUntilSaved();

  await history.open();
  await expect(history.rows.first()).toContainText('Autosaved');
  await expect(history.rows.first()).toContainText('Council passes budget');
  await history.compare(history.row('First take'), history.rows.first());
  const headline = history.comparison.getByRole('table', { name: 'Changed fields' }).getByRole('row', { name: /Headline/ });
  await expect(headline.getByRole('cell')).toHaveText(['Council budget', 'Council passes budget']);
  await expect(history.bodyDiff.locator('ins')).toHaveText(['The mayor voted against.']);
  await expect(history.bodyDiff.locator('del')).toHaveCount(0);
  await history.closeComparison();

  await history.restore(history.row('First take'));
  await expect(app.headline).toHaveValue('Council budget');
  await expect(app.body).toHaveText('The council met today.');

  await history.open();
  await expect(history.rows.first()).toContainText('Before restoring “First take”');
  await expect(history.rows.first()).toContainText('Council passes budget');
  // The restored text is what is saved now: comparing the kept text with the draft shows the words taken out.
  await history.compare(history.rows.first());
  await expect(history.bodyDiff.locator('del')).toHaveText(['The mayor voted against.']);
});

/** A draft.json damaged on disk comes back from its newest good version through the library. */
test('a corrupt draft is recovered from its last good version', async ({ launch }) => {
  const first = await launch();
  const app = new AppPage(first.page);
  await app.newDraft();
  await app.headline.fill('Border talks continue');
  await app.body.click();
  await first.page.keyboard.insertText('Ministers met at the crossing.');
  await app.waitUntilSaved();
  await first.host.quit();

  // Another program cut the file short.
  const drafts = join(first.host.dataFolder, 'drafts');
  const [id] = await readdir(drafts);
  await writeFile(join(drafts, id!, 'draft.json'), '{"format":"newsroom-draft","article":{"headline":"Bor');

  const second = await launch({ dataFolder: first.host.dataFolder });
  const library = second.page;
  await expect(library.getByText(/1 draft could not be opened: .+ The file was kept as .+draft\.json\.corrupt-/)).toBeVisible();
  await library.getByRole('button', { name: 'Recover from the last good version' }).click();
  await expect(library.getByRole('status').filter({ hasText: 'is back' })).toHaveText(
    '“Border talks continue” is back, from its last good version. The damaged file stays where it was kept.',
  );
  await expect(library.getByText(/could not be opened/)).toHaveCount(0);

  const again = new AppPage(library);
  await again.openDraft('Border talks continue');
  await expect(again.body).toHaveText('Ministers met at the crossing.');
  const kept = (await readdir(join(drafts, id!))).filter((name) => name.startsWith('draft.json.corrupt-'));
  expect(kept).toHaveLength(1);
});
