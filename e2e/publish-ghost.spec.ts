import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { GhostReader } from './host/ghost';
import { ProfilesPage } from './host/profiles-page';
import { PublishPanelPage } from './host/publish-panel-page';
import { loadSampleArticle } from './host/sample-article';
import { fillStoryFields } from './host/story-fields-form';

const article = loadSampleArticle();

/** The desk publishes the sample article to the real Ghost on 127.0.0.1 and reads it back through the Admin API. */
test('Ghost from the panel: publish, update the same post, correct, unpublish, then schedule another', async ({ launch, ghost }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  const profiles = new ProfilesPage(page);
  await profiles.open();
  const verdict = await profiles.add({ kind: 'Ghost', name: 'Test Ghost', adminUrl: ghost.url, secret: ghost.adminApiKey }, { makeDefault: true, test: true });
  expect(verdict).toMatch(/^Connected as /);
  await page.getByRole('button', { name: /Back to/ }).click();

  const run = Date.now();
  const headline = `${article.headline} (${run})`;
  await app.newDraft();
  await app.headline.fill(headline);
  await app.headline.press('Enter');
  for (const [index, paragraph] of article.paragraphs.entries()) {
    await page.keyboard.insertText(paragraph);
    if (index < article.paragraphs.length - 1) await page.keyboard.press('Enter');
  }
  await fillStoryFields(page, {
    standfirst: 'Spain and Albania step up their joint work against human trafficking.',
    byline: 'Ana Ruiz',
    section: 'World',
    tags: `Trafficking ${run}`,
    editorialNote: `NOTE-FOR-THE-DESK-ONLY ${run}`,
  });
  await app.waitUntilSaved();

  await publish.button('Preview').click();
  const preview = publish.dialog('Preview for Test Ghost');
  await expect(preview).toContainText('Spain and Albania step up their joint work against human trafficking.');
  await expect(preview).not.toContainText('NOTE-FOR-THE-DESK-ONLY');
  await preview.getByRole('button', { name: 'Close' }).click();

  await publish.button('Publish').click();
  await expect(publish.badge).toContainText('Live — up to date', { timeout: 30_000 });
  const reader = new GhostReader(ghost);
  const [post] = await reader.postsTitled(headline);
  expect(post).toMatchObject({ status: 'published', custom_excerpt: 'Spain and Albania step up their joint work against human trafficking.' });
  expect(post!.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining([`Trafficking ${run}`, 'World']));
  expect(post!.html).toContain('Julian Ávila Polo');
  expect(post!.html).not.toContain('NOTE-FOR-THE-DESK-ONLY');

  // An edit, then Update: the same post changes.
  await publish.appendAndUpdate(app, 'Updated: the two forces meet again in spring.');
  expect((await reader.post(post!.id))?.html).toContain('Updated: the two forces meet again in spring.');

  await publish.button('Correction…').click();
  const correction = publish.dialog(/^Correction on /);
  await correction.getByLabel('Correction note').fill('An earlier version misspelt the police chief’s name.');
  await correction.getByRole('button', { name: 'Publish correction' }).click();
  await expect(publish.outcome(/^Correction published/)).toBeVisible({ timeout: 30_000 });
  expect((await reader.post(post!.id))?.html).toContain('An earlier version misspelt the police chief’s name.');

  await publish.button('Unpublish').click();
  await page.getByRole('dialog', { name: /^Unpublish from / }).getByRole('button', { name: 'Unpublish' }).click();
  await expect(publish.badge).toHaveText('Unpublished', { timeout: 30_000 });
  expect((await reader.post(post!.id))?.status).toBe('draft');
  expect(await reader.postsTitled(headline)).toHaveLength(1);

  // A second story, scheduled for tomorrow: Ghost's own scheduler holds it.
  await app.backToDrafts();
  const later = `Budget vote tomorrow (${run})`;
  await app.newDraft();
  await app.headline.fill(later);
  await app.headline.press('Enter');
  await page.keyboard.insertText(article.paragraphs[0]!);
  await fillStoryFields(page, { byline: 'Ana Ruiz', section: 'World' });
  await app.waitUntilSaved();
  const at = new Date(Date.now() + 24 * 3_600_000);
  at.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  await publish.button('Schedule…').click();
  const dialog = publish.dialog(/^Schedule on /);
  await dialog.getByLabel('Publish at').fill(local);
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(publish.badge).toContainText('Scheduled for', { timeout: 30_000 });
  const [scheduled] = await reader.postsTitled(later);
  expect(scheduled?.status).toBe('scheduled');
  expect(Date.parse(scheduled!.published_at!)).toBe(at.getTime());
});
