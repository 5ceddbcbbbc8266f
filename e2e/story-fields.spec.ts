import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { FieldsPage } from './host/fields-page';
import { solidPng } from './host/png';
import { expect, test } from './host/fixtures';

const HEADLINE = 'Julian Ávila Polo speaks';

/**
 * A journalist fills every story field, attaches a picture whose original is then deleted, leaves
 * and reopens the draft: everything is still there. Then the desk makes the standfirst required,
 * and Publish waits until it is written.
 */
test('story fields are kept, the image survives its original, and the house rules hold Publish back', async ({ launch }) => {
  const { page, host } = await launch();
  const app = new AppPage(page);
  const fields = new FieldsPage(page);
  await app.newDraft();
  await expect(fields.panel).toBeVisible();

  // The headline budget (90 by default): near from 81 characters, over past 90.
  await app.headline.fill('x'.repeat(85));
  expect(await fields.budgetOf('Headline')).toEqual({ text: '85 / 90', state: 'near' });
  await app.headline.fill('x'.repeat(95));
  expect(await fields.budgetOf('Headline')).toEqual({ text: '95 / 90', state: 'over' });
  await expect(fields.checklist).toContainText('Headline is 5 characters over its budget of 90.');
  await expect(fields.publishButton).toBeDisabled();

  // The slug follows the headline, accents transliterated, until it is edited.
  await app.headline.fill('Julian Ávila Polo');
  await expect(fields.field('Slug')).toHaveValue('julian-avila-polo');
  expect(await fields.budgetOf('Headline')).toEqual({ text: '17 / 90', state: 'ok' });
  await fields.field('Slug').fill('avila Interview');
  await fields.field('Slug').blur();
  await expect(fields.field('Slug')).toHaveValue('avila-interview');
  await app.headline.fill(HEADLINE);
  await expect(fields.field('Slug')).toHaveValue('avila-interview');

  await fields.field('Standfirst').fill('The mayor explains the budget.');
  await fields.field('Byline').fill('Ana Pérez, Luis Gómez');
  await expect(fields.panel.getByText('By Ana Pérez and Luis Gómez')).toBeVisible();
  await fields.field('Section').fill('Politics');
  await fields.field('Tags').fill('budget, council');
  await fields.field('Dateline place').fill('KYIV');
  await fields.field('Dateline date').fill('2026-11-28');
  await fields.field('SEO title').fill('s'.repeat(55));
  expect(await fields.budgetOf('SEO title')).toEqual({ text: '55 / 60', state: 'near' });
  await fields.field('SEO description').fill('What the budget means for Kyiv.');
  await fields.field('Editorial note').fill('Check the figures with Ana before 18:00.');
  await fields.field('Length target').fill('400');

  // The picture comes from a folder the journalist then cleans out.
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-picture-'));
  const original = join(folder, 'mayor.png');
  await writeFile(original, solidPng(12, 8));
  await fields.field('Featured image file').setInputFiles(original);
  expect(await fields.previewWidth()).toBe(12);
  await fields.field('Featured image caption').fill('The mayor in his office.');
  await fields.field('Featured image credit').fill('Ana Pérez');
  await fields.field('Featured image alt text').fill('A man at a desk');
  await rm(folder, { recursive: true });

  await expect(fields.checklist).toHaveCount(0);
  await expect(fields.publishButton).toBeEnabled();
  await app.waitUntilSaved();
  await app.backToDrafts();
  await app.openDraft(HEADLINE);

  await expect(app.headline).toHaveValue(HEADLINE);
  const expected: Array<[string, string]> = [
    ['Slug', 'avila-interview'],
    ['Standfirst', 'The mayor explains the budget.'],
    ['Byline', 'Ana Pérez, Luis Gómez'],
    ['Section', 'Politics'],
    ['Tags', 'budget, council'],
    ['Dateline place', 'KYIV'],
    ['Dateline date', '2026-11-28'],
    ['SEO title', 's'.repeat(55)],
    ['SEO description', 'What the budget means for Kyiv.'],
    ['Editorial note', 'Check the figures with Ana before 18:00.'],
    ['Length target', '400'],
    ['Featured image caption', 'The mayor in his office.'],
    ['Featured image credit', 'Ana Pérez'],
    ['Featured image alt text', 'A man at a desk'],
  ];
  for (const [name, value] of expected) await expect(fields.field(name), name).toHaveValue(value);
  expect(await fields.previewWidth()).toBe(12);

  // On disk, the note is in the draft (it is only kept out of what is published and exported).
  const list = await host.router.handle('drafts.list', {});
  const id = list.ok ? (list.value as { drafts: Array<{ id: string }> }).drafts[0]!.id : '';
  const saved = JSON.parse(await readFile(join(host.dataFolder, 'drafts', id, 'draft.json'), 'utf8'));
  expect(saved.article).toMatchObject({ editorialNote: 'Check the figures with Ana before 18:00.', slugFollowsHeadline: false, targetWords: 400 });

  // The desk now requires a standfirst; this story loses its own.
  await fields.field('Standfirst').fill('');
  await app.waitUntilSaved();
  await app.backToDrafts();
  await page.getByRole('button', { name: 'Settings' }).click();
  const standfirstRequired = page.getByRole('checkbox', { name: 'Required to publish: Standfirst', exact: true });
  await expect(standfirstRequired).toBeEnabled();
  await standfirstRequired.check();
  await page.getByRole('button', { name: 'Apply house rules' }).click();
  await expect(page.getByText('House rules saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to drafts' }).click();

  await app.openDraft(HEADLINE);
  await expect(fields.checklist.getByRole('listitem')).toHaveText(['Standfirst is missing.']);
  await expect(fields.publishButton).toBeDisabled();
  await fields.field('Standfirst').fill('The mayor explains the budget.');
  await expect(fields.checklist).toHaveCount(0);
  await expect(fields.publishButton).toBeEnabled();
});
