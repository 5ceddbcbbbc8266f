import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import { newArticle } from '../../../shared/model/article';
import { articleWith, tempFolder } from '../drafts/testing';
import { MemorySecrets } from '../memory-secrets';
import { createServices } from '../services';
import type { AppSettings } from '../settings/app-settings';

/** The house rules are checked before any request leaves: a refused story never reaches the network. */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function start() {
  const folder = await tempFolder('newsroom-publishing-');
  cleanups.push(folder.remove);
  const requests: string[] = [];
  const services = await createServices({
    dataFolder: folder.path,
    settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: () => undefined,
    fetch: async (input) => {
      requests.push(String(input));
      throw new Error('no network in this test');
    },
  });
  const call = (method: string, input: unknown = {}): Promise<Result<unknown>> => services.router.handle(method, input);
  const ok = async <T>(pending: Promise<Result<unknown>>): Promise<T> => {
    const result = await pending;
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  await ok(call('settings.saveWordPress', { siteUrl: 'https://news.example', username: 'desk', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' }));
  return { call, ok, requests };
}

describe('publishing.publish and the house rules', () => {
  it('refuses with NOT_READY, listing every problem in plain words, and sends nothing', async () => {
    const { call, ok, requests } = await start();
    const { id } = await ok<{ id: string }>(call('drafts.create'));
    await ok(call('drafts.save', { id, article: newArticle({ ...articleWith('Ready?', 'Body.'), seoTitle: 'x'.repeat(61) }) }));
    expect(await call('publishing.publish', { draftId: id })).toEqual({
      ok: false,
      error: {
        code: 'NOT_READY',
        message: 'Not published: Byline is missing. Section is missing. SEO title is 1 character over its budget of 60.',
      },
    });
    expect(requests).toEqual([]);
  });

  it('counts a slug that follows the headline as present, and applies the saved profile', async () => {
    const { call, ok, requests } = await start();
    await ok(call('settings.saveHouseProfile', { required: ['slug', 'standfirst'], budgets: { headline: 90, standfirst: 280, seoTitle: 60, seoDescription: 155 }, sections: [] }));
    const { id } = await ok<{ id: string }>(call('drafts.create'));
    await ok(call('drafts.save', { id, article: articleWith('Julian Ávila Polo', 'Body.') }));
    expect(await call('publishing.publish', { draftId: id })).toMatchObject({ ok: false, error: { code: 'NOT_READY', message: 'Not published: Standfirst is missing.' } });
    expect(requests).toEqual([]);

    // Ready: now it goes to the network (which this test does not have).
    await ok(call('drafts.save', { id, article: { ...articleWith('Julian Ávila Polo', 'Body.'), standfirst: 'A dek.' } }));
    expect(await call('publishing.publish', { draftId: id })).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(requests.length).toBeGreaterThan(0);
  });
});
