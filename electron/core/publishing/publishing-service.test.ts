import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CmsProfileView } from '../../../shared/model/cms-profiles';
import type { DraftSummary } from '../../../shared/model/draft';
import type { ConflictView, MappingPreviewView, OutboxView, PublishStatus } from '../../../shared/model/publishing';
import { articleWith } from '../drafts/testing';
import { LoopbackServers } from '../test-support/loopback-servers';
import { type RouterHarness, startRouter } from './router-testing';

/**
 * Publishing through the router, as the renderer drives it, to the fresh install's "Local folder"
 * destination (real files in a temp folder) and to a WordPress address where nothing listens.
 */
const harnesses: RouterHarness[] = [];
afterEach(async () => {
  while (harnesses.length) await harnesses.pop()?.close();
});

async function start(options: Parameters<typeof startRouter>[0] = {}) {
  const harness = await startRouter(options);
  harnesses.push(harness);
  const { profiles, defaultProfileId } = await harness.ok<{ profiles: CmsProfileView[]; defaultProfileId: string }>('profiles.list');
  return { ...harness, profiles, folderProfile: defaultProfileId };
}

/** A story that passes the default house rules (byline and section are required). */
const story = (headline: string, ...paragraphs: string[]) => ({
  ...articleWith(headline, ...paragraphs),
  byline: ['Ana Ruiz'],
  section: 'News',
  editorialNote: 'Legal has not cleared the second quote',
});

async function draftWith(h: RouterHarness, article: ReturnType<typeof story>): Promise<string> {
  const { id } = await h.ok<{ id: string }>('drafts.create');
  await h.ok('drafts.save', { id, article });
  return id;
}

async function publish(h: RouterHarness, draftId: string, profileId: string, extra: Record<string, unknown> = {}) {
  const queued = await h.ok<{ jobId: string; action: string }>('publishing.queue', { draftId, profileId, kind: 'publish', ...extra });
  return { queued, job: await h.settled(queued.jobId) };
}

