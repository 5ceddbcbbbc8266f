import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, paragraph, text } from '../../../../shared/editor/article-fixture';
import { newArticle } from '../../../../shared/model/article';
import { errno, withFaults } from '../../fs/fault-io';
import { settle, startWorker, stopWorkers, tempFolder } from '../../outbox/testing';
import type { JobPayload } from '../adapter';
import { FolderAdapter } from './folder-adapter';

/** The outbox worker (its store in a temp folder) publishing into another temp folder. */

const DRAFT = '00000000-0000-4000-8000-00000000000a';
let work: { path: string; remove: () => Promise<void> };
let site: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  work = await tempFolder('newsroom-outbox-');
  site = await tempFolder('newsroom-site-');
});
afterEach(async () => {
  await stopWorkers();
  await work.remove();
  await site.remove();
});

const publish = (headline: string, paragraphText: string): JobPayload => ({
  kind: 'publish',
  article: newArticle({ headline, slug: 'bridge', body: body(paragraph(text(paragraphText))) }),
  revision: 1,
  timing: { kind: 'now' },
  overwrite: false,
});
const readAsset = () => Promise.reject(new Error('no images in these stories'));

describe('local folder through the outbox', () => {
  it('create, update and unpublish of one draft land in one folder, in order', async () => {
    const adapter = new FolderAdapter({ root: site.path, readAsset });
    const { worker, time, store } = await startWorker(work.path, { transport: adapter });
    const jobs = [
      await worker.enqueue({ draftId: DRAFT, profileId: 'folder', action: 'create', payload: publish('Bridge', 'First.') }),
      await worker.enqueue({ draftId: DRAFT, profileId: 'folder', action: 'update', payload: publish('Bridge reopens', 'Second.') }),
      await worker.enqueue({ draftId: DRAFT, profileId: 'folder', action: 'unpublish', payload: { kind: 'unpublish', overwrite: false } }),
    ];
    await settle(worker, time, () => jobs.every((job) => store.get(job.id)?.state === 'done'));
    expect(jobs.map((job) => store.get(job.id)?.result?.remoteId)).toEqual(['bridge', 'bridge', 'bridge']);
    expect(await readdir(site.path)).toEqual(['bridge']);
    const index = await readFile(join(site.path, 'bridge', 'index.md'), 'utf8');
    expect(index).toContain('title: "Bridge reopens"');
    expect(index).toContain('draft: true');
    expect(index).toContain('Second.');
  });

  it('a write cut off at the rename leaves the old index.md whole; the user’s retry reconciles, then writes the new one once', async () => {
    const first = new FolderAdapter({ root: site.path, readAsset });
    const created = await first.send(
      { id: '5f0c8d8e-1b2a-4c3d-8e9f-0a1b2c3d4e01', seq: 1, idempotencyKey: 'k1', draftId: DRAFT, profileId: 'folder', action: 'create', payload: publish('Bridge', 'First.'), state: 'sending', outcomeUnknown: false, attempts: 1, failures: 0, serverErrors: 0, createdAt: '2026-11-28T10:00:00.000Z', updatedAt: '2026-11-28T10:00:00.000Z', notBefore: '2026-11-28T10:00:00.000Z' },
      { earlier: undefined },
    );
    const before = await readFile(join(site.path, 'bridge', 'index.md'), 'utf8');
    let failRenames = 1;
    const io = withFaults({
      rename: async (from, to) => {
        if (failRenames-- > 0) throw errno('EIO', 'rename');
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    });
    const flaky = new FolderAdapter({ root: site.path, readAsset, io });
    const { worker, time, store } = await startWorker(work.path, { transport: flaky });
    const update = await worker.enqueue({ draftId: DRAFT, profileId: 'folder', action: 'update', payload: publish('Bridge reopens', 'Second.') });
    await settle(worker, time, () => store.get(update.id)?.state === 'failed');
    // A disk error is shown, not retried blind; the outcome is unknown until the folder is read again.
    expect(store.get(update.id)).toMatchObject({ state: 'failed', outcomeUnknown: true, lastError: { code: 'IO_ERROR' } });
    expect(store.get(update.id)?.lastError?.message).toMatch(/Publishing to the folder/);
    // Untouched after the failed try.
    expect(await readFile(join(site.path, 'bridge', 'index.md'), 'utf8')).toBe(before);
    expect(created.remoteId).toBe('bridge');
    await worker.retry(update.id);
    await settle(worker, time, () => store.get(update.id)?.state === 'done');
    expect(store.get(update.id)).toMatchObject({ state: 'done', result: { remoteId: 'bridge' } });
    expect(await readFile(join(site.path, 'bridge', 'index.md'), 'utf8')).toContain('Second.');
    expect((await readdir(join(site.path, 'bridge'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
