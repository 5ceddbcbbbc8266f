import { AppPage } from './host/app-page';
import { FieldsPage } from './host/fields-page';
import { expect, test } from './host/fixtures';
import { LibraryPage } from './host/library-page';

/**
 * A reporter starts breaking news from the built-in template (section, tag and the first line to
 * type over are there), then the desk adds its own "Court report" template in Settings, a story
 * starts from it with its fields, and the template is deleted again.
 */
test('new draft from a built-in template and from the desk’s own, with fields prefilled', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const library = new LibraryPage(page);
  const fields = new FieldsPage(page);

  await library.newFromTemplate('Breaking news');
  await expect(fields.field('Section')).toHaveValue('News');
  await expect(fields.field('Tags')).toHaveValue('Breaking');
  await expect(app.body).toContainText('WHAT HAPPENED, WHERE, WHEN — in one sentence.');
  await app.headline.fill('Bridge collapses on the A4');
  await app.waitUntilSaved();
  await app.backToDrafts();
  await expect(library.row('Bridge collapses on the A4')).toContainText('News');

  await library.openSettings();
  await expect(library.templatesSection.getByRole('listitem')).toHaveText(['Breaking news (built in)', 'Interview (built in)', 'Analysis (built in)']);
  await library.addTemplate({
    name: 'Court report',
    section: 'Courts',
    tags: 'Justice, Trials',
    standfirst: 'WHO was tried for WHAT, and the verdict.',
    firstParagraph: 'THE VERDICT in one sentence.\n\nWHAT THE JUDGE SAID.',
  });
  await page.getByRole('button', { name: 'Back to drafts' }).click();

  await library.newFromTemplate('Court report');
  await expect(fields.field('Section')).toHaveValue('Courts');
  await expect(fields.field('Tags')).toHaveValue('Justice, Trials');
  await expect(fields.field('Standfirst')).toHaveValue('WHO was tried for WHAT, and the verdict.');
  await expect(app.body.locator('p')).toHaveText(['THE VERDICT in one sentence.', 'WHAT THE JUDGE SAID.']);
  await app.backToDrafts();

  await library.openSettings();
  await library.templatesSection.getByRole('button', { name: 'Delete template Court report' }).click();
  await expect(library.templatesSection.getByRole('status')).toHaveText('Template “Court report” deleted.');
  await expect(library.templatesSection.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Back to drafts' }).click();
  await expect(page.getByRole('combobox', { name: 'New from template' }).locator('option')).toHaveText(['From template…', 'Breaking news', 'Interview', 'Analysis']);
});
