import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/ipc/result';
import { articleWith, tempFolder } from './drafts/testing';
import { MemorySecrets } from './memory-secrets';
import { createServices } from './services';
import type { AppSettings } from './settings/app-settings';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function router() {
  const folder = await tempFolder('newsroom-services-');
  cleanups.push(folder.remove);
  const services = await createServices({
    dataFolder: folder.path,
    settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: () => {},
    // No renderer here to confirm a final save.
    flushTimeoutMs: 10,
  });
  cleanups.push(async () => services.flush().catch(() => undefined));
  return (method: string, input: unknown = {}) => services.router.handle(method, input);
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('drafts.search through the router', () => {
  it('finds a saved draft without accents and highlights the headline', async () => {
    const call = await router();
    const draft = value<{ id: string }>(await call('drafts.create'));
    value(await call('drafts.save', { id: draft.id, article: articleWith('Ávila Polo visits Tirana', 'The commissioner met the director.') }));
    const other = value<{ id: string }>(await call('drafts.create'));
    value(await call('drafts.save', { id: other.id, article: articleWith('Budget vote delayed', 'Parliament adjourned.') }));

    let results = value<{ total: number; indexing: number; hits: Array<{ id: string; headline: { text: string; marks: Array<[number, number]> } }> }>(
      await call('drafts.search', { query: 'avila' }),
    );
    // The index catches up in the background; give it a moment if it is still working.
    for (let tries = 0; results.indexing > 0 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      results = value(await call('drafts.search', { query: 'avila' }));
    }
    expect(results.total).toBe(1);
    expect(results.hits[0]?.id).toBe(draft.id);
    const [start, end] = results.hits[0]!.headline.marks[0]!;
    expect(results.hits[0]!.headline.text.slice(start, end)).toBe('Ávila');
  });

  it('rejects an oversized query as INVALID_INPUT', async () => {
    const call = await router();
    expect(await call('drafts.search', { query: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('spiked drafts through the router', () => {
  it('lists, restores and purges, telling every window what changed', async () => {
    const folder = await tempFolder('newsroom-services-');
    cleanups.push(folder.remove);
    const events: Array<{ id: string; reason: string }> = [];
    const services = await createServices({
      dataFolder: folder.path,
      settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
      secrets: new MemorySecrets(),
      appVersion: 'test',
      emit: (event, payload) => {
        if (event === 'drafts.changed') events.push(payload as { id: string; reason: string });
      },
      flushTimeoutMs: 10,
    });
    cleanups.push(async () => services.flush().catch(() => undefined));
    const call = (method: string, input: unknown = {}) => services.router.handle(method, input);

    const draft = value<{ id: string }>(await call('drafts.create', { headline: 'Spike me' }));
    value(await call('drafts.trash', { id: draft.id }));
    expect(value(await call('drafts.listSpiked'))).toEqual([expect.objectContaining({ id: draft.id, headline: 'Spike me', wordCount: 0 })]);
    value(await call('drafts.restore', { id: draft.id }));
    expect(value<{ drafts: Array<{ id: string }> }>(await call('drafts.list')).drafts.map((d) => d.id)).toEqual([draft.id]);
    expect(await call('drafts.restore', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    value(await call('drafts.trash', { id: draft.id }));
    value(await call('drafts.purge', { id: draft.id }));
    expect(value(await call('drafts.listSpiked'))).toEqual([]);
    // Each spike and restore also moves the desk status (Spiked, then Draft again): 'status'.
    expect(events.map((e) => e.reason)).toEqual(['created', 'status', 'trashed', 'restored', 'status', 'status', 'trashed', 'purged']);
  });

  it('purges spikes older than 30 days at start-up, in the background', async () => {
    const folder = await tempFolder('newsroom-services-');
    cleanups.push(folder.remove);
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const clock = { now: () => new Date(now) };
    const start = async (emit: (event: string, payload: unknown) => void = () => {}) =>
      createServices({
        dataFolder: folder.path,
        settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
        secrets: new MemorySecrets(),
        appVersion: 'test',
        emit,
        clock,
        flushTimeoutMs: 10,
      });
    const first = await start();
    const old = value<{ id: string }>(await first.router.handle('drafts.create', { headline: 'old' }));
    value(await first.router.handle('drafts.trash', { id: old.id }));
    now += 20 * 24 * 60 * 60 * 1000;
    const recent = value<{ id: string }>(await first.router.handle('drafts.create', { headline: 'recent' }));
    value(await first.router.handle('drafts.trash', { id: recent.id }));
    await first.flush();

    now += 15 * 24 * 60 * 60 * 1000;
    const purged: string[] = [];
    const second = await start((event, payload) => {
      if (event === 'drafts.changed' && (payload as { reason: string }).reason === 'purged') purged.push((payload as { id: string }).id);
    });
    await second.flush(); // waits for the start-up purge too
    expect(purged).toEqual([old.id]);
    expect(value<Array<{ id: string }>>(await second.router.handle('drafts.listSpiked', {})).map((s) => s.id)).toEqual([recent.id]);
  });
});
