import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { loadSampleArticle } from './host/sample-article';

const article = loadSampleArticle();

/**
 * A journalist types the sample story with every kind of formatting the skeleton offers, quits,
 * and starts the app again on the same data folder: the story is there exactly as typed.
 */
test('a typed article survives quitting and reopening, byte for byte', async ({ launch }) => {
  const first = await launch();
  const app = new AppPage(first.page);
  await app.newDraft();
  await app.headline.fill(article.headline);
  await app.headline.press('Enter');

  const [lead, second, ...rest] = article.paragraphs;
  // Lead paragraph with a bold run typed with the shortcut.
  await first.page.keyboard.insertText('The General Director of the State Police, ');
  await first.page.keyboard.press('ControlOrMeta+b');
  await first.page.keyboard.insertText('Chief Madhor Muhamet Rrumbullaku');
  await first.page.keyboard.press('ControlOrMeta+b');
  await first.page.keyboard.insertText(lead!.slice(lead!.indexOf(', welcomed') ));
  await first.page.keyboard.press('Enter');
  await first.page.keyboard.insertText(second!);
  await first.page.keyboard.press('Enter');
  // A heading through the Markdown shortcut.
  await first.page.keyboard.type('## ');
  await first.page.keyboard.insertText('Border cooperation');
  await first.page.keyboard.press('Enter');
  // A paragraph with a link made with Ctrl+K.
  await first.page.keyboard.insertText('Read the statement of the State Police.');
  await app.selectBackwards('statement of the State Police.'.length);
  // Key presses arrive faster than any hand; wait until the page has the selection a person sees.
  await expect.poll(() => first.page.evaluate(() => document.getSelection()?.toString())).toBe('statement of the State Police.');
  await first.page.keyboard.press('ControlOrMeta+k');
  await first.page.getByLabel('Link address').fill('https://www.asp.gov.al/');
  await first.page.getByRole('button', { name: 'Apply' }).click();
  await expect(app.body.locator('a')).toHaveText('statement of the State Police.');
  // Applying hands the focus back to the body with the linked words still selected, as a person
  // sees it; move to the end of the line only once that has happened.
  await expect(app.body).toBeFocused();
  await first.page.keyboard.press('End');
  await expect.poll(() => first.page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);
  await first.page.keyboard.press('Enter');
  // A bulleted list through the Markdown shortcut, ended by an empty item.
  await first.page.keyboard.type('- ');
  await first.page.keyboard.insertText('Exchange of information on trafficking');
  await first.page.keyboard.press('Enter');
  await first.page.keyboard.insertText('Repatriation of Albanian citizens');
  await first.page.keyboard.press('Enter');
  await first.page.keyboard.press('Enter');
  for (const [index, paragraph] of rest.entries()) {
    await first.page.keyboard.insertText(paragraph);
    if (index < rest.length - 1) await first.page.keyboard.press('Enter');
  }
  await app.waitUntilSaved();

  // What the journalist sees, and what is on disk, before quitting.
  const html = await app.body.innerHTML();
  await expect(app.body.locator('strong')).toHaveText('Chief Madhor Muhamet Rrumbullaku');
  await expect(app.body.locator('h2')).toHaveText('Border cooperation');
  await expect(app.body.locator('a')).toHaveAttribute('href', 'https://www.asp.gov.al/');
  await expect(app.body.locator('ul > li')).toHaveText(['Exchange of information on trafficking', 'Repatriation of Albanian citizens']);
  await expect(app.body.locator('p').last()).toHaveText(rest.at(-1)!);
  const list = await first.host.router.handle('drafts.list', {});
  expect(list.ok).toBe(true);
  const draftId = list.ok ? (list.value as { drafts: Array<{ id: string }> }).drafts[0]!.id : '';
  const file = join(first.host.dataFolder, 'drafts', draftId, 'draft.json');
  const savedBefore = JSON.parse(await readFile(file, 'utf8'));
  expect(savedBefore.article.headline).toBe(article.headline);

  await first.host.quit();

  // A fresh start on the same folder.
  const second_ = await launch({ dataFolder: first.host.dataFolder });
  const reopened = new AppPage(second_.page);
  const row = second_.page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/\d+ words/);
  await reopened.openDraft(article.headline);
  await expect(reopened.headline).toHaveValue(article.headline);
  expect(await reopened.body.innerHTML()).toBe(html);
  expect(await reopened.body.innerText()).toContain('Julian Ávila Polo');
  // Opening must not rewrite the file: the bytes on disk are those of the last save.
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(savedBefore);
});

test('words typed just before quitting are saved by the quit itself', async ({ launch }) => {
  const { page, host } = await launch();
  const app = new AppPage(page);
  await app.newDraft();
  await app.headline.fill('Quit right after typing');
  await app.body.click();
  await page.keyboard.type('Last words before quitting', { delay: 5 });
  // Quit at once, well inside the autosave delay: the quit flush must save it.
  await host.quit();
  const restarted = await launch({ dataFolder: host.dataFolder });
  const again = new AppPage(restarted.page);
  await again.openDraft('Quit right after typing');
  await expect(again.body).toHaveText('Last words before quitting');
});
