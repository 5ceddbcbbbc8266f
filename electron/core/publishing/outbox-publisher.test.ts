import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, paragraph, text } from '../../../shared/editor/article-fixture';
import { correctionText } from '../../../shared/editor/story-text';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import { DraftStore } from '../drafts/draft-store';
import type { OutboxJob, RemoteResult } from '../outbox/job';
import { OutboxStore } from '../outbox/outbox-store';
import { FakeTime, HOUR, seededRandom, settle, tempFolder } from '../outbox/testing';
import { type OutboxTransport, type SendContext, SendFailure } from '../outbox/transport';
import { OutboxWorker } from '../outbox/worker';
import { FolderAdapter } from './folder/folder-adapter';
import { OutboxPublisher } from './outbox-publisher';
import { liveState, PUBLISH_LOG_FILE, PublishLogStore } from './publish-log';

/** The publisher over the real draft store, outbox store, worker and local-folder adapter, in temp folders. */

/** The folder adapter behind a switch: off, every try fails as an unreachable CMS would. */
class Network implements OutboxTransport {
  online = true;
  readonly sent: Array<{ jobId: string; action: string; at: number }> = [];
  constructor(
    private readonly inner: FolderAdapter,
    private readonly time: FakeTime,
  ) {}

  send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    this.check();
    this.sent.push({ jobId: job.id, action: job.action, at: this.time.now().getTime() });
    return this.inner.send(job, context);
  }

  reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null> {
    this.check();
    return this.inner.reconcile(job, context);
  }

  private check(): void {
    if (!this.online) throw new SendFailure({ code: 'UNREACHABLE', message: 'Could not reach the publishing folder.', outcomeUnknown: false });
  }
}

let data: { path: string; remove: () => Promise<void> };
let site: { path: string; remove: () => Promise<void> };
let setup: Awaited<ReturnType<typeof start>>;

async function start() {
  const time = new FakeTime();
  const drafts = await DraftStore.open({ folder: join(data.path, 'data') });
  const store = await OutboxStore.open({ folder: join(data.path, 'outbox'), clock: time });
  const network = new Network(new FolderAdapter({ root: site.path, readAsset: () => Promise.reject(new Error('no images')), clock: time }), time);
  const log = new PublishLogStore({ folderOf: (id) => drafts.folderOf(id), clock: time });
  // The worker reports to the publisher, which is built after it: the shell wires it the same way.
  const wire: { publisher?: OutboxPublisher } = {};
  const worker = new OutboxWorker({ store, transport: network, clock: time, timers: time, random: seededRandom(1), onProgress: (job) => wire.publisher?.onProgress(job) });
  const publisher = new OutboxPublisher({ drafts, houseRules: { get: () => DEFAULT_HOUSE_PROFILE }, worker, log, profileName: () => 'Site folder', clock: time });
  wire.publisher = publisher;
  await worker.start();
  const draft = await drafts.create({ headline: 'Bridge reopens', byline: ['Ana Ruiz'], section: 'News', editorialNote: 'Check the mayor quote', body: body(paragraph(text('Traffic flows again.'))) });
  /** Runs the outbox on fake time until `until` holds, then lets the log catch up. */
  const run = async (until: () => boolean) => {
    await settle(worker, time, until);
    await log.whenIdle();
  };
  const done = (jobId: string) => () => store.get(jobId)?.state === 'done';
  const entries = async () => (await log.read(draft.id)).log.entries;
  const index = () => readFile(join(site.path, 'bridge-reopens', 'index.md'), 'utf8');
  return { time, drafts, store, network, log, worker, publisher, draft, run, done, entries, index };
}

beforeEach(async () => {
  data = await tempFolder('newsroom-publisher-');
  site = await tempFolder('newsroom-site-');
  setup = await start();
});
afterEach(async () => {
  await setup.worker.stop();
  await setup.drafts.whenIdle();
  await setup.log.whenIdle();
  await data.remove();
  await site.remove();
});

