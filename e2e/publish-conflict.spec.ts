import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { invokeInPage } from './host/outbox-page';
import { PublishPanelPage } from './host/publish-panel-page';
import { paragraphsOf, WordPressReader, type WordPressEnv } from './host/wordpress';

/** Someone edits the post in WordPress's own screens: a second client with the site's password. */
async function editOnTheWeb(wordpress: WordPressEnv, postId: number, content: string): Promise<void> {
  const response = await fetch(`${wordpress.url}/wp-json/wp/v2/posts/${postId}`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${wordpress.username}:${wordpress.applicationPassword}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ content }),
  });
  expect(response.ok).toBe(true);
}

/**
 * An update to a post someone changed on the web since our publish is not sent blindly: the panel
 * says so, compares the two word by word, and overwrites only when asked (real WordPress).
 */
test('a post changed on the web is compared and overwritten only on request', async ({ launch, wordpress }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  // The destination is set up through the bridge: the Settings screens have their own tests.
  const site = await invokeInPage<{ id: string }>(page, 'profiles.save', {
    kind: 'wordpress',
    name: 'Test WordPress',
    siteUrl: wordpress.url,
    username: wordpress.username,
    secret: wordpress.applicationPassword,
  });
  await invokeInPage(page, 'profiles.setDefault', { id: site.id });

  const headline = `Harbour reopens (${Date.now()})`;
  await invokeInPage(page, 'drafts.create', {
    article: { headline, byline: ['A. Reporter'], section: 'News', slug: `harbour-${Date.now()}`, slugFollowsHeadline: false },
  });
  await page.reload();
  await app.openDraft(headline);
  await app.body.click();
  await page.keyboard.insertText('The ferry runs again.');
  await app.waitUntilSaved();
  await expect(publish.destination.locator('option:checked')).toHaveText('Test WordPress (default)');
  await publish.button('Publish').click();
  await expect(publish.badge).toContainText('Live — up to date', { timeout: 20_000 });

  const reader = new WordPressReader(wordpress);
  const [post] = await reader.postsTitled(headline);
  expect(post).toBeDefined();
  // WordPress keeps modification times to the second: make the web edit land in a later one.
  await page.waitForTimeout(1_100);
  await editOnTheWeb(wordpress, post!.id, '<!-- wp:paragraph --><p>The ferry runs again on Sundays.</p><!-- /wp:paragraph -->');

  await app.body.press('ControlOrMeta+End');
  await page.keyboard.insertText(' From Monday.');
  await app.waitUntilSaved();
  await publish.button('Update').click();
  const banner = publish.panel.getByRole('alert').filter({ hasText: 'Changed on Test WordPress since your last publish' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  expect(paragraphsOf((await reader.post(post!.id)).content.rendered)).toEqual(['The ferry runs again on Sundays.']);

  await banner.getByRole('button', { name: 'Compare' }).click();
  const dialog = publish.dialog('Changes on Test WordPress');
  await expect(dialog.locator('del').filter({ hasText: /Sundays/ })).toBeVisible();
  await expect(dialog.locator('ins').filter({ hasText: /Monday/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(publish.badge).toContainText('Live — up to date', { timeout: 20_000 });
  await expect.poll(async () => (await reader.post(post!.id)).content.rendered, { timeout: 20_000 }).toContain('From Monday.');
  await expect.poll(async () => (await reader.post(post!.id)).content.rendered).not.toContain('Sundays');
});
