import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage } from './host/app-page';
import { ProfilesPage } from './host/profiles-page';
import { expect, test } from './host/fixtures';
import { loadSampleArticle } from './host/sample-article';
import { fillStoryFields } from './host/story-fields-form';
import { PublishPanelPage } from './host/publish-panel-page';
import { paragraphsOf, WordPressReader } from './host/wordpress';

const article = loadSampleArticle();
/** A valid 1×1 PNG: WordPress checks that an upload really is an image. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** The desk publishes to the real WordPress on 127.0.0.1 and reads the post back through its API. */
test('publish the sample article, update it, schedule another, unpublish: all from the panel', async ({ launch, wordpress }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  const profiles = new ProfilesPage(page);
  await profiles.open();
  const verdict = await profiles.add(
    { kind: 'WordPress', name: 'Test WordPress', siteUrl: wordpress.url, username: wordpress.username, secret: wordpress.applicationPassword },
    { makeDefault: true, test: true },
  );
  expect(verdict).toMatch(/^Connected as /);
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

  // The house rules want a byline and a section: the checklist says so and Publish waits.
  const checklist = page.getByRole('list', { name: 'Before publishing' });
  await expect(checklist).toContainText('Byline is missing.');
  await expect(checklist).toContainText('Section is missing.');
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();

  const run = Date.now();
  await fillStoryFields(page, {
    standfirst: 'Spain and Albania step up their joint work against human trafficking.',
    byline: 'Ana Ruiz, Luis Pérez',
    section: `Security ${run}`,
    tags: `Trafficking ${run}, Spain ${run}`,
    datelinePlace: 'Tirana',
    datelineDate: '2026-11-28',
    seoTitle: `SEO-TITLE-MARKER ${run}`,
    seoDescription: `SEO-DESCRIPTION-MARKER ${run}`,
    editorialNote: `NOTE-FOR-THE-DESK-ONLY ${run}`,
    featuredImage: {
      name: 'tirana.png',
      mimeType: 'image/png',
      buffer: PNG_1X1,
      caption: 'Rrumbullaku welcomes Ávila Polo in Tirana.',
      credit: 'State Police',
      alt: 'Two police chiefs shake hands',
    },
  });
  await expect(checklist).toHaveCount(0);

  // The preview says what WordPress gets and what it cannot hold, before anything is sent.
  await expect(publish.destination.locator('option:checked')).toHaveText('Test WordPress (default)');
  await publish.button('Preview').click();
  const preview = publish.dialog('Preview for Test WordPress');
  await expect(preview).toContainText('Spain and Albania step up their joint work against human trafficking.');
  await expect(preview).toContainText(/SEO title/);
  await expect(preview).not.toContainText('NOTE-FOR-THE-DESK-ONLY');
  await preview.getByRole('button', { name: 'Close' }).click();

  await publish.button('Publish').click();
  await expect(publish.badge).toContainText('Live — up to date', { timeout: 20_000 });
  const url = (await publish.badge.getByRole('link').getAttribute('href')) ?? '';
  expect(url).toMatch(new RegExp(`^${wordpress.url.replace(/[.]/g, '\\.')}/`));

  const reader = new WordPressReader(wordpress);
  const [post] = await reader.postsTitled(headline);
  expect(post).toBeDefined();
  expect(post!.status).toBe('publish');
  expect(post!.link).toBe(url);
  expect(post!.excerpt.raw).toBe('Spain and Albania step up their joint work against human trafficking.');
  expect(post!.slug).toMatch(/^trafficking-in-human-beings-rrumbullaku-hosts-spanish-police-officers/);
  expect((await reader.termNames('tags', post!.tags)).sort()).toEqual([`Spain ${run}`, `Trafficking ${run}`]);
  expect(await reader.termNames('categories', post!.categories)).toEqual([`Security ${run}`]);
  expect(post!.content.rendered).toContain('<p class="byline">By Ana Ruiz and Luis Pérez</p>');
  expect(paragraphsOf(post!.content.rendered)).toEqual([`TIRANA, Nov. 28 — ${article.paragraphs[0]}`, ...article.paragraphs.slice(1)]);
  expect(post!.content.rendered).toContain('Julian Ávila Polo');
  const media = await reader.media(post!.featured_media);
  expect(media.alt_text).toBe('Two police chiefs shake hands');
  expect(media.caption.raw).toBe('Rrumbullaku welcomes Ávila Polo in Tirana. (State Police)');
  const raw = await reader.rawPost(post!.id);
  for (const unsent of ['NOTE-FOR-THE-DESK-ONLY', 'SEO-TITLE-MARKER', 'SEO-DESCRIPTION-MARKER']) expect(raw).not.toContain(unsent);

  // Edit: a new headline and a new closing paragraph, then publish again: same post, same address.
  const newHeadline = `Spain and Albania step up police work (${run})`;
  await app.headline.fill(newHeadline);
  await publish.appendAndUpdate(app, 'Updated: the two forces will meet again in spring.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  const updated = await reader.post(post!.id);
  expect(updated.title.raw).toBe(newHeadline);
  expect(updated.slug).toBe(post!.slug);
  expect(updated.featured_media).toBe(post!.featured_media);
  expect(paragraphsOf(updated.content.rendered)).toEqual([
    `TIRANA, Nov. 28 — ${article.paragraphs[0]}`,
    ...article.paragraphs.slice(1),
    'Updated: the two forces will meet again in spring.',
  ]);
  expect(await reader.postsTitled(newHeadline)).toHaveLength(1);
  expect(await reader.postsTitled(headline)).toHaveLength(0);

  // The library says it is published.
  await app.backToDrafts();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: newHeadline })).toContainText('Published');

  // Unpublish: back to draft on WordPress, said on the badge and in the log.
  await app.openDraft(newHeadline);
  await publish.button('Unpublish').click();
  await page.getByRole('dialog', { name: /^Unpublish from / }).getByRole('button', { name: 'Unpublish' }).click();
  await expect(publish.badge).toHaveText('Unpublished', { timeout: 20_000 });
  expect((await reader.post(post!.id)).status).toBe('draft');
  const log = await publish.logItems();
  await expect(log).toHaveCount(3);
  await expect(log.nth(0)).toContainText('Unpublished · Sent');
  await expect(log.nth(1)).toContainText('Updated · Sent');
  await expect(log.nth(2)).toContainText('Published · Sent');
});

