import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../shared/model/article';
import type { OutboxJob } from '../../outbox/job';
import { FakeTime, tempFolder } from '../../outbox/testing';
import type { JobPayload } from '../adapter';
import { BYTES, DRAFT, failureOf, jobOf as fixtureJob, INLINE, PHOTO, publish, story as fixtureStory } from '../adapter-fixture';
import { parseIndex } from './front-matter';
import { FolderAdapter } from './folder-adapter';

const OTHER = '00000000-0000-4000-8000-00000000000b';

let folder: { path: string; remove: () => Promise<void> };
let time: FakeTime;
let adapter: FolderAdapter;
const reads: string[] = [];

beforeEach(async () => {
  folder = await tempFolder('newsroom-folder-');
  time = new FakeTime('2026-11-28T10:00:00.000Z');
  reads.length = 0;
  adapter = new FolderAdapter({
    root: folder.path,
    clock: time,
    readAsset: async (_draft, asset) => {
      reads.push(asset);
      const bytes = BYTES[asset];
      if (!bytes) throw new Error('missing');
      return { mediaType: 'image/png', bytes };
    },
  });
});
afterEach(() => folder.remove());

/** The shared story, with strings YAML must quote (a `---`, quotes, "yes") and two authors. */
const story = (fields: Partial<Article> = {}): Article =>
  fixtureStory({
    headline: 'Bridge reopens: "at last" --- says mayor',
    byline: ['Ana Ruiz', 'Luis Gil'],
    tags: ['transport', 'yes'],
    seoTitle: 'Bridge reopens',
    ...fields,
  });

const jobOf = (action: OutboxJob['action'], payload: JobPayload, draftId = DRAFT): OutboxJob =>
  fixtureJob(action, payload, { draftId, profileId: 'folder', now: time.now() });

const readIndex = async (name: string) => {
  const parsed = parseIndex(await readFile(join(folder.path, name, 'index.md'), 'utf8'));
  if (!parsed) throw new Error('not ours');
  return parsed;
};


describe('local folder: publish', () => {
  it('writes a page bundle: front matter with every story field, Markdown body, image files beside it; never the editorial note', async () => {
    const result = await adapter.send(jobOf('create', publish(story())), { earlier: undefined });
    expect(result).toMatchObject({ remoteId: 'bridge-reopens', slug: 'bridge-reopens' });
    expect(result.url).toMatch(/^file:\/\/.*\/bridge-reopens\/index\.md$/);
    const raw = await readFile(join(folder.path, 'bridge-reopens', 'index.md'), 'utf8');
    expect(raw).not.toContain('Marta');
    const { matter, body: markdown } = await readIndex('bridge-reopens');
    expect(matter).toMatchObject({
      title: 'Bridge reopens: "at last" --- says mayor',
      date: '2026-11-28T10:00:00.000Z',
      draft: false,
      description: 'The river crossing is open again.',
      authors: ['Ana Ruiz', 'Luis Gil'],
      categories: ['Local'],
      tags: ['transport', 'yes'],
      dateline: { place: 'Girona', date: '2026-11-28' },
      seo: { title: 'Bridge reopens', description: 'Open again' },
      featured_image: { src: `assets/${PHOTO}`, alt: 'The bridge', caption: 'At dawn', credit: 'Photo: J. Pérez' },
      newsroom: { draft_id: DRAFT, revision: 3 },
    });
    expect(markdown).toContain('Traffic flows again.');
    expect(markdown).toContain(`](assets/${INLINE}`);
    expect(markdown).toContain('## Cost');
    expect(await readdir(join(folder.path, 'bridge-reopens', 'assets'))).toEqual([PHOTO, INLINE].sort());
    expect(new Uint8Array(await readFile(join(folder.path, 'bridge-reopens', 'assets', INLINE)))).toEqual(BYTES[INLINE]);
    // No temp files left behind by the atomic writes.
    expect((await readdir(join(folder.path, 'bridge-reopens'))).sort()).toEqual(['assets', 'index.md']);
  });

  it('never publishes twice: a repeated create with the same key, and reconcile, find the first', async () => {
    const job = jobOf('create', publish(story()));
    const first = await adapter.send(job, { earlier: undefined });
    expect(await adapter.reconcile(job, { earlier: undefined })).toEqual(first);
    expect(await adapter.send(job, { earlier: undefined })).toEqual(first);
    expect(await readdir(folder.path)).toEqual(['bridge-reopens']);
    expect(await adapter.reconcile(jobOf('create', publish(story())), { earlier: undefined })).toBeNull();
  });

  it('does not take another story’s folder: a slug clash gets -2, and a folder someone made is left alone', async () => {
    await adapter.send(jobOf('create', publish(story()), OTHER), { earlier: undefined });
    await mkdir(join(folder.path, 'bridge-reopens-2'));
    await writeFile(join(folder.path, 'bridge-reopens-2', 'notes.txt'), 'mine');
    const result = await adapter.send(jobOf('create', publish(story())), { earlier: undefined });
    expect(result.remoteId).toBe('bridge-reopens-3');
    expect((await readIndex('bridge-reopens')).matter.newsroom.draft_id).toBe(OTHER);
    expect(await readdir(join(folder.path, 'bridge-reopens-2'))).toEqual(['notes.txt']);
  });

  it('keeps folder names short and usable everywhere: a 200-character slug, a slug Windows reserves, no slug at all', async () => {
    const long = await adapter.send(jobOf('create', publish(story({ slug: 'a'.repeat(99) + '-' + 'b'.repeat(100) }))), { earlier: undefined });
    expect(long.remoteId).toBe('a'.repeat(99));
    const again = jobOf('create', publish(story({ slug: 'a'.repeat(99) + '-' + 'b'.repeat(100) })), OTHER);
    expect((await adapter.send(again, { earlier: undefined })).remoteId).toBe(`${'a'.repeat(99)}-2`);
    expect(await adapter.reconcile(again, { earlier: undefined })).toMatchObject({ remoteId: `${'a'.repeat(99)}-2` });
    const reserved = jobOf('create', publish(story({ slug: 'con' })), '00000000-0000-4000-8000-00000000000c');
    expect((await adapter.send(reserved, { earlier: undefined })).remoteId).toBe('con-story');
    const bare = jobOf('create', publish(story({ slug: '', headline: '¿?' })), '00000000-0000-4000-8000-00000000000d');
    expect((await adapter.send(bare, { earlier: undefined })).remoteId).toBe('story-00000000');
  });

  it('schedules with the publish time as the date, which site generators hold back until then', async () => {
    const publishAt = '2026-11-30T06:00:00.000Z';
    const result = await adapter.send(jobOf('create', publish(story(), { timing: { kind: 'scheduled', publishAt } })), { earlier: undefined });
    expect((await readIndex(result.remoteId)).matter).toMatchObject({ date: publishAt, draft: false });
    expect(await adapter.fetchRemote(result.remoteId)).toMatchObject({ status: 'scheduled', title: story().headline });
  });
});

