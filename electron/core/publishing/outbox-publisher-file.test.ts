import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, paragraph, text } from '../../../shared/editor/article-fixture';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import { DraftStore } from '../drafts/draft-store';
import { tempFolder } from '../drafts/testing';
import type { NewJob, OutboxJob } from '../outbox/job';
import { JobPayloadSchema, type PublishPayload } from './adapter';
import { OutboxPublisher } from './outbox-publisher';
import { PublishLogStore } from './publish-log';

/**
 * Filing to the desk (`kind: 'file'`) as the publisher queues it: no house rules, the whole story
 * in the payload, timing `review`; and no other kind ever carries the story.
 */
let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await tempFolder('newsroom-file-');
});
afterEach(() => folder.remove());

async function setup() {
  const drafts = await DraftStore.open({ folder: folder.path });
  const log = new PublishLogStore({ folderOf: (id) => drafts.folderOf(id) });
  const queued: NewJob[] = [];
  const worker = {
    enqueue: async (input: NewJob): Promise<OutboxJob> => {
      queued.push(input);
      return { id: randomUUID(), createdAt: new Date().toISOString() } as OutboxJob;
    },
    pendingCount: () => queued.length,
  };
  const publisher = new OutboxPublisher({
    drafts,
    houseRules: { get: () => DEFAULT_HOUSE_PROFILE },
    worker,
    log,
    profileName: () => 'Daily WordPress',
    currentUser: () => ({ name: 'Ana Ruiz', initials: 'AR' }),
  });
  const payloadOf = (index: number): PublishPayload => {
    const payload = JobPayloadSchema.parse(queued[index]?.payload);
    if (payload.kind !== 'publish') throw new Error('not a publish payload');
    return payload;
  };
  return { drafts, log, publisher, queued, payloadOf };
}

describe('filing to the desk through the outbox publisher', () => {
  it('queues an unfinished story (no byline, no section) with the whole story and the review timing', async () => {
    const { drafts, publisher, payloadOf } = await setup();
    const draft = await drafts.create({ headline: 'Harbour', editorialNote: 'Call the port back', body: body(paragraph(text('Ships are back.'))) });
    const queued = await publisher.queue(draft.id, 'profile-1', { kind: 'file' });
    expect(queued.action).toBe('create');
    const payload = payloadOf(0);
    expect(payload.timing).toEqual({ kind: 'review' });
    // The visible article has no editorial note; the story for the desk keeps it.
    expect(payload.article.editorialNote).toBe('');
    expect(payload.story).toMatchObject({ storyId: draft.id, revision: draft.revision, filedBy: { name: 'Ana Ruiz', initials: 'AR' }, review: { status: 'draft' } });
    expect(payload.story?.article.editorialNote).toBe('Call the port back');
  });

  it('publishing the same story is held to the house rules and never carries the story', async () => {
    const { drafts, publisher, payloadOf } = await setup();
    const draft = await drafts.create({ headline: 'Harbour', body: body(paragraph(text('Ships are back.'))) });
    await expect(publisher.queue(draft.id, 'profile-1', { kind: 'publish' })).rejects.toMatchObject({ code: 'NOT_READY' });
    await drafts.save(draft.id, { ...(await drafts.read(draft.id)).article, byline: ['Ana Ruiz'], section: 'News' });
    await publisher.queue(draft.id, 'profile-1', { kind: 'publish' });
    expect(payloadOf(0).story).toBeUndefined();
    expect(payloadOf(0).timing).toEqual({ kind: 'now' });
  });

  it('refuses to file a story that is live on that destination (filing would take it off the site)', async () => {
    const { drafts, log, publisher } = await setup();
    const draft = await drafts.create({ headline: 'Harbour', byline: ['Ana Ruiz'], section: 'News' });
    const at = new Date().toISOString();
    await log.append(draft.id, { jobId: randomUUID(), profileId: 'profile-1', profileName: 'Daily WordPress', action: 'publish', queuedAt: at, finishedAt: at, state: 'sent', remoteId: '7', url: 'https://x/7', revision: 0 });
    await expect(publisher.queue(draft.id, 'profile-1', { kind: 'file' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/already published on Daily WordPress/) });
    // After a filing (or one opened from the desk) the next filing is an update of the same post.
    await log.append(draft.id, { jobId: randomUUID(), profileId: 'profile-2', profileName: 'Desk', action: 'file', queuedAt: at, finishedAt: at, state: 'sent', remoteId: '9', url: 'https://x/9', version: '2026-11-29T02:00:00', revision: 0 });
    expect((await publisher.queue(draft.id, 'profile-2', { kind: 'file' })).action).toBe('update');
  });
});
