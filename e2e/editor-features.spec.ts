import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { EditorPage, writePng } from './host/editor-page';
import { APP_ORIGIN } from './host/serve-renderer';
import { expect, test } from './host/fixtures';

const HEADLINE = 'Harbour reopens after the storm';
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const BEFORE_REPLACE = 'Avila said avila twice in Ávila, not Avilas.';
const AFTER_REPLACE = 'Durrës said Durrës twice in Durrës, not Avilas.';

/**
 * A journalist uses every tool of the editor (formats by shortcut, the slash and Insert menus, a
 * pull quote with its attribution, a rule, an embed, an image from disk, find and replace, the
 * shortcuts sheet), quits, and finds it all again after a restart. The editor loads nothing
 * from the web on the way.
 */
test('the editor tools work from the keyboard and menus, and the story survives reopening', async ({ launch, context }) => {
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${APP_ORIGIN}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });

  const first = await launch();
  const app = new AppPage(first.page);
  const editor = new EditorPage(first.page);
  const { page } = first;
  await app.newDraft();
  await app.headline.fill(HEADLINE);
  await app.headline.press('Enter');
  await editor.caretInBody();

  // Underline and strikethrough by their shortcuts.
  await page.keyboard.insertText('Plain, ');
  await page.keyboard.press('ControlOrMeta+u');
  await page.keyboard.insertText('underlined');
  await page.keyboard.press('ControlOrMeta+u');
  await page.keyboard.insertText(' and ');
  await page.keyboard.press('ControlOrMeta+Shift+x');
  await page.keyboard.insertText('struck');
  await page.keyboard.press('ControlOrMeta+Shift+x');
  await page.keyboard.insertText(' words.');
  await expect(editor.body.locator('.nr-underline')).toHaveText('underlined');
  await expect(editor.body.locator('.nr-strikethrough')).toHaveText('struck');
  await expect(editor.toolbarButton('Strikethrough')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(BEFORE_REPLACE);
  await page.keyboard.press('Enter');

  // A pull quote through the slash menu, then its attribution.
  await page.keyboard.type('/pull');
  const slash = page.getByRole('listbox', { name: 'Insert' });
  await expect(slash.getByRole('option')).toHaveText(['Pull quote']);
  await page.keyboard.press('Enter');
  await expect(slash).toHaveCount(0);
  await page.keyboard.insertText('We will not stop.');
  await expect(editor.body.locator('aside.pull-quote')).toHaveText('We will not stop.');
  await page.getByLabel('Attribution').fill('the harbour master');
  await expect(editor.body.locator('aside.pull-quote')).toHaveAttribute('data-attribution', 'the harbour master');

  // A rule and an embed from the Insert menu, after the pull quote.
  await editor.caretAtEnd();
  await page.keyboard.press('Enter');
  await editor.insert('Horizontal rule');
  await expect(editor.body.locator('hr')).toHaveCount(1);
  await editor.insert('Embed');
  await page.getByLabel('Embed URL').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add embed' }).click();
  await expect(page.getByRole('alert')).toHaveText('An embed needs a web address starting with http:// or https://');
  await page.getByLabel('Embed URL').fill(YOUTUBE);
  await page.getByRole('button', { name: 'Add embed' }).click();
  const embed = editor.body.getByRole('figure', { name: 'YouTube video' });
  await expect(embed).toContainText(YOUTUBE);
  await expect(editor.body.locator('iframe')).toHaveCount(0);

  // An inline image from a real PNG on disk, with caption, credit and alt text.
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-png-'));
  await editor.insert('Image');
  await page.getByLabel('Image file', { exact: true }).setInputFiles(await writePng(folder));
  const image = editor.body.getByRole('figure', { name: 'Image' });
  await expect(image.locator('img')).toBeVisible();
  await expect(image.locator('img')).toHaveAttribute('src', /^blob:/);
  await image.getByLabel('Image caption').fill('The harbour at dawn');
  await image.getByLabel('Image credit').fill('Agency photo');
  await image.getByLabel('Image alt text').fill('Fishing boats moored in a calm harbour');
  await expect(image.locator('img')).toHaveAttribute('alt', 'Fishing boats moored in a calm harbour');

  // Find and replace: whole words, replace all, and one undo brings everything back.
  await editor.caretAtEnd();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(editor.findBar).toBeVisible();
  await editor.findBar.getByLabel('Find', { exact: true }).fill('avila');
  await expect(editor.findBar.getByRole('status')).toHaveText('1 of 4');
  await editor.findBar.getByLabel('Whole word').check();
  await expect(editor.findBar.getByRole('status')).toHaveText('1 of 3');
  await editor.findBar.getByRole('button', { name: 'Next' }).click();
  await expect(editor.findBar.getByRole('status')).toHaveText('2 of 3');
  await editor.findBar.getByLabel('Replace', { exact: true }).fill('Durrës');
  await editor.findBar.getByRole('button', { name: 'Replace all' }).click();
  await expect(editor.body.locator('p', { hasText: 'twice in' })).toHaveText(AFTER_REPLACE);
  await expect(editor.findBar.getByRole('status')).toHaveText('No matches');
  await page.keyboard.press('Escape');
  await expect(editor.findBar).toHaveCount(0);
  await editor.caretInBody();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.body.locator('p', { hasText: 'twice in' })).toHaveText(BEFORE_REPLACE);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(editor.body.locator('p', { hasText: 'twice in' })).toHaveText(AFTER_REPLACE);

  // The shortcuts sheet, from its shortcut, and back to the text with Escape.
  await page.keyboard.press('ControlOrMeta+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Strikethrough/ })).toContainText(/Shift\+X|⇧⌘X/);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await editor.caretInBody();

  await app.waitUntilSaved();
  const list = await first.host.router.handle('drafts.list', {});
  const draftId = list.ok ? (list.value as { drafts: Array<{ id: string }> }).drafts[0]!.id : '';
  const draftFolder = join(first.host.dataFolder, 'drafts', draftId);
  const saved = await readFile(join(draftFolder, 'draft.json'), 'utf8');
  for (const type of ['"pullquote"', '"horizontalrule"', '"embed"', '"article-image"']) expect(saved).toContain(type);
  const assets = await readdir(join(draftFolder, 'assets'));
  expect(assets).toHaveLength(1);
  expect(saved).toContain(assets[0]!);
  await first.host.quit();

  // A fresh start on the same folder: everything is where it was.
  const second = await launch({ dataFolder: first.host.dataFolder });
  const reopened = new AppPage(second.page);
  const again = new EditorPage(second.page);
  await reopened.openDraft(HEADLINE);
  await expect(again.body.locator('.nr-underline')).toHaveText('underlined');
  await expect(again.body.locator('.nr-strikethrough')).toHaveText('struck');
  await expect(again.body.locator('p', { hasText: 'twice in' })).toHaveText(AFTER_REPLACE);
  await expect(again.body.locator('aside.pull-quote')).toHaveText('We will not stop.');
  await expect(again.body.locator('aside.pull-quote')).toHaveAttribute('data-attribution', 'the harbour master');
  await expect(again.body.locator('hr')).toHaveCount(1);
  await expect(again.body.getByRole('figure', { name: 'YouTube video' })).toContainText(YOUTUBE);
  const reopenedImage = again.body.getByRole('figure', { name: 'Image' });
  await expect(reopenedImage.locator('img')).toBeVisible();
  await expect(reopenedImage.getByLabel('Image caption')).toHaveValue('The harbour at dawn');
  await expect(reopenedImage.getByLabel('Image credit')).toHaveValue('Agency photo');
  await expect(reopenedImage.getByLabel('Image alt text')).toHaveValue('Fishing boats moored in a calm harbour');

  expect(outside, 'the editor must not load anything from the web').toEqual([]);
});

test('keys typed right after applying a link land in the story', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  await app.newDraft();
  await app.headline.fill('Link then type at once');
  await app.headline.press('Enter');
  await page.keyboard.insertText('Read the statement');
  await app.selectBackwards('statement'.length);
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('statement');
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByLabel('Link address').fill('https://www.asp.gov.al/');
  // The very moment Apply has been handled, before anything else can run, the focus and the
  // selection are back in the story: the next key a fast typist presses cannot go astray.
  const rightAfter = await page.evaluate(() => {
    const apply = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Apply');
    apply?.click();
    return { focused: document.activeElement?.getAttribute('aria-label'), selected: document.getSelection()?.toString() };
  });
  expect(rightAfter).toEqual({ focused: 'Article body', selected: 'statement' });
  await page.keyboard.press('End');
  await page.keyboard.insertText(' now.');
  await expect(editor.body.locator('p').first()).toHaveText('Read the statement now.');
  await expect(editor.body.locator('a')).toHaveText('statement');
});
