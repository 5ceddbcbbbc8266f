import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { loadSampleArticle } from './host/sample-article';

const article = loadSampleArticle();

/** A journalist finds a story by a name typed without its accent, and opens it from the results. */
test('search finds "Ávila" when typed as "avila", marks the match and opens the draft', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  await app.headline.fill(article.headline);
  await app.headline.press('Enter');
  await page.keyboard.insertText(article.paragraphs[0]!);
  await app.waitUntilSaved();
  await app.backToDrafts();
  await app.newDraft();
  await app.headline.fill('Budget vote delayed in parliament');
  await app.waitUntilSaved();
  await app.backToDrafts();

  await page.getByLabel('Search drafts').fill('avila');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText('1 draft matches.');
  await expect(results.locator('mark').first()).toHaveText('Ávila');
  await expect(results.getByRole('listitem')).toHaveCount(1);

  await results.getByRole('button', { name: new RegExp(article.headline.slice(0, 30).replace(/[/]/g, '\\/')) }).click();
  await expect(app.headline).toHaveValue(article.headline);

  await app.backToDrafts();
  await page.getByLabel('Search drafts').fill('zebra crossing');
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText('No drafts match.');
  await page.getByLabel('Search drafts').fill('');
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(2);
});
