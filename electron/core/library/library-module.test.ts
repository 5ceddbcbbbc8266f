import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import type { Template } from '../../../shared/model/templates';
import type { VersionMeta } from '../../../shared/model/versions';
import { articleWith } from '../drafts/testing';
import { type RouterHarness, startRouter } from '../publishing/router-testing';

/** Duplicate and templates through the router, over the services the app builds. */
let h: RouterHarness;
beforeEach(async () => {
  h = await startRouter();
});
afterEach(async () => {
  await h.close();
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe('drafts.duplicate', () => {
  it('makes a new draft "Copy of …" with the same fields, body and images, unpublished, with its own slug and no versions', async () => {
    const original = await h.ok<Draft>('drafts.create', { headline: 'Floods close the ring road' });
    const { asset } = await h.ok<{ asset: string }>('drafts.attachImage', { draftId: original.id, fileName: 'road.png', data: PNG.toString('base64') });
    const article = {
      ...articleWith('Floods close the ring road', 'Water rose overnight.', 'Police advise other routes.'),
      section: 'Local',
      byline: ['Ana Ruiz'],
      tags: ['Weather'],
      slug: 'ring-road-floods',
      slugFollowsHeadline: false,
      featuredImage: { asset, alt: 'The flooded road', caption: '', credit: '' },
    };
    await h.ok('drafts.save', { id: original.id, article });
    await h.ok('versions.name', { draftId: original.id, name: 'Filed' });
    await h.services.drafts.setPublication(original.id, () => ({
      latest: { profileId: 'p', profileName: 'Daily', url: 'https://n.example/ring-road-floods', at: '2026-01-01T10:00:00.000Z', revision: 1, state: 'live' },
    }));
    h.events.length = 0;

    const copy = await h.ok<Draft>('drafts.duplicate', { id: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy.article).toEqual({ ...article, headline: 'Copy of Floods close the ring road', slug: 'copy-of-floods-close-the-ring-road', slugFollowsHeadline: true });
    expect(copy.publication).toEqual({});
    expect(h.events).toEqual([{ event: 'drafts.changed', payload: { id: copy.id, revision: copy.revision, reason: 'created' } }]);

    // Saved as returned, its image readable from its own folder, nothing else carried over.
    expect((await h.ok<Draft>('drafts.open', { id: copy.id })).article).toEqual(copy.article);
    expect(await h.ok('drafts.readAsset', { draftId: copy.id, asset })).toEqual({ mediaType: 'image/png', data: PNG.toString('base64') });
    expect((await h.ok<{ versions: VersionMeta[] }>('versions.list', { draftId: copy.id })).versions).toEqual([]);
    const files = await readdir(h.services.drafts.folderOf(copy.id));
    expect(files.filter((name) => !name.startsWith('draft.json') && name !== 'assets' && name !== 'versions')).toEqual([]);

    const { drafts } = await h.ok<{ drafts: DraftSummary[] }>('drafts.list');
    expect(Object.fromEntries(drafts.map((d) => [d.headline, d.state]))).toEqual({ 'Floods close the ring road': 'live', 'Copy of Floods close the ring road': 'draft' });
  });

  it('names a copy of an untitled draft, and refuses a draft that is not there', async () => {
    const untitled = await h.ok<Draft>('drafts.create', {});
    expect((await h.ok<Draft>('drafts.duplicate', { id: untitled.id })).article.headline).toBe('Copy of an untitled draft');
    const missing = await h.call('drafts.duplicate', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('templates through the router', () => {
  it('lists built-ins, saves the desk’s own, refuses built-in changes, and a draft made from one starts with its fields', async () => {
    const listed = await h.ok<{ templates: Template[] }>('templates.list');
    expect(listed.templates.map((t) => [t.name, t.builtIn])).toEqual([['Breaking news', true], ['Interview', true], ['Analysis', true]]);

    const own = await h.ok<Template>('templates.save', { name: 'Court report', article: { section: 'Courts', tags: ['Justice'], standfirst: 'WHO was tried for WHAT.' } });
    expect(await h.call('templates.save', { id: 'builtin-breaking-news', name: 'Breaking news', article: {} })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('templates.delete', { id: 'builtin-interview' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Built-in templates cannot be deleted.' } });

    const breaking = listed.templates[0]!;
    const draft = await h.ok<Draft>('drafts.create', { article: breaking.article });
    expect(draft.article).toMatchObject({ section: 'News', tags: ['Breaking'], headline: '' });
    expect(JSON.stringify(draft.article.body)).toContain('WHAT HAPPENED, WHERE, WHEN');

    await h.ok('templates.delete', { id: own.id });
    expect((await h.ok<{ templates: Template[] }>('templates.list')).templates).toHaveLength(3);
  });
});
