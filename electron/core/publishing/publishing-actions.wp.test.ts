import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../e2e/host/wordpress';
import type { DraftSummary } from '../../../shared/model/draft';
import type { ConflictView, OutboxView } from '../../../shared/model/publishing';
import { draftWith, entryOf, liveOf, readyStory, remoteIdOf, secondsFromNow, send, sendOk } from './cms-router-testing';
import { wordpressSuite } from './wordpress-suite-testing';

/**
 * Schedule, embargo, unpublish, correction and a conflict with an edit made on the site, each
 * queued through the router and sent by the outbox to the real WordPress on 127.0.0.1, then read
 * back through the REST API by a second client.
 */
const wp = wordpressSuite();

/** The post as an editor reads it, with the fields the reader does not parse. */
async function rawPost(id: string): Promise<{ status: string; date_gmt: string; title: { raw: string }; content: { raw: string; rendered: string } }> {
  const { status, json } = await wp.admin.call('GET', `/wp/v2/posts/${id}`, { context: 'edit' });
  if (status !== 200) throw new Error(`GET post ${id} -> ${status}`);
  return json as Awaited<ReturnType<typeof rawPost>>;
}

describe('publishing actions through the router to a real WordPress', () => {
  it('schedules a story: the post waits as "future" at the chosen time, and the draft reads scheduled', async () => {
    const h = await wp.start();
    const id = await draftWith(h, readyStory(wp.titled('Budget vote tomorrow'), 'The council votes at noon.'));
    const publishAt = secondsFromNow(3600);
    const sent = await sendOk(h, id, 'schedule', { publishAt });
    expect(sent.queued.action).toBe('create');
    const post = await rawPost(await remoteIdOf(h, id));
    expect(post.status).toBe('future');
    expect(`${post.date_gmt}.000Z`).toBe(publishAt);
    expect(await liveOf(h, id)).toMatchObject({ state: 'scheduled', publishAt, lastAction: 'schedule' });
  });

  it('keeps an embargoed story in the outbox until the embargo lifts, then sends it', async () => {
    const h = await wp.start();
    const headline = wp.titled('Embargoed report');
    const id = await draftWith(h, readyStory(headline, 'Not before the embargo.'));
    const embargoUntil = secondsFromNow(3);
    const { jobId } = await h.ok<{ jobId: string }>('publishing.queue', { draftId: id, profileId: h.profileId, kind: 'publish', embargoUntil });

    const waiting = (await h.ok<OutboxView>('outbox.list')).jobs;
    expect(waiting).toEqual([expect.objectContaining({ id: jobId, state: 'pending', notBefore: embargoUntil })]);
    expect(Date.parse(waiting[0]?.notBefore ?? '')).toBeGreaterThan(Date.now());
    expect(await wp.reader.postsTitled(headline)).toHaveLength(0);
    expect(await entryOf(h, id, jobId)).toMatchObject({ state: 'queued', embargoUntil });

    const job = await h.settled(jobId, 15_000);
    expect(job.state).toBe('done');
    const [post] = await wp.reader.postsTitled(headline);
    expect(post?.status).toBe('publish');
    const entry = await entryOf(h, id, jobId);
    expect(Date.parse(entry?.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(embargoUntil));
  });

  it('unpublishes: the post goes back to draft and the story is no longer listed as published', async () => {
    const h = await wp.start();
    const id = await draftWith(h, readyStory(wp.titled('Pulled story'), 'Out, then back in the drawer.'));
    await sendOk(h, id, 'publish');
    const postId = await remoteIdOf(h, id);
    expect((await rawPost(postId)).status).toBe('publish');

    const pulled = await sendOk(h, id, 'unpublish');
    expect(pulled.queued.action).toBe('unpublish');
    expect((await rawPost(postId)).status).toBe('draft');
    expect(await liveOf(h, id)).toMatchObject({ state: 'unpublished', lastAction: 'unpublish' });
    const { drafts } = await h.ok<{ drafts: DraftSummary[] }>('drafts.list');
    expect(drafts.find((draft) => draft.id === id)?.published).toBe(false);
  });

  it('appends a correction to the post in the house format and records its note in the log', async () => {
    const h = await wp.start();
    const id = await draftWith(h, readyStory(wp.titled('Bridge reopening'), 'The bridge reopens on Monday.'));
    await sendOk(h, id, 'publish');
    const note = 'An earlier version gave the wrong reopening date.';
    const corrected = await sendOk(h, id, 'correction', { correctionNote: note });
    expect(corrected.queued.action).toBe('update');
    const post = await rawPost(await remoteIdOf(h, id));
    expect(post.content.raw).toMatch(/<p class="correction">[^<]*An earlier version gave the wrong reopening date\.[^<]*<\/p>/);
    expect(paragraphsOf(post.content.rendered)[0]).toBe('The bridge reopens on Monday.');
    expect(await entryOf(h, id, corrected.queued.jobId)).toMatchObject({ action: 'correction', state: 'sent', correctionNote: note });
  });

  it('refuses to overwrite an edit made on the site, shows both copies, and overwrites only when asked', async () => {
    const h = await wp.start();
    const headline = wp.titled('Council votes');
    const id = await draftWith(h, readyStory(headline, 'Our text.'));
    await sendOk(h, id, 'publish');
    const postId = await remoteIdOf(h, id);
    // modified_gmt has one-second resolution: an edit in the same second would look unchanged.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const edited = await wp.admin.call('POST', `/wp/v2/posts/${postId}`, {}, { title: `${headline} (web)`, content: '<p>Edited on the site.</p>' });
    expect(edited.status).toBe(200);

    const refused = await send(h, id, 'update');
    expect(refused.job).toMatchObject({ state: 'failed', lastError: { code: 'CONFLICT' } });
    expect(refused.job.lastError?.message).toMatch(/changed on the WordPress site/);
    let post = await rawPost(postId);
    expect(post.title.raw).toBe(`${headline} (web)`);
    expect(paragraphsOf(post.content.rendered)).toEqual(['Edited on the site.']);
    expect(await entryOf(h, id, refused.queued.jobId)).toMatchObject({ state: 'failed', code: 'CONFLICT' });

    const conflict = await h.ok<ConflictView>('publishing.conflict', { draftId: id, profileId: h.profileId });
    expect(conflict.remote).toMatchObject({ title: `${headline} (web)`, status: 'publish' });
    expect(conflict.remote?.html).toContain('Edited on the site.');
    expect(conflict.local.title).toBe(headline);
    expect(conflict.local.html).toContain('Our text.');

    await h.ok('outbox.discard', { jobId: refused.queued.jobId });
    await sendOk(h, id, 'update', { overwrite: true });
    post = await rawPost(postId);
    expect(post.title.raw).toBe(headline);
    expect(paragraphsOf(post.content.rendered)).toEqual(['Our text.']);
    expect(await wp.reader.postsTitled(headline)).toHaveLength(1);
  });
});
