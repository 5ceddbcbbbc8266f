import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTime, tempFolder } from '../outbox/testing';
import { type LogEntry, liveState, latestFor, PUBLISH_LOG_FILE, PublishLogStore } from './publish-log';

const DRAFT = '00000000-0000-4000-8000-00000000000a';
const job = (n: number): string => `5f0c8d8e-1b2a-4c3d-8e9f-0a1b2c3d${String(n).padStart(4, '0')}`;
const entry = (n: number, fields: Partial<LogEntry> = {}): LogEntry => ({
  jobId: job(n),
  profileId: 'folder',
  profileName: 'Site folder',
  action: 'publish',
  queuedAt: '2025-06-01T09:00:00.000Z',
  state: 'sent',
  revision: n,
  remoteId: 'bridge',
  version: `v${n}`,
  ...fields,
});

let dir: { path: string; remove: () => Promise<void> };
let store: PublishLogStore;
beforeEach(async () => {
  dir = await tempFolder('newsroom-log-');
  store = new PublishLogStore({ folderOf: () => dir.path, clock: new FakeTime() });
});
afterEach(() => dir.remove());

describe('live state', () => {
  const log = (...entries: LogEntry[]) => ({ entries });
  const now = new Date('2025-06-01T12:00:00.000Z');

  it('is judged from the last entry the CMS accepted on that profile', () => {
    expect(liveState(log(), 'folder', 1, now)).toBe('not-published');
    expect(liveState(log(entry(1, { state: 'queued' }), entry(2, { state: 'failed' })), 'folder', 2, now)).toBe('not-published');
    expect(liveState(log(entry(3)), 'folder', 3, now)).toBe('up-to-date');
    expect(liveState(log(entry(3)), 'folder', 4, now)).toBe('behind');
    // A later update still on its way does not make the live copy current.
    expect(liveState(log(entry(3), entry(4, { state: 'queued' })), 'folder', 4, now)).toBe('behind');
    expect(liveState(log(entry(3), entry(4, { action: 'unpublish' })), 'folder', 4, now)).toBe('unpublished');
    expect(liveState(log(entry(3)), 'wordpress', 3, now)).toBe('not-published');
  });

  it('a schedule is "scheduled" until its time, then live like any copy', () => {
    const scheduled = log(entry(2, { action: 'schedule', publishAt: '2025-06-01T15:00:00.000Z' }));
    expect(liveState(scheduled, 'folder', 2, now)).toBe('scheduled');
    expect(liveState(scheduled, 'folder', 2, new Date('2025-06-01T15:00:01.000Z'))).toBe('up-to-date');
    expect(liveState(scheduled, 'folder', 3, new Date('2025-06-01T15:00:01.000Z'))).toBe('behind');
  });

  it('latestFor gives the remote id, version and revision of the last accepted entry', () => {
    const found = latestFor(log(entry(1), entry(2), entry(3, { state: 'failed', version: 'x' })), 'folder');
    expect(found).toMatchObject({ remoteId: 'bridge', version: 'v2', revision: 2 });
  });
});

describe('publish log file', () => {
  it('appends and updates by job id, on disk with its format marker', async () => {
    await store.append(DRAFT, entry(1, { state: 'queued', remoteId: undefined, version: undefined }));
    await store.append(DRAFT, entry(2, { state: 'queued', remoteId: undefined, version: undefined, action: 'update' }));
    expect(await store.update(DRAFT, job(1), (e) => ({ ...e, state: 'sent', remoteId: 'bridge', url: 'file:///x' }))).toBe(true);
    expect(await store.update(DRAFT, job(9), (e) => ({ ...e, state: 'failed' }))).toBe(false);
    const file = JSON.parse(await readFile(join(dir.path, PUBLISH_LOG_FILE), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'newsroom-publish-log', schemaVersion: 1 });
    const { log, problem } = await store.read(DRAFT);
    expect(problem).toBeUndefined();
    expect(log.entries.map((e) => [e.jobId, e.state, e.remoteId])).toEqual([
      [job(1), 'sent', 'bridge'],
      [job(2), 'queued', undefined],
    ]);
  });

  it('concurrent appends and updates all land (one queue per draft)', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.append(DRAFT, entry(n, { state: 'queued' }))));
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.update(DRAFT, job(n), (e) => ({ ...e, state: 'sent' }))));
    const { log } = await store.read(DRAFT);
    expect(log.entries).toHaveLength(20);
    expect(log.entries.every((e) => e.state === 'sent')).toBe(true);
  });

  it.each([
    ['cut off', '{"format":"newsroom-publish-log","schemaVersion":1,"entries":[{"jobId"'],
    ['wrong shape', '{"format":"newsroom-publish-log","schemaVersion":1,"entries":[{"jobId":"nope"}]}'],
    ['not a log', '{"hello":1}'],
  ])('a damaged log (%s) is set aside byte for byte, read as empty with a problem, and a new one is started', async (_name, text) => {
    await writeFile(join(dir.path, PUBLISH_LOG_FILE), text);
    const read = await store.read(DRAFT);
    expect(read.log.entries).toEqual([]);
    expect(read.problem).toMatch(/publish log was damaged, so it was set aside as publish-log\.json\.corrupt-/);
    const kept = (await readdir(dir.path)).filter((name) => name.startsWith(`${PUBLISH_LOG_FILE}.corrupt-`));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir.path, kept[0] as string), 'utf8')).toBe(text);
    await store.append(DRAFT, entry(1));
    expect((await store.read(DRAFT)).log.entries).toHaveLength(1);
    // The damaged copy is still there, untouched.
    expect(await readFile(join(dir.path, kept[0] as string), 'utf8')).toBe(text);
  });

  it('a log from a newer Newsroom is left alone: read as empty, never overwritten', async () => {
    const newer = '{"format":"newsroom-publish-log","schemaVersion":7,"entries":[]}';
    await writeFile(join(dir.path, PUBLISH_LOG_FILE), newer);
    expect(await store.read(DRAFT)).toMatchObject({ readOnly: true, problem: expect.stringMatching(/newer version of Newsroom/) });
    await expect(store.append(DRAFT, entry(1))).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(await readFile(join(dir.path, PUBLISH_LOG_FILE), 'utf8')).toBe(newer);
  });
});
