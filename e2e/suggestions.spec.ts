import type { Page } from '@playwright/test';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { SuggestionsPage } from './host/suggestions-page';

const HEADLINE = 'Council budget vote';
const TEXT = 'The council will vote on the budget tonight.';

/**
 * Lets the editor catch up with a caret moved by arrow keys: it learns of the move from the
 * page's `selectionchange`, a task that may still be queued when the next key arrives.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** Puts the caret `offset` characters into the story (struck text counts: it is on screen). */
async function caretAt(page: Page, offset: number): Promise<void> {
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < offset; i += 1) await page.keyboard.press('ArrowRight');
  await settle(page);
}

async function select(page: Page, offset: number, length: number): Promise<void> {
  await caretAt(page, offset);
  for (let i = 0; i < length; i += 1) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().length)).toBe(length);
  await settle(page);
}

/**
 * Suggesting mode with real keys in Chromium (issue 7): typing, Delete, Backspace, a word typed
 * over and Ctrl+B all become suggestions shown inline; they survive reopening the draft; publishing
 * is held back while one is open; accepting some and rejecting others gives exactly that text.
 */
test('suggested changes: typed, kept across reopening, accepted and rejected', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const review = new SuggestionsPage(page);
  await app.newDraft();
  await app.headline.fill(HEADLINE);
  await app.headline.press('Enter');
  await page.keyboard.insertText(TEXT);
  await app.waitUntilSaved();

  await review.setSuggesting(true);
  await app.body.locator('p').last().click();
  await expect(app.body).toBeFocused();
  // Right to left, so each offset is still in the original text.
  await caretAt(page, TEXT.length);
  await page.keyboard.type(' Doors open at six.');
  await caretAt(page, 35);
  for (let i = 0; i < ' tonight'.length; i += 1) await page.keyboard.press('Delete');
  await select(page, 29, 'budget'.length);
  await page.keyboard.press('ControlOrMeta+b');
  await caretAt(page, 'The council will '.length);
  for (let i = 0; i < 'will '.length; i += 1) await page.keyboard.press('Backspace');
  await select(page, 4, 'council'.length);
  await page.keyboard.type('mayor');

  const expected = ['Deleted “council”', 'Inserted “mayor”', 'Deleted “will ”', 'Made bold “budget”', 'Deleted “ tonight”', 'Inserted “ Doors open at six.”'];
  await expect.poll(() => review.pending()).toEqual(expected);
  // Shown inline: the struck text stays, the new text is marked; nothing was really removed.
  await expect(app.body).toHaveText('The councilmayor will vote on the budget tonight. Doors open at six.');
  await expect(app.body.locator('del')).toHaveText(['council', 'will ', ' tonight']);
  await expect(app.body.locator('ins')).toHaveText(['mayor', ' Doors open at six.']);
  await expect(app.body.locator('.suggestion-format')).toHaveText('budget');

  // Reopening the draft brings them back as they were.
  await app.waitUntilSaved();
  await app.backToDrafts();
  await app.openDraft(HEADLINE);
  await expect.poll(() => review.pending()).toEqual(expected);
  // Clicking one in the panel selects its text in the story.
  await review.item('budget').getByRole('button', { name: /show in the text/ }).click();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('budget');

  // Publishing is held back while suggestions are open.
  const publishing = page.getByRole('region', { name: 'Publishing' });
  const publish = publishing.getByRole('button', { name: 'Publish', exact: true });
  if (await publish.isEnabled()) await publish.click();
  await expect(publishing.getByText(/6 suggested changes are still open: accept or reject them before publishing\./).first()).toBeVisible();

  await review.accept('council');
  await review.accept('mayor');
  await review.reject('will ');
  await review.accept('budget');
  await review.accept(' tonight');
  await review.reject(' Doors open at six.');
  await expect(review.panel.getByText('No suggested changes.')).toBeVisible();
  await expect(app.body).toHaveText('The mayor will vote on the budget.');
  await expect(app.body.locator('strong, b, .editor-text-bold').filter({ hasText: 'budget' })).toHaveCount(1);
  await expect(app.body.locator('ins, del, .suggestion')).toHaveCount(0);

  await app.waitUntilSaved();
  await app.backToDrafts();
  await app.openDraft(HEADLINE);
  await expect(app.body).toHaveText('The mayor will vote on the budget.');
  await expect(review.items).toHaveCount(0);
});
