import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../e2e/host/wordpress';
import type { DraftSummary } from '../../shared/model/draft';
import type { OutboxView } from '../../shared/model/publishing';
import { draftWith, liveOf, openArticle, readyStory, remoteIdOf, send, sendOk, statusOf } from './publishing/cms-router-testing';
import { startRouter } from './publishing/router-testing';
import { wordpressSuite } from './publishing/wordpress-suite-testing';

/**
 * The services as the app and the e2e host build them, driven through the router as the renderer
 * drives them: a WordPress profile, publishing queued into the outbox and sent to the real
 * WordPress on 127.0.0.1. What the renderer would see, and what the site then holds, is asserted.
 */
const wp = wordpressSuite();

describe('publishing through the router to a real WordPress', () => {
  it('publishes one post, shows the live copy behind after an edit, and updates the same post', async () => {
    const h = await wp.start();
    const headline = wp.titled('Rrumbullaku hosts Julian Ávila Polo');
    const id = await draftWith(h, readyStory(headline, 'First paragraph.', 'Julian Ávila Polo spoke.'));

    const first = await sendOk(h, id, 'publish');
    expect(first.queued.action).toBe('create');
    const postId = Number(await remoteIdOf(h, id));
    let post = await wp.reader.post(postId);
    expect(post).toMatchObject({ status: 'publish', title: { raw: headline } });
    expect(paragraphsOf(post.content.rendered)).toEqual(['First paragraph.', 'Julian Ávila Polo spoke.']);
    expect(post.content.rendered).toContain('<p class="byline">By Test Desk</p>');
    expect(first.job.url).toBe(post.link);
    expect(await liveOf(h, id)).toMatchObject({ state: 'up-to-date', url: post.link, lastAction: 'publish' });
    const { drafts } = await h.ok<{ drafts: DraftSummary[] }>('drafts.list');
    expect(drafts.find((draft) => draft.id === id)).toMatchObject({ published: true, publishedUrl: post.link });

    const saved = await openArticle(h, id);
    await h.ok('drafts.save', { id, article: { ...saved, ...readyStory(headline, 'First paragraph, edited.', 'Julian Ávila Polo spoke.'), slug: saved.slug, slugFollowsHeadline: false } });
    expect((await liveOf(h, id))?.state).toBe('behind');

    const update = await sendOk(h, id, 'update');
    expect(update.queued.action).toBe('update');
    post = await wp.reader.post(postId);
    expect(paragraphsOf(post.content.rendered)).toEqual(['First paragraph, edited.', 'Julian Ávila Polo spoke.']);
    expect(await wp.reader.postsTitled(headline)).toHaveLength(1);
    expect(await liveOf(h, id)).toMatchObject({ state: 'up-to-date', lastAction: 'update' });
  });

  it('two publish clicks at once make one post: the second is an update behind the first', async () => {
    const h = await wp.start();
    const headline = wp.titled('Double click');
    const id = await draftWith(h, readyStory(headline, 'Once only.'));
    const queue = () => h.ok<{ jobId: string; action: string }>('publishing.queue', { draftId: id, profileId: h.profileId, kind: 'publish' });
    const [a, b] = await Promise.all([queue(), queue()]);
    expect([a.action, b.action].sort()).toEqual(['create', 'update']);
    const jobs = await Promise.all([h.settled(a.jobId), h.settled(b.jobId)]);
    expect(jobs.map((job) => job.state)).toEqual(['done', 'done']);
    expect(await wp.reader.postsTitled(headline)).toHaveLength(1);
    const remoteIds = (await statusOf(h, id)).entries.map((entry) => entry.remoteId);
    expect(remoteIds).toEqual([expect.any(String), remoteIds[0]]);
  });

  it('holds the job on a wrong application password, and sends it once the password is fixed and the account resumed', async () => {
    const h = await wp.start({ secret: 'wrong pass word 1234 5678' });
    const headline = wp.titled('Held for a password');
    const id = await draftWith(h, readyStory(headline, 'Waits for the right password.'));
    const held = await send(h, id, 'publish');
    expect(held.job).toMatchObject({ state: 'held', lastError: { code: 'AUTH_FAILED', status: 401 } });
    expect(held.job.lastError?.message).toMatch(/password/i);
    const outbox = await h.ok<OutboxView>('outbox.list');
    expect(outbox.stoppedProfiles).toEqual([h.profileId]);
    expect(outbox.jobs).toEqual([expect.objectContaining({ id: held.queued.jobId, state: 'held' })]);
    expect(await wp.reader.postsTitled(headline)).toHaveLength(0);

    await h.ok('profiles.save', { kind: 'wordpress', id: h.profileId, name: 'Test WordPress', siteUrl: wp.env.url, username: wp.env.username, secret: wp.env.applicationPassword });
    await h.ok('outbox.resume', { profileId: h.profileId });
    await expect.poll(async () => (await statusOf(h, id)).entries[0]?.state, { timeout: 15_000 }).toBe('sent');
    expect(await wp.reader.postsTitled(headline)).toHaveLength(1);
    expect((await h.ok<OutboxView>('outbox.list')).jobs).toEqual([]);
  });

  it('tests a connection: the account when it works, AUTH_FAILED for a wrong password, UNREACHABLE when nothing listens', async () => {
    const h = await startRouter();
    try {
      const profile = { kind: 'wordpress', name: 'Test WordPress', siteUrl: wp.env.url, username: wp.env.username };
      expect(await h.ok('profiles.test', { ...profile, secret: wp.env.applicationPassword })).toEqual({ ok: true, account: expect.any(String), canPublish: true });
      expect(await h.ok('profiles.test', { ...profile, secret: 'wrong pass word 1234 5678' })).toMatchObject({ ok: false, code: 'AUTH_FAILED', message: expect.any(String) });
      expect(await h.ok('profiles.test', { ...profile, siteUrl: 'http://127.0.0.1:9', secret: wp.env.applicationPassword })).toMatchObject({ ok: false, code: 'UNREACHABLE' });
    } finally {
      await h.close();
    }
  });

  it('updates a post made by the old direct publish instead of posting the story twice', async () => {
    const h = await wp.start();
    const headline = wp.titled('Published before the outbox');
    const created = await wp.admin.call('POST', '/wp/v2/posts', {}, { title: headline, content: '<p>The old copy.</p>', status: 'publish' });
    const old = created.json as { id: number; link: string; slug: string };
    const id = await draftWith(h, readyStory(headline, 'The new copy.'));
    const { revision } = await h.ok<{ revision: number }>('drafts.open', { id });
    await h.services.drafts.setPublication(id, (publication) => ({
      ...publication,
      wordpress: { siteUrl: wp.env.url, postId: old.id, url: old.link, publishedAt: new Date().toISOString(), revision, slug: old.slug },
    }));

    const sent = await sendOk(h, id, 'publish');
    expect(sent.queued.action).toBe('update');
    expect(await remoteIdOf(h, id)).toBe(String(old.id));
    expect(paragraphsOf((await wp.reader.post(old.id)).content.rendered)).toEqual(['The new copy.']);
    expect(await wp.reader.postsTitled(headline)).toHaveLength(1);
  });
});

describe('quit flush', () => {
  it('asks the renderer to save, and goes on after the deadline if it does not answer', async () => {
    const h = await startRouter();
    await h.services.flush();
    expect(h.events.map((e) => e.event)).toContain('app.flushRequested');
    await h.close();
  });

  it('returns as soon as the renderer confirms', async () => {
    const h = await startRouter();
    const flushing = h.services.flush();
    expect(h.events.map((e) => e.event)).toContain('app.flushRequested');
    await h.ok('app.flushComplete');
    await expect(flushing).resolves.toBeUndefined();
    await h.close();
  });
});