describe('publishing through the outbox', () => {
  it('publishes to the Local folder of a fresh install, then updates, corrects and unpublishes the same story', async () => {
    const h = await start();
    expect(h.profiles).toEqual([expect.objectContaining({ kind: 'folder', name: 'Local folder', folder: h.publishFolder, hasSecret: false })]);
    const id = await draftWith(h, story('Bridge reopens after repairs', 'Traffic flows again.'));

    const first = await publish(h, id, h.folderProfile);
    expect(first.queued.action).toBe('create');
    expect(first.job).toMatchObject({ state: 'done', action: 'create' });
    const page = await readFile(join(h.publishFolder, 'bridge-reopens-after-repairs', 'index.md'), 'utf8');
    expect(page).toContain('title: "Bridge reopens after repairs"');
    expect(page).toContain('Traffic flows again.');
    expect(page).not.toContain('Legal has not cleared');

    let status = await h.ok<PublishStatus>('publishing.status', { draftId: id });
    expect(status.live).toEqual([expect.objectContaining({ profileId: h.folderProfile, state: 'up-to-date', lastAction: 'publish' })]);
    const list = await h.ok<{ drafts: DraftSummary[] }>('drafts.list');
    expect(list.drafts.find((draft) => draft.id === id)?.published).toBe(true);

    // The slug the destination gave is pinned: a new headline does not move the story's address.
    const opened = await h.ok<{ article: { slug: string; slugFollowsHeadline: boolean } }>('drafts.open', { id });
    expect(opened.article).toMatchObject({ slug: 'bridge-reopens-after-repairs', slugFollowsHeadline: false });
    await h.ok('drafts.save', { id, article: { ...story('Bridge reopens after two years', 'Traffic flows again, slowly.'), slug: opened.article.slug, slugFollowsHeadline: false } });
    status = await h.ok<PublishStatus>('publishing.status', { draftId: id });
    expect(status.live[0]?.state).toBe('behind');

    const update = await publish(h, id, h.folderProfile, { kind: 'update' });
    expect(update.queued.action).toBe('update');
    expect(update.job.state).toBe('done');
    expect(await readFile(join(h.publishFolder, 'bridge-reopens-after-repairs', 'index.md'), 'utf8')).toContain('Traffic flows again, slowly.');
    expect((await h.ok<PublishStatus>('publishing.status', { draftId: id })).live[0]?.state).toBe('up-to-date');

    const correction = await publish(h, id, h.folderProfile, { kind: 'correction', correctionNote: 'An earlier version gave the wrong reopening date.' });
    expect(correction.job.state).toBe('done');
    expect(await readFile(join(h.publishFolder, 'bridge-reopens-after-repairs', 'index.md'), 'utf8')).toContain('An earlier version gave the wrong reopening date.');

    const unpublish = await publish(h, id, h.folderProfile, { kind: 'unpublish' });
    expect(unpublish.queued.action).toBe('unpublish');
    expect(await readFile(join(h.publishFolder, 'bridge-reopens-after-repairs', 'index.md'), 'utf8')).toMatch(/^draft: true$/m);
    status = await h.ok<PublishStatus>('publishing.status', { draftId: id });
    expect(status.live[0]?.state).toBe('unpublished');
    expect(status.entries.map((entry) => [entry.action, entry.state])).toEqual([
      ['publish', 'sent'],
      ['update', 'sent'],
      ['correction', 'sent'],
      ['unpublish', 'sent'],
    ]);
    expect(status.entries[2]?.correctionNote).toBe('An earlier version gave the wrong reopening date.');
  });

  it('refuses to queue a story the house rules hold back, and nothing reaches the network', async () => {
    const requests: string[] = [];
    const h = await start({ fetch: (url) => (requests.push(url), Promise.reject(new Error('offline'))) });
    const wp = await h.ok<CmsProfileView>('profiles.save', { kind: 'wordpress', name: 'Daily site', siteUrl: 'http://127.0.0.1:9', username: 'desk', secret: 'abcd efgh ijkl mnop qrst uvwx' });
    const id = await draftWith(h, { ...story('No byline yet', 'Text.'), byline: [] });
    const result = await h.call('publishing.queue', { draftId: id, profileId: wp.id, kind: 'publish' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_READY' } });
    expect((await h.ok<OutboxView>('outbox.list')).jobs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('previews what each destination receives and what it cannot hold, never the editorial note', async () => {
    const h = await start();
    const wp = await h.ok<CmsProfileView>('profiles.save', { kind: 'wordpress', name: 'Daily site', siteUrl: 'https://news.example', username: 'desk' });
    const id = await draftWith(h, { ...story('Preview me', 'Body text.'), standfirst: 'The short version.', seoTitle: 'Preview me | Daily' });
    const preview = await h.ok<MappingPreviewView>('publishing.preview', { draftId: id, profileId: wp.id });
    expect(preview).toMatchObject({ profileName: 'Daily site', kind: 'wordpress' });
    expect(preview.sent).toContainEqual({ field: expect.stringMatching(/excerpt/i), value: 'The short version.' });
    expect(preview.lost.join(' ')).toMatch(/SEO title/);
    expect(JSON.stringify(preview)).not.toContain('Legal has not cleared');
    const folder = await h.ok<MappingPreviewView>('publishing.preview', { draftId: id, profileId: h.folderProfile });
    expect(folder.body).toContain('Body text.');
  });

  it('keeps secrets out of every answer, the settings file, the outbox, the events and the log', async () => {
    const lines: string[] = [];
    const record = (message: string, fields?: Record<string, unknown>) => void lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    const h = await start({ logger: { info: record, warn: record, error: record } });
    const secret = 'abcd efgh ijkl mnop qrst uvwx';
    const closed = await new LoopbackServers().refusedUrl();
    const saved = await h.ok<CmsProfileView>('profiles.save', { kind: 'wordpress', name: 'Daily site', siteUrl: closed, username: 'desk', secret });
    expect(saved).toMatchObject({ hasSecret: true });
    expect(JSON.stringify(await h.ok('profiles.list'))).not.toContain(secret);
    expect(JSON.stringify(await h.ok('profiles.test', { ...saved, secret: undefined }))).not.toContain(secret);
    const id = await draftWith(h, story('Secret keeping', 'Text.'));
    await h.ok('publishing.queue', { draftId: id, profileId: saved.id, kind: 'publish' });
    await expect.poll(async () => (await h.ok<OutboxView>('outbox.list')).jobs[0]?.state, { timeout: 5_000 }).toBe('waiting');
    await h.services.flush();

    expect(await readFile(join(h.folder, 'settings.json'), 'utf8')).not.toContain(secret);
    for (const file of await readdir(join(h.folder, 'outbox'))) expect(await readFile(join(h.folder, 'outbox', file), 'utf8')).not.toContain(secret);
    expect(JSON.stringify(h.events)).not.toContain(secret);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(secret);
  });

  it('keeps a job waiting while the CMS is unreachable, counts it, and says so in the publish log', async () => {
    const h = await start();
    const closed = await new LoopbackServers().refusedUrl();
    const wp = await h.ok<CmsProfileView>('profiles.save', { kind: 'wordpress', name: 'Daily site', siteUrl: closed, username: 'desk', secret: 'abcd efgh ijkl mnop qrst uvwx' });
    const id = await draftWith(h, story('Queued while offline', 'Text.'));
    const queued = await h.ok<{ jobId: string }>('publishing.queue', { draftId: id, profileId: wp.id, kind: 'publish' });
    await expect.poll(async () => (await h.ok<OutboxView>('outbox.list')).jobs[0]?.state, { timeout: 5_000 }).toBe('waiting');
    const outbox = await h.ok<OutboxView>('outbox.list');
    expect(outbox.jobs).toEqual([
      expect.objectContaining({ id: queued.jobId, profileName: 'Daily site', outcomeUnknown: false, lastError: expect.objectContaining({ code: 'UNREACHABLE' }) }),
    ]);
    const changed = h.events.filter((e) => e.event === 'outbox.changed').at(-1)?.payload as { pending: number };
    expect(changed.pending).toBe(1);
    await expect.poll(async () => (await h.ok<PublishStatus>('publishing.status', { draftId: id })).entries[0]?.message ?? '').toMatch(/127\.0\.0\.1/);

    // A second publish while the first is still on its way becomes an update behind it, never a second create.
    const second = await h.ok<{ action: string }>('publishing.queue', { draftId: id, profileId: wp.id, kind: 'publish' });
    expect(second.action).toBe('update');

    // A try may be in flight at this instant: discarding then is refused, and works once it ends.
    await expect.poll(async () => (await h.call('outbox.discard', { jobId: queued.jobId })).ok, { timeout: 5_000, interval: 20 }).toBe(true);
    const status = await h.ok<PublishStatus>('publishing.status', { draftId: id });
    expect(status.entries[0]).toMatchObject({ state: 'failed', message: expect.stringMatching(/Discarded/) });
  });

  it('shows a hand edit on the destination as a conflict, and overwrites only when asked', async () => {
    const h = await start();
    const id = await draftWith(h, story('Council votes', 'Ours.'));
    await publish(h, id, h.folderProfile);
    const file = join(h.publishFolder, 'council-votes', 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Ours.', 'Edited on the site.'));

    const refused = await publish(h, id, h.folderProfile, { kind: 'update' });
    expect(refused.job).toMatchObject({ state: 'failed', lastError: expect.objectContaining({ code: 'CONFLICT' }) });
    const status = await h.ok<PublishStatus>('publishing.status', { draftId: id });
    expect(status.entries.at(-1)).toMatchObject({ state: 'failed', code: 'CONFLICT' });
    const conflict = await h.ok<ConflictView>('publishing.conflict', { draftId: id, profileId: h.folderProfile });
    expect(conflict.remote?.html).toContain('Edited on the site.');
    expect(conflict.local.html).toContain('Ours.');
    expect(await readFile(file, 'utf8')).toContain('Edited on the site.');

    await h.ok('outbox.discard', { jobId: refused.queued.jobId });
    const overwrite = await publish(h, id, h.folderProfile, { kind: 'update', overwrite: true });
    expect(overwrite.job.state).toBe('done');
    expect(await readFile(file, 'utf8')).toContain('Ours.');
  });

  it('remembers the destination chosen for a draft, and refuses one that does not exist', async () => {
    const h = await start();
    const other = await h.ok<CmsProfileView>('profiles.save', { kind: 'folder', name: 'Archive', folder: join(h.folder, 'archive') });
    const id = await draftWith(h, story('Choose me', 'Text.'));
    expect((await h.ok<PublishStatus>('publishing.status', { draftId: id })).profileId).toBe(h.folderProfile);
    await h.ok('publishing.chooseProfile', { draftId: id, profileId: other.id });
    expect((await h.ok<PublishStatus>('publishing.status', { draftId: id })).profileId).toBe(other.id);
    const missing = await h.call('publishing.chooseProfile', { draftId: id, profileId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A deleted destination falls back to the desk's default.
    await h.ok('profiles.delete', { id: other.id });
    expect((await h.ok<PublishStatus>('publishing.status', { draftId: id })).profileId).toBe(h.folderProfile);
  });

  it('tests a connection with what is in the form, falling back to the stored secret only for the same account', async () => {
    const h = await start();
    const folderVerdict = await h.ok('profiles.test', { kind: 'folder', name: 'Nowhere', folder: join(h.folder, 'missing') });
    expect(folderVerdict).toMatchObject({ ok: false, code: 'NOT_CONFIGURED', message: expect.stringMatching(/does not exist/) });
    const wp = await h.ok<CmsProfileView>('profiles.save', { kind: 'wordpress', name: 'Daily', siteUrl: 'http://127.0.0.1:9', username: 'desk', secret: 'abcd efgh ijkl mnop qrst uvwx' });
    // Same site and user, no secret typed: the stored one is used, so the verdict is about the network.
    expect(await h.ok('profiles.test', { ...wp, secret: undefined })).toMatchObject({ ok: false, code: 'UNREACHABLE' });
    // Another user: the stored secret is not theirs to use.
    expect(await h.ok('profiles.test', { kind: 'wordpress', id: wp.id, name: 'Daily', siteUrl: 'http://127.0.0.1:9', username: 'someone-else' })).toMatchObject({
      ok: false,
      code: 'NOT_CONFIGURED',
    });
  });
});
