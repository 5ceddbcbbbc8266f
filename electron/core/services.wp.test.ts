import Conf from 'conf';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsOf, readWordPressEnv, WordPressReader, type WordPressEnv } from '../../e2e/host/wordpress';
import type { EventName } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { articleWith, tempFolder } from './drafts/testing';
import { MemorySecrets } from './memory-secrets';
import { createServices, type Services } from './services';
import type { AppSettings } from './settings/app-settings';

/**
 * The services as the app and the e2e host build them, driven through the router, publishing to
 * the real WordPress on 127.0.0.1. What the renderer would see is what is asserted.
 */
let env: WordPressEnv;
beforeAll(async () => {
  env = await readWordPressEnv();
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function start(): Promise<{ services: Services; events: EventName[]; folder: string; call: (m: string, i?: unknown) => Promise<Result<unknown>> }> {
  const folder = await tempFolder('newsroom-services-');
  cleanups.push(folder.remove);
  const events: EventName[] = [];
  const services = await createServices({
    dataFolder: folder.path,
    settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: (event) => events.push(event),
    flushTimeoutMs: 50,
  });
  return { services, events, folder: folder.path, call: (m, i = {}) => services.router.handle(m, i) };
}

/** A story that passes the default house rules (byline and section are required). */
const ready = (article: ReturnType<typeof articleWith>) => ({ ...article, byline: ['Test Desk'], section: 'News' });

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('publishing through the router to a real WordPress', () => {
  it('creates the post once, then updates the same post', async () => {
    const { call, folder } = await start();
    value(await call('settings.saveWordPress', { siteUrl: `${env.url}/`, username: env.username, applicationPassword: env.applicationPassword }));
    const draft = value<{ id: string }>(await call('drafts.create'));
    const headline = `Rrumbullaku hosts Julian Ávila Polo ${Date.now()}`;
    value(await call('drafts.save', { id: draft.id, article: ready(articleWith(headline, 'First paragraph.', 'Julian Ávila Polo spoke.')) }));

    const first = value<{ action: string; postId: number; url: string }>(await call('publishing.publish', { draftId: draft.id }));
    expect(first.action).toBe('created');
    value(await call('drafts.save', { id: draft.id, article: ready(articleWith(headline, 'First paragraph, edited.', 'Julian Ávila Polo spoke.')) }));
    const second = value<{ action: string; postId: number }>(await call('publishing.publish', { draftId: draft.id }));
    expect(second).toMatchObject({ action: 'updated', postId: first.postId });

    const reader = new WordPressReader(env);
    const post = await reader.post(first.postId);
    expect(post.title.raw).toBe(headline);
    expect(paragraphsOf(post.content.rendered)).toEqual(['First paragraph, edited.', 'Julian Ávila Polo spoke.']);
    expect(post.content.rendered).toContain('<p class="byline">By Test Desk</p>');
    expect(await reader.postsTitled(headline)).toHaveLength(1);

    const onDisk = JSON.parse(await readFile(join(folder, 'drafts', draft.id, 'draft.json'), 'utf8'));
    expect(onDisk.publication.wordpress).toMatchObject({ postId: first.postId, url: first.url, siteUrl: env.url });
    const list = value<{ drafts: Array<{ id: string; published: boolean }> }>(await call('drafts.list'));
    expect(list.drafts.find((d) => d.id === draft.id)?.published).toBe(true);
  });

  it('two publish clicks at once still make one post', async () => {
    const { call } = await start();
    value(await call('settings.saveWordPress', { siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword }));
    const draft = value<{ id: string }>(await call('drafts.create'));
    const headline = `Double click ${Date.now()}`;
    value(await call('drafts.save', { id: draft.id, article: ready(articleWith(headline, 'Once only.')) }));
    const [a, b] = await Promise.all([call('publishing.publish', { draftId: draft.id }), call('publishing.publish', { draftId: draft.id })]);
    expect(value<{ postId: number }>(a).postId).toBe(value<{ postId: number }>(b).postId);
    expect(await new WordPressReader(env).postsTitled(headline)).toHaveLength(1);
  });

  it('a wrong application password is refused in plain words and the draft is unchanged', async () => {
    const { call, folder } = await start();
    value(await call('settings.saveWordPress', { siteUrl: env.url, username: env.username, applicationPassword: 'wrong pass word 1234 5678' }));
    const test = await call('publishing.testWordPress', { siteUrl: env.url, username: env.username });
    expect(test).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const draft = value<{ id: string }>(await call('drafts.create'));
    value(await call('drafts.save', { id: draft.id, article: ready(articleWith('Kept safe', 'Nothing lost.')) }));
    const file = join(folder, 'drafts', draft.id, 'draft.json');
    const before = await readFile(file, 'utf8');
    const result = await call('publishing.publish', { draftId: draft.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', message: expect.stringMatching(/application password/) } });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('never hands the password to the renderer and asks for one when none is set', async () => {
    const { call } = await start();
    const draft = value<{ id: string }>(await call('drafts.create'));
    expect(await call('publishing.publish', { draftId: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    const saved = await call('settings.saveWordPress', { siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword });
    const view = await call('settings.getWordPress');
    expect(JSON.stringify([saved, view])).not.toContain(env.applicationPassword);
    expect(value(view)).toEqual({ siteUrl: env.url, username: env.username, hasPassword: true, passwordPersisted: false });
    const test = value<{ canPublish: boolean }>(await call('publishing.testWordPress', { siteUrl: env.url, username: env.username }));
    expect(test.canPublish).toBe(true);
  });

  it('refuses to publish without a headline', async () => {
    const { call } = await start();
    value(await call('settings.saveWordPress', { siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword }));
    const draft = value<{ id: string }>(await call('drafts.create'));
    expect(await call('publishing.publish', { draftId: draft.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Add a headline before publishing.' } });
  });
});

describe('quit flush', () => {
  it('asks the renderer to save, and goes on after the deadline if it does not answer', async () => {
    const { services, events } = await start();
    await services.flush();
    expect(events).toContain('app.flushRequested');
  });

  it('returns as soon as the renderer confirms', async () => {
    const { services, call, events } = await start();
    const flushing = services.flush();
    expect(events).toContain('app.flushRequested');
    value(await call('app.flushComplete'));
    await expect(flushing).resolves.toBeUndefined();
  });
});