describe('local folder: update, correction, unpublish, conflict', () => {
  it('updates the same folder (keeping the first publish date), appends a correction, and unpublishes to a draft', async () => {
    const created = await adapter.send(jobOf('create', publish(story())), { earlier: undefined });
    time.advance(3_600_000);
    const renamed = story({ headline: 'Bridge reopens after two years', slug: 'other-slug' });
    const correction = { note: 'The bridge is *300 m* long, not 30 m.', at: '2026-11-28T11:00:00.000Z' };
    const updated = await adapter.send(jobOf('update', publish(renamed, { baseVersion: created.version, correction })), { earlier: created });
    expect(updated.remoteId).toBe('bridge-reopens');
    expect(updated.version).not.toBe(created.version);
    const after = await readIndex('bridge-reopens');
    expect(after.matter).toMatchObject({ title: 'Bridge reopens after two years', date: '2026-11-28T10:00:00.000Z', lastmod: '2026-11-28T11:00:00.000Z' });
    expect(after.body.trim().endsWith('*Correction, 28 November 2026: The bridge is \\*300 m\\* long, not 30 m.*')).toBe(true);
    const copy = await adapter.fetchRemote('bridge-reopens');
    expect(copy?.html).toContain('<em>Correction, 28 November 2026: The bridge is *300 m* long, not 30 m.</em>');

    const down = await adapter.send(jobOf('unpublish', { kind: 'unpublish', baseVersion: updated.version, overwrite: false }), { earlier: updated });
    expect((await readIndex('bridge-reopens')).matter).toMatchObject({ draft: true, title: 'Bridge reopens after two years' });
    expect(await adapter.fetchRemote(down.remoteId)).toMatchObject({ status: 'draft', version: down.version });
  });

  it('refuses to overwrite a hand edit of index.md (CONFLICT, 409) unless told to overwrite', async () => {
    const created = await adapter.send(jobOf('create', publish(story())), { earlier: undefined });
    const path = join(folder.path, 'bridge-reopens', 'index.md');
    await writeFile(path, `${await readFile(path, 'utf8')}\nAdded by the web editor.\n`);
    const failure = await failureOf(adapter.send(jobOf('update', publish(story(), { baseVersion: created.version })), { earlier: created }));
    expect(failure).toMatchObject({ code: 'CONFLICT', status: 409, outcomeUnknown: false });
    expect(await readFile(path, 'utf8')).toContain('Added by the web editor.');
    expect((await adapter.fetchRemote('bridge-reopens'))?.html).toContain('Added by the web editor.');
    await adapter.send(jobOf('update', publish(story(), { baseVersion: created.version, overwrite: true })), { earlier: created });
    expect(await readFile(path, 'utf8')).not.toContain('Added by the web editor.');
  });

  it('says plainly when the story’s folder is gone', async () => {
    const failure = await failureOf(adapter.send(jobOf('update', publish(story())), { earlier: { remoteId: 'gone', url: '' } }));
    expect(failure).toMatchObject({ code: 'NOT_FOUND', outcomeUnknown: false });
    expect(failure.message).toMatch(/no longer in the publishing folder/);
  });
});

describe('local folder: connection and preview', () => {
  it('checks the folder exists and is writable', async () => {
    expect(await adapter.testConnection()).toEqual({ ok: true, account: folder.path, canPublish: true });
    expect(await readdir(folder.path)).toEqual([]);
    const missing = new FolderAdapter({ root: join(folder.path, 'nope'), readAsset: () => Promise.reject(new Error('x')) });
    expect(await missing.testConnection()).toMatchObject({ ok: false, code: 'NOT_CONFIGURED', message: expect.stringMatching(/does not exist/) });
    await writeFile(join(folder.path, 'file'), 'x');
    const file = new FolderAdapter({ root: join(folder.path, 'file'), readAsset: () => Promise.reject(new Error('x')) });
    expect(await file.testConnection()).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
  });

  it('previews every field as written, and loses only the editorial note', () => {
    const preview = adapter.preview(story());
    expect(preview.lost).toEqual([expect.stringMatching(/Editorial note/)]);
    expect(preview.sent).toContainEqual({ field: 'Authors', value: 'Ana Ruiz, Luis Gil' });
    expect(preview.body).toContain('Traffic flows again.');
    expect(adapter.preview(story({ editorialNote: '' })).lost).toEqual([]);
  });
});
