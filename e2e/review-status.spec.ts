import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { StatusPage } from './host/status-page';

/** Issue 7, "Who and where": the name at first run, desk statuses with sign-offs, the library filter, changes since filed. */

test('the first run asks for a name, suggests initials, and Settings shows it', async ({ launch }) => {
  const { page } = await launch({ user: null });
  const status = new StatusPage(page);
  await expect(status.firstRunDialog).toBeVisible();
  await status.firstRunDialog.getByLabel('Your name').fill('Ana María Ruiz');
  await expect(status.firstRunDialog.getByLabel('Initials')).toHaveValue('AR');
  await status.firstRunDialog.getByRole('button', { name: 'Start writing' }).click();
  await expect(status.firstRunDialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Your name' });
  await expect(section.getByLabel('Your name')).toHaveValue('Ana María Ruiz');
  await expect(section.getByLabel('Initials')).toHaveValue('AR');
});

test('a launched app with a user is not asked again', async ({ launch }) => {
  const { page } = await launch();
  await expect(page.getByRole('button', { name: 'New draft' })).toBeVisible();
  await expect(new StatusPage(page).firstRunDialog).toHaveCount(0);
});

test('statuses move with signed sign-offs; the library filters by them; changes since filed show the edits', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const status = new StatusPage(page);
  await app.newDraft();
  await app.headline.fill('Council approves budget');
  await app.body.click();
  await page.keyboard.insertText('The council approved the budget on Tuesday.');
  await app.waitUntilSaved();

  await expect(status.badge).toHaveText('Status: Draft');
  expect(await status.offeredMoves()).toEqual(['Move to Filed', 'Move to Spiked']);
  await status.move('Filed', 'Ready for the desk');
  expect(await status.offeredMoves()).toEqual(['Move to In edit', 'Move to Draft', 'Move to Spiked']);
  expect(await status.signOffs()).toEqual([expect.stringMatching(/^Filed by Test Reporter, .+ — Ready for the desk$/)]);

  // Edited after filing: the comparison shows what changed since.
  await app.body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' The vote was 12 to 3.');
  await app.waitUntilSaved();
  await status.control.getByRole('button', { name: 'Changes since filed' }).click();
  const compare = page.getByRole('dialog', { name: 'Changes since filed' });
  await expect(compare.locator('ins')).toContainText(['The vote was 12 to 3.']);
  await compare.getByRole('button', { name: 'Close' }).click();

  await status.move('In edit');
  const offs = await status.signOffs();
  expect(offs).toHaveLength(2);
  expect(offs[0]).toMatch(/^In edit by Test Reporter, /);

  await app.backToDrafts();
  const row = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'Council approves budget' });
  await expect(row.locator('.status-badge')).toHaveText('Status: In edit');
  const desk = page.getByRole('combobox', { name: 'Desk status', exact: true });
  await desk.selectOption('filed');
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(0);
  await desk.selectOption('in-edit');
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
});