test('schedule a story: WordPress holds it as a future post at that time', async ({ launch, wordpress }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  await app.configureWordPress({ url: wordpress.url, username: wordpress.username, password: wordpress.applicationPassword });
  await page.getByRole('button', { name: /Back to/ }).click();
  const headline = `Budget vote tomorrow (${Date.now()})`;
  await app.newDraft();
  await app.headline.fill(headline);
  await app.headline.press('Enter');
  await page.keyboard.insertText(article.paragraphs[0]!);
  await fillStoryFields(page, { byline: 'Ana Ruiz', section: 'News' });
  await app.waitUntilSaved();

  // Tomorrow at 09:30 in this computer's time, as the journalist types it.
  const at = new Date();
  at.setDate(at.getDate() + 1);
  at.setHours(9, 30, 0, 0);
  const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T09:30`;
  await publish.button('Schedule…').click();
  const dialog = publish.dialog(/^Schedule on /);
  await dialog.getByLabel('Publish at').fill(local);
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(publish.badge).toContainText('Scheduled for', { timeout: 20_000 });

  const [post] = await new WordPressReader(wordpress).postsTitled(headline);
  expect(post?.status).toBe('future');
  expect(Date.parse(`${post!.date_gmt}Z`)).toBe(at.getTime());
});

test('a wrong application password is explained, the story waits in the outbox, and nothing is lost', async ({ launch, wordpress }) => {
  const { page, host } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  const profiles = new ProfilesPage(page);
  await profiles.open();
  const verdict = await profiles.add(
    { kind: 'WordPress', name: 'Test WordPress', siteUrl: wordpress.url, username: wordpress.username, secret: 'abcd EFGH ijkl MNOP qrst UVWX' },
    { makeDefault: true, test: true },
  );
  expect(verdict).toContain('did not accept the user name or application password');
  await page.getByRole('button', { name: /Back to/ }).click();

  await app.newDraft();
  await app.headline.fill('Not to be lost');
  await app.headline.press('Enter');
  await page.keyboard.insertText(article.paragraphs[0]!);
  await fillStoryFields(page, { byline: 'Ana Ruiz', section: 'News' });
  await app.waitUntilSaved();
  const list = await host.router.handle('drafts.list', {});
  const draftId = list.ok ? (list.value as { drafts: Array<{ id: string }> }).drafts[0]!.id : '';
  const file = join(host.dataFolder, 'drafts', draftId, 'draft.json');
  const before = await readFile(file, 'utf8');

  await publish.button('Publish').click();
  await expect(publish.panel).toContainText('did not accept the user name or application password', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Outbox, 1 waiting/ })).toBeVisible();
  await expect(app.body).toHaveText(article.paragraphs[0]!);
  await expect(app.headline).toHaveValue('Not to be lost');
  expect(await readFile(file, 'utf8')).toBe(before);
  expect(await new WordPressReader(wordpress).postsTitled('Not to be lost')).toHaveLength(0);
});