describe('publishing through the outbox into a folder', () => {
  it('publish, edit, update, correction, unpublish: the log and the live state follow each step', async () => {
    const { publisher, draft, drafts, log, run, done, entries, index, time } = setup;
    const first = await publisher.queue(draft.id, 'folder', { kind: 'publish' });
    expect(first.action).toBe('create');
    await run(done(first.jobId));
    const [sent] = await entries();
    expect(sent).toMatchObject({ jobId: first.jobId, profileName: 'Site folder', action: 'publish', state: 'sent', remoteId: 'bridge-reopens', revision: 0 });
    expect(sent?.url).toMatch(/^file:.*bridge-reopens\/index\.md$/);
    expect(sent?.version).toMatch(/.+/);
    // The editorial note never leaves the draft: not in the job file, not in the published story.
    expect(setup.store.get(first.jobId)?.payload).toMatchObject({ article: { editorialNote: '' } });
    expect(await index()).not.toContain('mayor');
    expect(liveState((await log.read(draft.id)).log, 'folder', 0, time.now())).toBe('up-to-date');

    const saved = await drafts.save(draft.id, { ...draft.article, body: body(paragraph(text('Traffic flows again, slowly.'))) });
    expect(liveState((await log.read(draft.id)).log, 'folder', saved.revision, time.now())).toBe('behind');

    const update = await publisher.queue(draft.id, 'folder', { kind: 'update' });
    expect(update.action).toBe('update');
    await run(done(update.jobId));
    expect((await entries())[1]).toMatchObject({ action: 'update', state: 'sent', remoteId: 'bridge-reopens', revision: saved.revision });
    expect(await index()).toContain('slowly');
    expect(liveState((await log.read(draft.id)).log, 'folder', saved.revision, time.now())).toBe('up-to-date');

    const note = 'The bridge reopened on Tuesday, not Monday.';
    const correction = await publisher.queue(draft.id, 'folder', { kind: 'correction', correctionNote: `  ${note} ` });
    await run(done(correction.jobId));
    expect((await entries())[2]).toMatchObject({ action: 'correction', state: 'sent', correctionNote: note });
    expect(await index()).toContain(correctionText(note, time.now().toISOString()));

    const off = await publisher.queue(draft.id, 'folder', { kind: 'unpublish' });
    expect(off.action).toBe('unpublish');
    await run(done(off.jobId));
    expect(await index()).toContain('draft: true');
    expect(liveState((await log.read(draft.id)).log, 'folder', saved.revision, time.now())).toBe('unpublished');
    expect(await readdir(site.path)).toEqual(['bridge-reopens']);
    expect(publisher.pendingCount()).toBe(0);
  });

  it('an update sends the version last seen as its base: a hand edit on the "CMS" is a conflict, logged as failed in plain words', async () => {
    const { publisher, draft, run, done, entries, index, store } = setup;
    await run(done((await publisher.queue(draft.id, 'folder', { kind: 'publish' })).jobId));
    await writeFile(join(site.path, 'bridge-reopens', 'index.md'), `${await index()}\nA line added by hand.\n`);
    const update = await publisher.queue(draft.id, 'folder', { kind: 'update' });
    await run(() => store.get(update.jobId)?.state === 'failed');
    expect((await entries())[1]).toMatchObject({ state: 'failed', message: expect.stringMatching(/changed since Newsroom last wrote it/) });
    expect(await index()).toContain('A line added by hand.');
  });

  it('an embargoed job is not sent until the embargo passes', async () => {
    const { publisher, draft, run, done, entries, network, time, worker } = setup;
    const embargo = time.now().getTime() + 2 * HOUR;
    const queued = await publisher.queue(draft.id, 'folder', { kind: 'publish', embargoUntil: new Date(embargo).toISOString() });
    await worker.whenIdle();
    time.advance(HOUR);
    await worker.whenIdle();
    expect(network.sent).toEqual([]);
    expect(await readdir(site.path)).toEqual([]);
    expect((await entries())[0]).toMatchObject({ state: 'queued', embargoUntil: new Date(embargo).toISOString() });
    expect(setup.publisher.pendingCount()).toBe(1);
    await run(done(queued.jobId));
    expect(network.sent).toHaveLength(1);
    expect(network.sent[0]?.at).toBeGreaterThanOrEqual(embargo);
    expect((await entries())[0]?.state).toBe('sent');
  });

  it('offline: jobs wait and are counted, then go out in order when the CMS is back', async () => {
    const { publisher, draft, drafts, run, done, entries, index, network, store, worker } = setup;
    network.online = false;
    const first = await publisher.queue(draft.id, 'folder', { kind: 'publish' });
    await drafts.save(draft.id, { ...draft.article, headline: 'Bridge reopens', body: body(paragraph(text('Second version.'))) });
    const second = await publisher.queue(draft.id, 'folder', { kind: 'update' });
    // Queued behind a create that has not gone out: an update, which finds the remote id from it.
    expect(second.action).toBe('update');
    await run(() => (store.get(first.jobId)?.failures ?? 0) >= 3);
    expect(store.get(first.jobId)?.state).toBe('waiting');
    expect(publisher.pendingCount()).toBe(2);
    expect((await entries()).map((e) => [e.state, e.message])).toEqual([
      ['queued', 'Could not reach the publishing folder.'],
      ['queued', undefined],
    ]);
    expect(network.sent).toEqual([]);

    network.online = true;
    await worker.wake();
    await run(() => done(first.jobId)() && done(second.jobId)());
    expect(network.sent.map((s) => s.jobId)).toEqual([first.jobId, second.jobId]);
    expect(publisher.pendingCount()).toBe(0);
    expect((await entries()).map((e) => [e.state, e.remoteId, e.message])).toEqual([
      ['sent', 'bridge-reopens', undefined],
      ['sent', 'bridge-reopens', undefined],
    ]);
    expect(await index()).toContain('Second version.');
  });

  it('a schedule goes to the CMS with its time and shows as scheduled until then', async () => {
    const { publisher, draft, run, done, log, time, index } = setup;
    const at = new Date(time.now().getTime() + 3 * HOUR).toISOString();
    await run(done((await publisher.queue(draft.id, 'folder', { kind: 'schedule', publishAt: at })).jobId));
    expect(await index()).toContain(at);
    const { log: current } = await log.read(draft.id);
    expect(liveState(current, 'folder', 0, time.now())).toBe('scheduled');
    expect(liveState(current, 'folder', 0, new Date(Date.parse(at) + 1))).toBe('up-to-date');
  });
});

