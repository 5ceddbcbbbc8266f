import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GhostReader, readGhostEnv, type GhostEnv } from '../../../e2e/host/ghost';
import type { ConflictView } from '../../../shared/model/publishing';
import { cmsRouters, draftWith, entryOf, liveOf, openArticle, readyStory, remoteIdOf, runTag, secondsFromNow, send, sendOk } from './cms-router-testing';
import { GhostAdmin } from './ghost/ghost-testing';
import { startRouter } from './router-testing';

/**
 * Publishing through the router to the real Ghost on 127.0.0.1 with a Ghost profile (Admin API
 * key): queued, sent by the outbox, and read back through the Admin API by the tests' own client.
 */
let env: GhostEnv;
let reader: GhostReader;
let admin: GhostAdmin;
const RUN = runTag();
beforeAll(async () => {
  env = await readGhostEnv();
  reader = new GhostReader(env);
  admin = new GhostAdmin(env);
});
// This run's posts go, so the shared test Ghost does not fill up.
afterAll(async () => {
  if (admin) for (const post of await admin.postsContaining(RUN)) await admin.deletePost(post.id);
});

const start = cmsRouters(() => ({ kind: 'ghost', name: 'Test Ghost', adminUrl: env.url, secret: env.adminApiKey }));
const titled = (words: string) => `${words} ${RUN}`;

async function postOf(id: string) {
  const post = await reader.post(id);
  if (post === null) throw new Error(`Ghost has no post ${id}`);
  return post;
}

/** The key's id with another secret: well formed, so saved, but Ghost refuses its tokens. */
const wrongKey = (): string => `${env.adminApiKey.split(':')[0]}:${'ab'.repeat(32)}`;

describe('publishing through the router to a real Ghost', () => {
  it('publishes a post, then updates the same post', async () => {
    const h = await start();
    const headline = titled('Harbour of Cádiz reopens');
    const id = await draftWith(h, readyStory(headline, 'The port reopened on Saturday.', 'Ferries resume on Monday.'));

    const first = await sendOk(h, id, 'publish');
    expect(first.queued.action).toBe('create');
    const postId = await remoteIdOf(h, id);
    let post = await postOf(postId);
    expect(post).toMatchObject({ title: headline, status: 'published' });
    expect(post.html).toContain('The port reopened on Saturday.');
    expect(post.html).toContain('By Test Desk');
    expect(first.job.url).toBe(post.url);
    expect(await liveOf(h, id)).toMatchObject({ state: 'up-to-date', url: post.url });

    const saved = await openArticle(h, id);
    await h.ok('drafts.save', { id, article: { ...saved, ...readyStory(headline, 'The port reopened on Saturday morning.'), slug: saved.slug, slugFollowsHeadline: false } });
    expect((await liveOf(h, id))?.state).toBe('behind');
    const update = await sendOk(h, id, 'update');
    expect(update.queued.action).toBe('update');
    expect(await remoteIdOf(h, id)).toBe(postId);
    post = await postOf(postId);
    expect(post.html).toContain('The port reopened on Saturday morning.');
    expect(post.html).not.toContain('Ferries resume on Monday.');
    expect(await reader.postsTitled(headline)).toHaveLength(1);
    expect((await liveOf(h, id))?.state).toBe('up-to-date');
  });

  it('schedules a story: Ghost holds it as scheduled at the chosen time', async () => {
    const h = await start();
    const id = await draftWith(h, readyStory(titled('Tide tables tomorrow'), 'High water at six.'));
    const publishAt = secondsFromNow(3600);
    await sendOk(h, id, 'schedule', { publishAt });
    const post = await postOf(await remoteIdOf(h, id));
    expect(post.status).toBe('scheduled');
    expect(Date.parse(post.published_at ?? '')).toBe(Date.parse(publishAt));
    expect(await liveOf(h, id)).toMatchObject({ state: 'scheduled', publishAt });
  });

  it('appends a correction to the live post, then unpublishes it back to a draft', async () => {
    const h = await start();
    const id = await draftWith(h, readyStory(titled('Lighthouse keeper retires'), 'After forty years.'));
    await sendOk(h, id, 'publish');
    const postId = await remoteIdOf(h, id);

    const note = 'An earlier version gave the wrong number of years.';
    const corrected = await sendOk(h, id, 'correction', { correctionNote: note });
    expect(corrected.queued.action).toBe('update');
    let post = await postOf(postId);
    expect(post.status).toBe('published');
    expect(post.html).toContain(note);
    expect(post.html).toContain('After forty years.');
    expect(await entryOf(h, id, corrected.queued.jobId)).toMatchObject({ action: 'correction', state: 'sent', correctionNote: note });

    await sendOk(h, id, 'unpublish');
    post = await postOf(postId);
    expect(post.status).toBe('draft');
    expect(await liveOf(h, id)).toMatchObject({ state: 'unpublished', lastAction: 'unpublish' });
  });

  it('refuses to overwrite an edit made in Ghost, shows both copies, and overwrites only when asked', async () => {
    const h = await start();
    const headline = titled('Council votes on the port');
    const id = await draftWith(h, readyStory(headline, 'Our text.'));
    await sendOk(h, id, 'publish');
    const postId = await remoteIdOf(h, id);
    const before = await postOf(postId);
    // Ghost keeps updated_at to the second: an edit in the same second would look like no change.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const changedAt = await admin.retitle(postId, `${headline} (web)`);
    expect(changedAt).not.toBe(before.updated_at);

    const refused = await send(h, id, 'update');
    expect(refused.job).toMatchObject({ state: 'failed', lastError: { code: 'CONFLICT' } });
    expect((await postOf(postId)).title).toBe(`${headline} (web)`);
    expect(await entryOf(h, id, refused.queued.jobId)).toMatchObject({ state: 'failed', code: 'CONFLICT' });

    const conflict = await h.ok<ConflictView>('publishing.conflict', { draftId: id, profileId: h.profileId });
    expect(conflict.remote).toMatchObject({ title: `${headline} (web)`, status: 'published', version: changedAt });
    expect(conflict.local.title).toBe(headline);
    expect(conflict.local.html).toContain('Our text.');

    await h.ok('outbox.discard', { jobId: refused.queued.jobId });
    await sendOk(h, id, 'update', { overwrite: true });
    const after = await postOf(postId);
    expect(after.title).toBe(headline);
    expect(after.html).toContain('Our text.');
    expect(await reader.postsTitled(headline)).toHaveLength(1);
  });

  it('holds a job signed with a wrong Admin API key, in plain words', async () => {
    const h = await start({ secret: wrongKey() });
    const headline = titled('Signed with the wrong key');
    const id = await draftWith(h, readyStory(headline, 'Never sent.'));
    const held = await send(h, id, 'publish');
    expect(held.job).toMatchObject({ state: 'held', lastError: { code: 'AUTH_FAILED' } });
    expect(held.job.lastError?.message).not.toMatch(/INVALID_JWT|UnauthorizedError/);
    expect(await reader.postsTitled(headline)).toHaveLength(0);
  });

  it('tests a connection: ok with the Admin API key, AUTH_FAILED with a wrong one', async () => {
    const h = await startRouter();
    try {
      const profile = { kind: 'ghost', name: 'Test Ghost', adminUrl: env.url };
      expect(await h.ok('profiles.test', { ...profile, secret: env.adminApiKey })).toEqual({ ok: true, account: expect.any(String), canPublish: true });
      expect(await h.ok('profiles.test', { ...profile, secret: wrongKey() })).toMatchObject({ ok: false, code: 'AUTH_FAILED', message: expect.any(String) });
    } finally {
      await h.close();
    }
  });
});
