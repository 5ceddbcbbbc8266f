import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { invokeInPage } from './host/outbox-page';
import { PublishPanelPage } from './host/publish-panel-page';

/**
 * The publish panel against the real services, to the fresh install's default destination (the
 * local folder, so no network is needed): preview, publish, the badge going "behind" after an edit,
 * update, unpublish after confirming, and the publish log telling it all.
 */
test('publish to the local folder, see the copy fall behind, update, unpublish, read the log', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  await invokeInPage(page, 'drafts.create', {
    article: { headline: 'Harbour reopens after storm', byline: ['A. Reporter'], section: 'News', slug: 'harbour-reopens', slugFollowsHeadline: false },
  });
  await page.reload();
  await app.openDraft('Harbour reopens after storm');

  await expect(publish.destination.locator('option:checked')).toHaveText(/\(default\)$/);
  await expect(publish.badge).toHaveText('Not published yet');

  await publish.button('Preview').click();
  const preview = publish.dialog(await previewName(publish));
  await expect(preview.getByRole('table', { name: 'What the local folder receives' })).toBeVisible();
  await expect(preview.locator('pre')).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  await publish.button('Publish').click();
  await expect(publish.outcome(/^(Published|Published on)/)).toBeVisible();
  await expect(publish.badge).toContainText('Live — up to date');
  await expect(publish.button('Update')).toBeVisible();

  // An edit saved after the publish: the live copy is now older than the draft.
  await app.body.click();
  await page.keyboard.insertText('The ferry runs again from Monday.');
  await app.waitUntilSaved();
  await expect(publish.badge).toContainText('Live copy is behind your draft');
  await publish.button('Update').click();
  await expect(publish.badge).toContainText('Live — up to date');

  await publish.button('Unpublish').click();
  const confirm = page.getByRole('dialog', { name: /^Unpublish from / });
  await confirm.getByRole('button', { name: 'Unpublish' }).click();
  await expect(publish.badge).toHaveText('Unpublished');
  await expect(publish.outcome(/^Unpublished on /)).toBeVisible();

  const items = await publish.logItems();
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Unpublished · Sent');
  await expect(items.nth(1)).toContainText('Updated · Sent');
  await expect(items.nth(2)).toContainText('Published · Sent');
});

/** The preview dialog is named after the chosen profile. */
async function previewName(publish: PublishPanelPage): Promise<string> {
  const name = (await publish.destination.locator('option:checked').textContent())?.replace(/ \(default\)$/, '') ?? '';
  return `Preview for ${name}`;
}

test('an embargoed story waits in the outbox; a live one takes a correction with its note', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  for (const headline of ['Embargoed budget', 'Corrected budget']) {
    await invokeInPage(page, 'drafts.create', { article: { headline, byline: ['A. Reporter'], section: 'News', slug: headline.toLowerCase().replace(' ', '-'), slugFollowsHeadline: false } });
  }
  await page.reload();

  await app.openDraft('Embargoed budget');
  // A year ahead: the job may not go before then.
  await publish.panel.getByLabel('Embargo until').fill(`${new Date().getFullYear() + 1}-01-15T09:30`);
  await expect(publish.panel.getByText(/^Embargoed until 15 Jan \d{4}, \d\d:\d\d UTC · .*your time$/)).toBeVisible();
  await publish.button('Publish').click();
  await expect(publish.outcome(/^Waiting for the embargo until 15 Jan/)).toBeVisible();
  await expect(publish.badge).toHaveText('Not published yet');
  const waiting = await publish.logItems();
  await expect(waiting).toHaveCount(1);
  await expect(waiting.first()).toContainText('Published · Queued');
  await app.backToDrafts();

  await app.openDraft('Corrected budget');
  await publish.button('Publish').click();
  await expect(publish.badge).toContainText('Live — up to date');
  await publish.button('Correction…').click();
  const dialog = publish.dialog(/^Correction on /);
  await dialog.getByLabel('Correction note').fill('An earlier version gave the wrong total.');
  await dialog.getByRole('button', { name: 'Publish correction' }).click();
  await expect(publish.outcome(/^Correction published/)).toBeVisible();
  const items = await publish.logItems();
  await expect(items.first()).toContainText('Correction · Sent');
  await expect(items.first()).toContainText('Correction note: An earlier version gave the wrong total.');
});
