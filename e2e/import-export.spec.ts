import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { sampleDocx } from './fixtures/import/sample-docx';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { clipboardFixture } from './host/paste-page';

/**
 * Import from files into new drafts, and export a draft to every format, through the library's
 * Import… button and the draft's Export menu, in Chromium against the real services.
 */
const IMPORT_FIXTURES = join(import.meta.dirname, 'fixtures', 'import');

async function importFile(page: Page, path: string): Promise<AppPage> {
  const app = new AppPage(page);
  await page.getByLabel('Import file').setInputFiles(path);
  await expect(app.body).toBeVisible();
  return app;
}

async function blockTexts(app: AppPage): Promise<string[]> {
  return app.body.evaluate((element) =>
    Array.from(element.querySelectorAll(':scope > p, :scope > h2, :scope > h3, li, :scope > blockquote'))
      .map((node) => (node.textContent ?? '').trim())
      .filter(Boolean),
  );
}

test('importing .txt, .md, Word-like .html and .docx gives new drafts with headline and structure', async ({ launch }) => {
  const { page } = await launch();
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-import-'));
  const html = join(folder, 'floods.html');
  await writeFile(html, clipboardFixture('word-windows'));
  const docx = join(folder, 'library.docx');
  await writeFile(docx, await sampleDocx());

  let app = await importFile(page, join(IMPORT_FIXTURES, 'storm.txt'));
  await expect(app.headline).toHaveValue('Storm closes the port');
  await expect(app.body.locator('p')).toHaveText(['Ships were held in the bay overnight as winds reached 100 km/h.', 'The port reopens at noon, the harbour master said.']);
  await app.backToDrafts();

  app = await importFile(page, join(IMPORT_FIXTURES, 'budget.md'));
  await expect(app.headline).toHaveValue('Budget passes by two votes');
  await expect(app.body.locator('strong')).toHaveText('vote');
  await expect(app.body.locator('h2')).toHaveText('Reaction');
  await expect(app.body.locator('ul > li')).toHaveText(['Unions welcomed the pay rise', 'Business groups warned about taxes']);
  await expect(app.body.locator('a')).toHaveAttribute('href', 'https://example.gov/budget');
  await app.backToDrafts();

  app = await importFile(page, html);
  await expect(app.headline).toHaveValue('Floods close the valley road');
  await expect(app.body.locator('ol > li')).toHaveText(['Avoid the valley floor', 'Call 999 if you are trapped']);
  await expect(app.body.locator('ul ul li')).toHaveText(['Buses replace the school trains']);
  await expect(app.body.getByText('was not copied into the draft')).toBeVisible();
  expect(await app.body.innerHTML()).not.toMatch(/mso-|file:|<o:p/);
  await app.backToDrafts();

  app = await importFile(page, docx);
  await expect(app.headline).toHaveValue('Library opens after repairs');
  await expect(app.body.locator('strong')).toHaveText('Monday');
  await expect(app.body.locator('em')).toHaveText('two years');
  await expect(app.body.locator('h2')).toHaveText('What is new');
  await expect(app.body.locator('ul > li')).toHaveText(['A children’s floor', 'Longer opening hours']);
  await expect(app.body.locator('a')).toHaveAttribute('href', 'https://library.example.org/');
  await app.backToDrafts();

  const drafts = page.getByRole('list', { name: 'Drafts' });
  for (const headline of ['Storm closes the port', 'Budget passes by two votes', 'Floods close the valley road', 'Library opens after repairs']) {
    await expect(drafts.getByRole('button', { name: headline })).toHaveCount(1);
  }
});

test('an unsupported or damaged file is refused in plain words', async ({ launch }) => {
  const { page } = await launch();
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-import-'));
  const pdf = join(folder, 'story.pdf');
  await writeFile(pdf, '%PDF-1.7 not a story');
  await page.getByLabel('Import file').setInputFiles(pdf);
  await expect(page.getByRole('alert')).toHaveText(/story\.pdf cannot be imported/);
  const docx = join(folder, 'broken.docx');
  await writeFile(docx, 'this is not a zip');
  await page.getByLabel('Import file').setInputFiles(docx);
  await expect(page.getByRole('alert')).toHaveText(/broken\.docx could not be read/);
});

test('export to every format has the story fields, never the editorial note, and re-imports to the same body', async ({ launch }) => {
  const { page, host } = await launch();
  let app = await importFile(page, join(IMPORT_FIXTURES, 'budget.md'));
  await expect(app.headline).toHaveValue('Budget passes by two votes');
  const originalBody = await blockTexts(app);
  await app.backToDrafts();

  // The story fields, set through the contract as the fields panel would save them.
  const list = await host.router.handle('drafts.list', {});
  const id = list.ok ? (list.value as { drafts: Array<{ id: string }> }).drafts[0]!.id : '';
  const opened = await host.router.handle('drafts.open', { id });
  if (!opened.ok) throw new Error('draft did not open');
  const article = (opened.value as { article: Record<string, unknown> }).article;
  const saved = await host.router.handle('drafts.save', {
    id,
    article: { ...article, standfirst: 'MPs approve the spending plan after a late-night session.', byline: ['Jane Doe'], editorialNote: 'LEGAL CHECK PENDING do not publish' },
  });
  expect(saved.ok).toBe(true);
  await app.openDraft('Budget passes by two votes');
  app = new AppPage(page);

  const exported: Record<string, string> = {};
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-export-'));
  for (const [label, format] of [['Web page (.html)', 'html'], ['Markdown (.md)', 'md'], ['Plain text (.txt)', 'txt'], ['Word (.docx)', 'docx']] as const) {
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: label }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    exported[format] = format === 'docx' ? (await mammoth.extractRawText({ path })).value : await readFile(path, 'utf8');
  }
  for (const [format, text] of Object.entries(exported)) {
    expect(text, format).toContain('Budget passes by two votes');
    expect(text, format).toContain('MPs approve the spending plan');
    expect(text, format).toContain('Jane Doe');
    expect(text, format).toContain('Unions welcomed the pay rise');
    expect(text, format).not.toContain('LEGAL CHECK PENDING');
  }
  expect(exported.html).not.toMatch(/<script|\son\w+=/i);

  // Our own .md and .html come back with the same body text (the fields come back as body text too).
  await app.backToDrafts();
  for (const format of ['md', 'html']) {
    const path = join(folder, `again.${format}`);
    await writeFile(path, exported[format]!);
    const again = await importFile(page, path);
    await expect(again.headline).toHaveValue('Budget passes by two votes');
    const body = await blockTexts(again);
    const start = body.indexOf(originalBody[0]!);
    expect(start, `${format}: ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(0);
    expect(body.slice(start, start + originalBody.length), format).toEqual(originalBody);
    await again.backToDrafts();
  }
});
