import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';

/** A journalist spikes a story by mistake, finds it among the spiked drafts and restores it. */
test('a spiked draft is listed as spiked, restored, and opens again with its text', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const headline = 'Ferry strike ends after talks';
  const text = 'Crews return to work on Monday after a pay deal.';
  await app.newDraft();
  await app.headline.fill(headline);
  await app.headline.press('Enter');
  await page.keyboard.insertText(text);
  await app.waitUntilSaved();
  await app.backToDrafts();
  await app.newDraft();
  await app.headline.fill('Stays in the library');
  await app.waitUntilSaved();
  await app.backToDrafts();

  await app.spikeDraft(headline);
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);

  await app.showSpiked();
  const spiked = app.spikedList.getByRole('listitem');
  await expect(spiked).toHaveCount(1);
  await expect(spiked).toContainText(headline);
  await expect(spiked).toContainText('10 words');
  await spiked.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByText('No spiked drafts.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(2);
  await app.openDraft(headline);
  await expect(app.headline).toHaveValue(headline);
  await expect(app.body).toHaveText(text);
});

test('a spiked draft can be deleted for good, after an inline confirm', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  await app.headline.fill('Wrong story');
  await app.waitUntilSaved();
  await app.backToDrafts();
  await app.spikeDraft('Wrong story');

  await app.showSpiked();
  const row = app.spikedList.getByRole('listitem').filter({ hasText: 'Wrong story' });
  await row.getByRole('button', { name: 'Delete forever' }).click();
  const confirm = row.getByRole('group', { name: 'Delete Wrong story forever' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByText('No spiked drafts.')).toBeVisible();
  await expect(page.getByText('No drafts yet. Start one with New draft.')).toBeVisible();
});
