import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CmsProfile } from '../../../shared/model/cms-profiles';
import { FakeTime, tempFolder } from '../outbox/testing';
import type { FetchLike } from '../ports';
import { failureOf, jobOf, publish, readAsset, story } from './adapter-fixture';
import { createAdapter } from './adapters';

const ID = '00000000-0000-4000-8000-0000000000c1';
const GHOST_KEY = `${'1'.repeat(24)}:${'ab'.repeat(32)}`;

const profiles: Record<CmsProfile['kind'], CmsProfile> = {
  wordpress: { kind: 'wordpress', id: ID, name: 'Daily', siteUrl: 'https://daily.example.org', username: 'ana' },
  ghost: { kind: 'ghost', id: ID, name: 'Blog', adminUrl: 'https://blog.example.org' },
  http: { kind: 'http', id: ID, name: 'In-house', endpointUrl: 'https://cms.example.org/newsroom', authKind: 'bearer' },
  folder: { kind: 'folder', id: ID, name: 'Local folder', folder: '/nonexistent' },
};

/**
 * Records every request and answers 401, so an adapter's first authenticated request is visible and
 * goes no further. Ghost's public `/site/` gets a site description, so its client goes on to one.
 */
function recordingFetch(): { fetch: FetchLike; requests: Array<{ url: string; headers: Headers }> } {
  const requests: Array<{ url: string; headers: Headers }> = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, headers: new Headers(init?.headers) });
    if (url.endsWith('/ghost/api/admin/site/')) {
      return Response.json({ site: { title: 'Blog', url: 'https://blog.example.org/', version: '5.130' } });
    }
    return new Response('{"message":"no"}', { status: 401, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await tempFolder('newsroom-adapters-');
});
afterEach(() => folder.remove());

describe('createAdapter', () => {
  it('the folder profile publishes a story into its folder through send', async () => {
    const time = new FakeTime('2026-11-28T10:00:00.000Z');
    const adapter = createAdapter({ ...profiles.folder, folder: folder.path } as CmsProfile, undefined, { readAsset, clock: time });
    expect(adapter.kind).toBe('folder');
    const result = await adapter.send(jobOf('create', publish(story()), { profileId: ID, now: time.now() }), { earlier: undefined });
    expect(result.remoteId).toBe('bridge-reopens');
    const index = await readFile(join(folder.path, 'bridge-reopens', 'index.md'), 'utf8');
    expect(index).toContain('Bridge reopens');
    expect(index).toContain('Traffic flows again.');
    expect(index).not.toContain('Check the mayor quote');
    expect((await readdir(join(folder.path, 'bridge-reopens'))).length).toBeGreaterThan(1);
  });

  it.each([
    ['wordpress', 'password-1', 'https://daily.example.org/', (h: Headers) => h.get('authorization') === `Basic ${Buffer.from('ana:password-1').toString('base64')}`],
    ['ghost', GHOST_KEY, 'https://blog.example.org/', (h: Headers) => /^Ghost [\w-]+\.[\w-]+\.[\w-]+$/.test(h.get('authorization') ?? '')],
    ['http', 'token-1', 'https://cms.example.org/newsroom', (h: Headers) => h.get('authorization') === 'Bearer token-1'],
  ] as const)('the %s profile talks to its own address with its secret', async (kind, secret, prefix, authorised) => {
    const { fetch, requests } = recordingFetch();
    const adapter = createAdapter(profiles[kind], secret, { readAsset, fetch });
    expect(adapter.kind).toBe(kind);
    const verdict = await adapter.testConnection();
    // Every fake answer is a 401; what matters here is where the requests went and with what.
    expect(verdict.ok).toBe(false);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) expect(request.url.startsWith(prefix)).toBe(true);
    // Some requests are public (Ghost's site info); the first authenticated one carries this secret.
    expect(requests.some((request) => authorised(request.headers))).toBe(true);
  });

  it('an HMAC profile signs its requests and never sends the secret', async () => {
    const { fetch, requests } = recordingFetch();
    const adapter = createAdapter({ ...profiles.http, authKind: 'hmac' } as CmsProfile, 'signing-secret-9', { readAsset, fetch });
    await adapter.testConnection();
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBeNull();
      expect(JSON.stringify([...request.headers.entries()])).not.toContain('signing-secret-9');
    }
  });

  it.each(['wordpress', 'ghost', 'http'] as const)('a %s profile without its secret refuses with NOT_CONFIGURED and makes no request', async (kind) => {
    const { fetch, requests } = recordingFetch();
    for (const secret of [undefined, '  ']) {
      const adapter = createAdapter(profiles[kind], secret, { readAsset, fetch });
      expect(adapter.kind).toBe(kind);
      expect(await adapter.testConnection()).toEqual({ ok: false, code: 'NOT_CONFIGURED', message: expect.stringContaining('“')});
      const failure = await failureOf(adapter.send(jobOf('create', publish(story()), { profileId: ID }), { earlier: undefined }));
      expect(failure).toMatchObject({ code: 'NOT_CONFIGURED', outcomeUnknown: false, message: expect.stringContaining('Settings') });
      const reconcile = await failureOf(adapter.reconcile(jobOf('create', publish(story()), { profileId: ID }), { earlier: undefined }));
      expect(reconcile.code).toBe('NOT_CONFIGURED');
      await expect(adapter.fetchRemote('1')).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
      // The preview needs no secret: the desk can still see what the CMS would get.
      expect(adapter.preview(story()).sent.length).toBeGreaterThan(0);
    }
    expect(requests).toEqual([]);
  });
});
