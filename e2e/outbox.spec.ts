import { createServer } from 'node:net';
import { OutboxPage, invokeInPage, queueThroughBridge } from './host/outbox-page';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';

/**
 * The outbox in the app's chrome: the count is on every screen, a job the CMS cannot take yet is
 * explained in the panel and can be tried again or discarded, and going offline says what waits.
 * A story is queued through the bridge (the publish panel has its own tests) to an HTTP endpoint
 * on a closed port, so it waits to retry for as long as the test needs.
 */

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('the outbox count is on every screen, and a waiting job can be tried again and discarded', async ({ launch }) => {
  const { page } = await launch();
  const app = new AppPage(page);
  const outbox = new OutboxPage(page);

  await expect(outbox.indicator).toHaveAccessibleName('Outbox, all sent');
  await app.newDraft();
  await expect(outbox.indicator).toHaveAccessibleName('Outbox, all sent');
  await app.backToDrafts();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(outbox.indicator).toHaveAccessibleName('Outbox, all sent');
  await page.getByRole('button', { name: 'Back to drafts' }).click();

  const profile = await invokeInPage<{ id: string }>(page, 'profiles.save', {
    kind: 'http',
    name: 'Desk endpoint',
    endpointUrl: `http://127.0.0.1:${await closedPort()}/stories`,
    authKind: 'bearer',
    secret: 'test-token',
  });
  const draft = await invokeInPage<{ id: string }>(page, 'drafts.create', {
    article: { headline: 'Council approves budget', byline: ['A. Reporter'], section: 'News', slug: 'council-budget' },
  });
  await queueThroughBridge(page, { draftId: draft.id, profileId: profile.id, kind: 'publish' });

  await expect(outbox.indicator).toHaveAccessibleName('Outbox, 1 waiting');
  await outbox.open();
  const job = outbox.jobs.filter({ hasText: 'Publish to Desk endpoint' });
  await expect(job).toContainText('Council approves budget');
  await expect(job).toContainText(/Will retry (at \d\d:\d\d|in a moment) — Could not reach/);
  await job.getByRole('button', { name: 'Try again' }).click();
  await expect(job).toContainText(/attempts?/);
  await job.getByRole('button', { name: 'Discard' }).click();
  const question = job.getByRole('group', { name: 'Discard this job' });
  // A refused connection never reached the endpoint: no warning that the CMS may have the story.
  await expect(question).toHaveText(/^Discard “Publish” to Desk endpoint\?/);
  await expect(question).not.toContainText('may already have');
  await question.getByRole('button', { name: 'Yes, discard' }).click();
  await expect(outbox.jobs).toHaveCount(0);
  await expect(outbox.dialog).toContainText('Nothing is waiting');
  await outbox.close();
  await expect(outbox.indicator).toHaveAccessibleName('Outbox, all sent');
  await expect(outbox.indicator).toBeFocused();
});

test('offline, the bar says what will be sent when the network is back', async ({ launch, context }) => {
  const { page } = await launch();
  const outbox = new OutboxPage(page);
  await expect(outbox.indicator).toHaveAccessibleName('Outbox, all sent');
  await context.setOffline(true);
  await expect(outbox.offlineNote).toHaveText('Offline — stories you publish will be sent when you are back online');
  await context.setOffline(false);
  await expect(outbox.offlineNote).toHaveCount(0);
  // outbox.wake went through the real router: a refusal would show as an alert in the bar.
  await expect(page.getByRole('contentinfo').getByRole('alert')).toHaveCount(0);
});

test('a story delivered through the outbox shows as published in the library', async ({ launch }) => {
  const { page } = await launch();
  const outbox = new OutboxPage(page);
  const { defaultProfileId } = await invokeInPage<{ defaultProfileId: string }>(page, 'profiles.list', {});
  const draft = await invokeInPage<{ id: string }>(page, 'drafts.create', {
    article: { headline: 'Harbour reopens', byline: ['A. Reporter'], section: 'News', slug: 'harbour-reopens' },
  });
  // The fresh install's default destination is the local folder: delivery needs no network.
  await queueThroughBridge(page, { draftId: draft.id, profileId: defaultProfileId, kind: 'publish' });
  const row = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'Harbour reopens' });
  await expect(row).toContainText('Published');
  // The row gives where it went: the local folder's bundle is named by the slug.
  await expect(row.locator('.url-text')).toContainText('harbour-reopens');
  await expect(outbox.indicator).toHaveAccessibleName('Outbox, all sent');
});
