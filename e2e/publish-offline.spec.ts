import { createServer } from 'node:net';
import { FaultProxy } from '../electron/core/test-support/fault-proxy';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { PublishPanelPage } from './host/publish-panel-page';
import { fillStoryFields } from './host/story-fields-form';
import { WordPressReader } from './host/wordpress';

/** A port nothing listens on (yet): the CMS is "down" there until the test brings it up. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The CMS is unreachable when the journalist publishes: the story waits in the outbox, counted on
 * screen, and goes out once the site answers again (the real WordPress behind a plain relay that
 * starts on the address the profile names), without a second click and without a second post.
 */
test('a story published while the CMS is down waits in the outbox and is delivered when it comes back', async ({ launch, wordpress, context }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const publish = new PublishPanelPage(page);
  const port = await freePort();
  await app.configureWordPress({ url: `http://127.0.0.1:${port}`, username: wordpress.username, password: wordpress.applicationPassword, name: 'Desk WordPress' });
  await page.getByRole('button', { name: /Back to/ }).click();

  const headline = `Ferry strike called off (${Date.now()})`;
  await app.newDraft();
  await app.headline.fill(headline);
  await app.headline.press('Enter');
  await page.keyboard.insertText('Ferries run as usual on Monday.');
  await fillStoryFields(page, { byline: 'Ana Ruiz', section: 'News' });
  await app.waitUntilSaved();

  await publish.button('Publish').click();
  await expect(publish.panel).toContainText('will send when Desk WordPress is reachable', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Outbox, 1 waiting/ })).toBeVisible();
  await expect(publish.badge).toHaveText('Not published yet');
  const reader = new WordPressReader(wordpress);
  expect(await reader.postsTitled(headline)).toHaveLength(0);

  // The site comes back; the window's `online` event wakes the outbox instead of waiting out the backoff.
  const proxy = await FaultProxy.start({ target: wordpress.url, port });
  try {
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(publish.badge).toContainText('Live — up to date', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: /^Outbox, all sent/ })).toBeVisible();
    const posts = await reader.postsTitled(headline);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe('publish');
    const log = await publish.logItems();
    await expect(log).toHaveCount(1);
    await expect(log.first()).toContainText('Published · Sent');
  } finally {
    await proxy.close();
  }
});