describe('what is refused before anything is queued', () => {
  const nothingQueued = async () => {
    expect(setup.publisher.pendingCount()).toBe(0);
    expect(await readdir(setup.drafts.folderOf(setup.draft.id))).not.toContain(PUBLISH_LOG_FILE);
  };

  it('a story that fails the house rules: NOT_READY with what is missing', async () => {
    const { publisher, drafts, draft } = setup;
    await drafts.save(draft.id, { ...draft.article, byline: [] });
    await expect(publisher.queue(draft.id, 'folder', { kind: 'publish' })).rejects.toMatchObject({ code: 'NOT_READY', message: expect.stringMatching(/Byline is missing/) });
    await nothingQueued();
  });

  it.each([
    ['a correction without a note', { kind: 'correction', correctionNote: '   ' }, /Write what the correction is/],
    ['a schedule in the past', { kind: 'schedule', publishAt: '2025-06-01T08:00:00.000Z' }, /scheduled time has already passed/],
    ['an embargo in the past', { kind: 'publish', embargoUntil: '2025-06-01T08:59:00.000Z' }, /embargo time has already passed/],
    ['a schedule before the embargo', { kind: 'schedule', publishAt: '2025-06-01T10:00:00.000Z', embargoUntil: '2025-06-01T11:00:00.000Z' }, /before the embargo lifts/],
    ['unpublishing a story never published', { kind: 'unpublish' }, /not published on Site folder/],
  ] as const)('%s', async (_name, request, message) => {
    if (request.kind === 'correction') await setup.run(setup.done((await setup.publisher.queue(setup.draft.id, 'folder', { kind: 'publish' })).jobId));
    const before = setup.publisher.pendingCount();
    await expect(setup.publisher.queue(setup.draft.id, 'folder', request)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    expect(setup.publisher.pendingCount()).toBe(before);
    if (request.kind !== 'correction') await nothingQueued();
  });
});

describe('a damaged publish log', () => {
  it('is set aside, the journalist is told, and publishing starts a new log', async () => {
    const { publisher, draft, drafts, run, done, entries } = setup;
    const path = join(drafts.folderOf(draft.id), PUBLISH_LOG_FILE);
    await writeFile(path, '{"format":"newsroom-publish-log","schemaVe');
    const queued = await publisher.queue(draft.id, 'folder', { kind: 'publish' });
    expect(queued.logProblem).toMatch(/damaged, so it was set aside/);
    await run(done(queued.jobId));
    expect((await entries()).map((e) => e.state)).toEqual(['sent']);
    const kept = (await readdir(drafts.folderOf(draft.id))).filter((name) => name.startsWith(`${PUBLISH_LOG_FILE}.corrupt-`));
    expect(kept).toHaveLength(1);
  });
});

describe('progress that outruns the queued entry', () => {
  it('a job reported done before its log entry was written is still logged as sent', async () => {
    const { drafts, draft, log, time } = setup;
    // A worker whose job is done before enqueue even returns: the race at its most extreme.
    const wire: { publisher?: OutboxPublisher } = {};
    const instant = {
      pendingCount: () => 0,
      enqueue: async (input: Parameters<OutboxWorker['enqueue']>[0]): Promise<OutboxJob> => {
        const now = time.now().toISOString();
        const job: OutboxJob = { id: '5f0c8d8e-1b2a-4c3d-8e9f-0a1b2c3d0001', seq: 1, draftId: input.draftId, profileId: input.profileId, action: input.action, payload: input.payload, idempotencyKey: 'k', notBefore: now, state: 'pending', outcomeUnknown: false, attempts: 0, failures: 0, serverErrors: 0, createdAt: now, updatedAt: now };
        wire.publisher?.onProgress({ ...job, state: 'done', attempts: 1, result: { remoteId: 'r1', url: 'https://cms.test/r1/', version: 'v1' } });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return job;
      },
    };
    const publisher = new OutboxPublisher({ drafts, houseRules: { get: () => DEFAULT_HOUSE_PROFILE }, worker: instant, log, profileName: () => 'Test site', clock: time });
    wire.publisher = publisher;
    await publisher.queue(draft.id, 'test', { kind: 'publish' });
    await log.whenIdle();
    expect((await log.read(draft.id)).log.entries).toMatchObject([{ state: 'sent', remoteId: 'r1', version: 'v1' }]);
  });
});
