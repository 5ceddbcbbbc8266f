import type { Page } from '@playwright/test';
import { AppPage } from './host/app-page';
import { CommentsPage } from './host/comments-page';
import { DeskPage, DeskStatus } from './host/desk-page';
import { expect, test } from './host/fixtures';
import { PublishPanelPage } from './host/publish-panel-page';
import { loadSampleArticle } from './host/sample-article';
import { fillStoryFields } from './host/story-fields-form';
import { SuggestionsPage } from './host/suggestions-page';
import { paragraphsOf, WordPressReader } from './host/wordpress';

const article = loadSampleArticle();
const SITE = 'Daily site';

/** The editor's changes, each made in suggesting mode; the reporter accepts the first and third, rejects the others. */
const INSERTED = ' The meeting lasted two hours.';
const DELETED = 'bureaucratic ';
const REPLACED = { old: 'compact', new: 'modern' };
const KEPT = { old: 'virtual', new: 'digital' };
const PASSAGE = 'the heads of the 2 departments';
/** As the suggestions panel lists them, in story order (a replaced word: its struck part, then the new one). */
const SUGGESTED = [
  `Inserted “${INSERTED}”`,
  `Deleted “${DELETED}”`,
  `Deleted “${REPLACED.old}”`,
  `Inserted “${REPLACED.new}”`,
  `Deleted “${KEPT.old}”`,
  `Inserted “${KEPT.new}”`,
];
const COMMENT = 'COMMENT-MARKER: check the number of departments with the ministry.';
const REPLY = 'REPLY-MARKER: two departments, confirmed.';

/** Everything one journalist sees and does: their own page, app, desk and review panels. */
function desk(page: Page) {
  return { page, app: new AppPage(page), desk: new DeskPage(page), status: new DeskStatus(page), suggestions: new SuggestionsPage(page), comments: new CommentsPage(page) };
}

async function useWordPress(page: Page, wordpress: { url: string; username: string; applicationPassword: string }) {
  await new AppPage(page).configureWordPress({ url: wordpress.url, username: wordpress.username, password: wordpress.applicationPassword, name: SITE });
  await page.getByRole('button', { name: /Back to/ }).click();
}

/** Done means (issue 7): two users, one WordPress; the published text is exactly the accepted result. */
test('the desk through WordPress: file, suggest and comment, accept some and reject others, reply, publish the accepted text', async ({ launch, wordpress }) => {
  test.setTimeout(300_000);
  const ana = desk((await launch({ user: { name: 'Ana Ruiz', initials: 'AR' } })).page);
  const ben = desk((await launch({ user: { name: 'Ben Okafor', initials: 'BO' } })).page);
  await useWordPress(ana.page, wordpress);
  await useWordPress(ben.page, wordpress);
  const reader = new WordPressReader(wordpress);

  // The reporter writes the story and files it: WordPress holds it as pending review.
  const headline = `${article.headline} (${Date.now()})`;
  await test.step('Ana files the sample article', async () => {
    await ana.app.newDraft();
    await ana.app.headline.fill(headline);
    await ana.app.headline.press('Enter');
    for (const [index, paragraph] of article.paragraphs.entries()) {
      await ana.page.keyboard.insertText(paragraph);
      if (index < article.paragraphs.length - 1) await ana.page.keyboard.press('Enter');
    }
    await fillStoryFields(ana.page, { byline: 'Ana Ruiz', section: 'Security' });
    await ana.app.waitUntilSaved();
    await ana.desk.send('File to desk', SITE);
    await expect(ana.status.badge).toHaveText('Status: Filed');
  });
  const [filed] = await reader.postsTitled(headline);
  expect(filed?.status).toBe('pending');

  await test.step('Ben opens it from the desk inbox, suggests three changes and comments', async () => {
    await ben.desk.openInbox(SITE);
    await expect(ben.desk.row(headline)).toContainText('From Newsroom');
    await ben.page.keyboard.press('Escape');
    await ben.desk.openFromInbox(headline, SITE);
    await ben.comments.addComment(PASSAGE, COMMENT);
    await ben.suggestions.setSuggesting(true);
    await ben.comments.selectPassage('General Directorate of the State Police.', 'end');
    await ben.page.keyboard.type(INSERTED);
    await ben.comments.selectPassage(DELETED);
    await ben.page.keyboard.press('Backspace');
    for (const change of [REPLACED, KEPT]) {
      await ben.comments.selectPassage(change.old);
      await ben.page.keyboard.type(change.new);
    }
    await expect.poll(() => ben.suggestions.pending()).toEqual(SUGGESTED);
    await ben.app.waitUntilSaved();
    await ben.desk.send('Send to reporter', SITE);
  });
  const [sentBack] = await reader.postsTitled(headline);
  expect(sentBack?.id).toBe(filed?.id);
  expect(sentBack?.status).toBe('pending');

  await test.step('Ana opens her story again: accepts two changes, rejects two, replies, sends it back', async () => {
    await ana.app.backToDrafts();
    await ana.desk.openFromInbox(headline, SITE);
    // Her own draft, brought up to date: not a second copy of the story.
    await ana.app.backToDrafts();
    await expect(ana.page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: headline, exact: true })).toHaveCount(1);
    await ana.app.openDraft(headline);
    // Ben's suggestions and comment came with it, through WordPress.
    await expect.poll(() => ana.suggestions.pending()).toEqual(SUGGESTED);
    await expect(ana.comments.thread(PASSAGE)).toContainText(COMMENT);
    await ana.suggestions.accept(INSERTED);
    await ana.suggestions.reject(DELETED);
    await ana.suggestions.accept(REPLACED.old);
    await ana.suggestions.accept(REPLACED.new);
    await ana.suggestions.reject(KEPT.old);
    await ana.suggestions.reject(KEPT.new);
    expect(await ana.suggestions.pending()).toHaveLength(0);
    await ana.comments.reply(PASSAGE, REPLY);
    await ana.app.waitUntilSaved();
    await ana.desk.send('Send back to desk', SITE);
  });

  await test.step('Ben opens it and publishes', async () => {
    await ben.app.backToDrafts();
    await ben.desk.openFromInbox(headline, SITE);
    await expect(ben.comments.thread(PASSAGE)).toContainText(REPLY);
    await expect.poll(() => ben.suggestions.pending()).toEqual([]);
    await ben.status.moveTo('In edit');
    await ben.status.moveTo('Ready to publish');
    const publish = new PublishPanelPage(ben.page);
    await publish.button('Publish').click();
    await expect(publish.badge).toContainText('Live — up to date', { timeout: 30_000 });
    await expect(ben.status.badge).toHaveText('Status: Published');
    // Published: nothing is left to send to the desk.
    await expect(ben.desk.region).toHaveCount(0);
  });

  // The same post, now live, with exactly the accepted text and nothing of the review.
  const posts = await reader.postsTitled(headline);
  expect(posts.map((post) => post.id)).toEqual([filed?.id]);
  const post = await reader.post(filed!.id);
  expect(post.status).toBe('publish');
  const expected = article.paragraphs.map((paragraph, index) => {
    if (index === 0) return paragraph + INSERTED;
    return paragraph.replace(REPLACED.old, REPLACED.new);
  });
  expect(paragraphsOf(post.content.rendered)).toEqual(expected);
  const raw = await reader.rawPost(post.id);
  for (const markup of ['<ins', '<del', '<mark', 'newsroom-story', 'COMMENT-MARKER', 'REPLY-MARKER', 'suggestion']) expect(raw).not.toContain(markup);
});
