import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { loadSampleArticle } from './host/sample-article';
import { paragraphsOf, WordPressReader } from './host/wordpress';

const article = loadSampleArticle();

/** The desk publishes to the real WordPress on 127.0.0.1 and reads the post back through its API. */
test('publish the sample article, then edit and publish again into the same post', async ({ launch, wordpress }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  await app.configureWordPress({ url: wordpress.url, username: wordpress.username, password: wordpress.applicationPassword });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^Connected as /)).toBeVisible();
  await page.getByRole('button', { name: /Back to/ }).click();

  // Each run gets its own headline so posts from earlier runs cannot satisfy the checks.
  const headline = `${article.headline} (${Date.now()})`;
  await app.newDraft();
  await app.headline.fill(headline);
  await app.headline.press('Enter');
  for (const [index, paragraph] of article.paragraphs.entries()) {
    await page.keyboard.insertText(paragraph);
    if (index < article.paragraphs.length - 1) await page.keyboard.press('Enter');
  }

  await page.getByRole('button', { name: 'Publish' }).click();
  const published = page.getByText(/^Published: /);
  await expect(published).toBeVisible({ timeout: 20_000 });
  const url = (await published.textContent())!.replace(/^Published: /, '').trim();
  expect(url).toMatch(new RegExp(`^${wordpress.url.replace(/[.]/g, '\\.')}/`));

  const reader = new WordPressReader(wordpress);
  const [post] = await reader.postsTitled(headline);
  expect(post).toBeDefined();
  expect(post!.status).toBe('publish');
  expect(post!.link).toBe(url);
  expect(paragraphsOf(post!.content.rendered)).toEqual(article.paragraphs);
  expect(post!.content.rendered).toContain('Julian Ávila Polo');

  // Edit: a new closing paragraph, then publish again.
  await app.body.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Updated: the two forces will meet again in spring.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Publishing…' })).toBeHidden({ timeout: 20_000 });
  await expect(published).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  const updated = await reader.post(post!.id);
  expect(paragraphsOf(updated.content.rendered)).toEqual([...article.paragraphs, 'Updated: the two forces will meet again in spring.']);
  expect(await reader.postsTitled(headline)).toHaveLength(1);

  // The library says it is published.
  await app.backToDrafts();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: headline })).toContainText('Published');
});

test('a wrong application password gets a clear message and loses nothing', async ({ launch, wordpress }) => {
  const { page, host } = await launch();
  const app = new AppPage(page);
  await app.configureWordPress({ url: wordpress.url, username: wordpress.username, password: 'abcd EFGH ijkl MNOP qrst UVWX' });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert')).toContainText('did not accept the user name or application password');
  await page.getByRole('button', { name: /Back to/ }).click();

  await app.newDraft();
  await app.headline.fill('Not to be lost');
  await app.headline.press('Enter');
  await page.keyboard.insertText(article.paragraphs[0]!);
  await app.waitUntilSaved();
  const list = await host.router.handle('drafts.list', {});
  const draftId = list.ok ? (list.value as { drafts: Array<{ id: string }> }).drafts[0]!.id : '';
  const file = join(host.dataFolder, 'drafts', draftId, 'draft.json');
  const before = await readFile(file, 'utf8');

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('alert')).toContainText('did not accept the user name or application password. Check them in Settings.');
  await expect(app.body).toHaveText(article.paragraphs[0]!);
  await expect(app.headline).toHaveValue('Not to be lost');
  expect(await readFile(file, 'utf8')).toBe(before);
  expect(await new WordPressReader(wordpress).postsTitled('Not to be lost')).toHaveLength(0);
});
