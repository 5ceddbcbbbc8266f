import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { CommentsPage } from './host/comments-page';
import { expect, test } from './host/fixtures';
import { VersionsPage } from './host/versions-page';

const HEADLINE = 'Flood closes the Buna bridge';
const LEAD = 'The river rose overnight in Shkodër. Officials closed the bridge before dawn.';

/**
 * Comments on passages (issue 7): a comment and its reply stay anchored while the story is edited
 * around and inside the passage, come back with the draft and with an earlier version, and leave
 * the app in an export only when asked.
 */
test('a comment survives editing, reopening and a version restore, and is exported only when asked', async ({ launch }, testInfo) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const comments = new CommentsPage(page);
  await app.newDraft();
  await app.headline.fill(HEADLINE);
  await app.headline.press('Enter');
  await page.keyboard.insertText(LEAD);
  await app.waitUntilSaved();

  await comments.addComment('closed the bridge', 'Which bridge? Name it.');
  await comments.reply('closed the bridge', 'The old Buna bridge.');
  expect(await comments.marks()).toEqual(['closed the bridge']);

  // Typing before the passage, inside it and after it: the anchor moves with the text.
  await comments.selectPassage('The river', 'start');
  await page.keyboard.insertText('On Sunday, ');
  await comments.selectPassage('closed', 'end');
  await page.keyboard.insertText(' temporarily');
  await comments.selectPassage('before dawn.', 'end');
  await page.keyboard.insertText(' Traffic goes through Shirokë.');
  await expect(app.body).toContainText('On Sunday, The river rose overnight in Shkodër. Officials closed temporarily the bridge before dawn. Traffic goes through Shirokë.');
  expect(await comments.marks()).toEqual(['closed temporarily the bridge']);
  await app.waitUntilSaved();

  // Reopen the draft: the thread and its anchor are saved with the story.
  await app.backToDrafts();
  await app.openDraft(HEADLINE);
  expect(await comments.threads()).toEqual([
    { quote: 'closed the bridge', comments: ['Which bridge? Name it.', 'The old Buna bridge.'], resolved: false },
  ]);
  expect(await comments.marks()).toEqual(['closed temporarily the bridge']);

  // Resolve folds the thread under "Resolved (1)"; reopen brings it back.
  await comments.resolve('closed the bridge');
  expect((await comments.threads())[0]?.resolved).toBe(true);
  await comments.reopen('closed the bridge');
  expect((await comments.threads())[0]?.resolved).toBe(false);
  await app.waitUntilSaved();

  // Keep this as a version, delete the thread, then restore the version: it comes back anchored.
  const history = new VersionsPage(page);
  await history.open();
  await history.name('With the bridge comment');
  await history.close();
  await comments.deleteThread('closed the bridge');
  expect(await comments.marks()).toEqual([]);
  await app.waitUntilSaved();
  await history.open();
  await history.restore(history.row('With the bridge comment'));
  await expect(comments.thread('closed the bridge')).toBeVisible();
  expect(await comments.threads()).toEqual([
    { quote: 'closed the bridge', comments: ['Which bridge? Name it.', 'The old Buna bridge.'], resolved: false },
  ]);
  expect(await comments.marks()).toEqual(['closed temporarily the bridge']);

  // Export: no comment in a plain export; marks and the Comments section when asked.
  const exportHtml = async (review: boolean) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const include = page.getByRole('menuitemcheckbox', { name: /Include comments and suggestions/ });
    if ((await include.getAttribute('aria-checked')) !== String(review)) await include.click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Web page (.html)' }).click();
    const download = await downloading;
    const path = join(testInfo.outputDir, `${review ? 'review' : 'plain'}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    return readFile(path, 'utf8');
  };
  const plain = await exportHtml(false);
  expect(plain).toContain('Officials closed temporarily the bridge before dawn.');
  expect(plain).not.toContain('<mark');
  expect(plain).not.toContain('Which bridge?');

  const reviewed = await exportHtml(true);
  expect(reviewed).toContain('<mark class="comment" title="Comment 1">closed temporarily the bridge</mark>');
  expect(reviewed).toContain('<h2>Comments</h2>');
  expect(reviewed).toContain('Which bridge? Name it.');
  expect(reviewed).toContain('The old Buna bridge.');
});
