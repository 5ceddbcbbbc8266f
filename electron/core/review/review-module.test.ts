import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import type { ReviewRecord } from '../../../shared/model/review';
import type { VersionMeta } from '../../../shared/model/versions';
import { articleWith } from '../drafts/testing';
import { type RouterHarness, startRouter } from '../publishing/router-testing';

/** Desk statuses through the router, as the renderer drives them, over a temp data folder. */
const harnesses: RouterHarness[] = [];
afterEach(async () => {
  while (harnesses.length) await harnesses.pop()?.close();
});

async function start(user: { name: string; initials: string } | null = { name: 'Ana Ruiz', initials: 'AR' }) {
  const h = await startRouter();
  harnesses.push(h);
  if (user !== null) await h.ok('settings.saveUser', user);
  const { id } = await h.ok<{ id: string }>('drafts.create');
  await h.ok('drafts.save', { id, article: { ...articleWith('Bridge reopens', 'Traffic flows again.'), byline: ['Ana Ruiz'], section: 'News' } });
  return { h, id };
}

const refusal = (result: Result<unknown>) => (result.ok ? undefined : result.error);

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('desk statuses', () => {
  it('moves along the workflow, signs each move in the trail, and keeps the text and revision', async () => {
    const { h, id } = await start();
    const before = await h.ok<Draft>('drafts.open', { id });
    const filed = await h.ok<ReviewRecord>('review.setStatus', { draftId: id, to: 'filed', note: '  Ready for the desk  ' });
    expect(filed.status).toBe('filed');
    expect(filed.trail).toEqual([{ from: 'draft', to: 'filed', by: { name: 'Ana Ruiz', initials: 'AR', at: expect.any(String) }, note: 'Ready for the desk' }]);
    await h.ok('review.setStatus', { draftId: id, to: 'in-edit' });

    const after = await h.ok<Draft>('drafts.open', { id });
    expect(after.review.trail.map((change) => `${change.from}>${change.to}`)).toEqual(['draft>filed', 'filed>in-edit']);
    expect(after.review.trail[1]).not.toHaveProperty('note');
    expect(after.revision).toBe(before.revision);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.article).toEqual(before.article);
    // The library shows the status too.
    const { drafts } = await h.ok<{ drafts: DraftSummary[] }>('drafts.list');
    expect(drafts.find((d) => d.id === id)?.status).toBe('in-edit');
    expect(h.events.filter((e) => e.event === 'drafts.changed' && (e.payload as { reason: string }).reason === 'status')).toHaveLength(2);
    // A save after a move (the editor's base revision did not change) is accepted and keeps the trail.
    await h.ok('drafts.save', { id, article: after.article, baseRevision: after.revision });
    expect((await h.ok<Draft>('drafts.open', { id })).review.status).toBe('in-edit');
  });

  it('refuses a move the workflow does not allow, naming both statuses, and writes nothing', async () => {
    const { h, id } = await start();
    const error = refusal(await h.call('review.setStatus', { draftId: id, to: 'ready' }));
    expect(error?.code).toBe('NOT_ALLOWED');
    expect(error?.message).toContain('Draft');
    expect(error?.message).toContain('Ready to publish');
    expect(refusal(await h.call('review.setStatus', { draftId: id, to: 'draft' }))?.code).toBe('NOT_ALLOWED');
    expect((await h.ok<Draft>('drafts.open', { id })).review).toEqual({ status: 'draft', trail: [] });
  });

  it('needs a name first', async () => {
    const { h, id } = await start(null);
    const error = refusal(await h.call('review.setStatus', { draftId: id, to: 'filed' }));
    expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('Set your name first') });
  });

  it('names a "Filed" version, signed, when filed', async () => {
    const { h, id } = await start();
    await h.ok('review.setStatus', { draftId: id, to: 'filed' });
    const { versions } = await h.ok<{ versions: VersionMeta[] }>('versions.list', { draftId: id });
    const filed = versions.find((v) => v.kind === 'filed');
    expect(filed).toMatchObject({ name: 'Filed', by: { name: 'Ana Ruiz', initials: 'AR' } });
    expect(versions.every((v) => v.by?.name === 'Ana Ruiz')).toBe(true);
  });

  it('becomes Published, signed with where it went, when a publish is delivered', async () => {
    const { h, id } = await start();
    await h.ok('review.setStatus', { draftId: id, to: 'filed' });
    await h.ok('review.setStatus', { draftId: id, to: 'in-edit' });
    await h.ok('review.setStatus', { draftId: id, to: 'ready' });
    const { defaultProfileId } = await h.ok<{ defaultProfileId: string }>('profiles.list');
    const queued = await h.ok<{ jobId: string }>('publishing.queue', { draftId: id, profileId: defaultProfileId, kind: 'publish' });
    expect((await h.settled(queued.jobId)).state).toBe('done');
    const review = await waitFor(async () => {
      const draft = await h.ok<Draft>('drafts.open', { id });
      return draft.review.status === 'published' ? draft.review : undefined;
    });
    expect(review.trail.at(-1)).toEqual({ from: 'ready', to: 'published', by: expect.objectContaining({ name: 'Ana Ruiz' }), note: 'Published to Local folder' });
  });

  it('is Spiked, signed, when spiked, and a Draft again when restored from the spike', async () => {
    const { h, id } = await start();
    await h.ok('review.setStatus', { draftId: id, to: 'filed' });
    await h.ok('drafts.trash', { id });
    await h.ok('drafts.restore', { id });
    const { review } = await h.ok<Draft>('drafts.open', { id });
    expect(review.status).toBe('draft');
    expect(review.trail.slice(-2)).toEqual([
      { from: 'filed', to: 'spiked', by: expect.objectContaining({ name: 'Ana Ruiz' }), note: 'Spiked' },
      { from: 'spiked', to: 'draft', by: expect.objectContaining({ name: 'Ana Ruiz' }), note: 'Restored from the spike' },
    ]);
  });
});

