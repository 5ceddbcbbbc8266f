import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Draft, DraftSummary } from '../../../shared/model/draft';
import { MemorySecrets } from '../memory-secrets';
import { createServices, type Services } from '../services';
import type { AppSettings } from '../settings/app-settings';
import { indexFolderFor } from '../settings/drafts-folder';
import { articleWith, tempFolder } from './testing';

/** One run of the app on `dataFolder`; quitting it and starting another on the same folder is a restart. */
async function run(dataFolder: string) {
  const events: Array<{ event: string; payload: unknown }> = [];
  const services: Services = await createServices({
    dataFolder,
    settings: new Conf<AppSettings>({ cwd: dataFolder, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: (event, payload) => void events.push({ event, payload }),
    flushTimeoutMs: 20,
  });
  const call = (method: string, input: unknown = {}): Promise<Result<unknown>> => services.router.handle(method, input);
  const ok = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { services, events, call, ok };
}

describe('drafts in a chosen folder, through the services', () => {
  let data: Awaited<ReturnType<typeof tempFolder>>;
  let chosen: Awaited<ReturnType<typeof tempFolder>>;
  beforeEach(async () => {
    data = await tempFolder('newsroom-data-');
    chosen = await tempFolder('newsroom-shared-');
  });
  afterEach(async () => {
    await data.remove();
    await chosen.remove();
  });

  it('keeps drafts in the chosen folder after a restart, the trash beside them and the index local', async () => {
    const first = await run(data.path);
    await first.ok('drafts.create', { headline: 'Written before the move' });
    expect(await first.ok('settings.setDraftsFolder', { folder: chosen.path })).toEqual({ folder: data.path, isDefault: true, next: chosen.path });
    await first.services.flush();

    const second = await run(data.path);
    try {
      expect(await second.ok('settings.getDraftsFolder')).toEqual({ folder: chosen.path, isDefault: false });
      const created = await second.ok<Draft>('drafts.create', { headline: 'Written in the shared folder' });
      const listed = await second.ok<{ drafts: DraftSummary[] }>('drafts.list');
      expect(listed.drafts.map((d) => d.headline)).toEqual(['Written in the shared folder']);
      expect(JSON.parse(await readFile(join(chosen.path, 'drafts', created.id, 'draft.json'), 'utf8')).article.headline).toBe('Written in the shared folder');
      await second.ok('drafts.trash', { id: created.id });
      expect(await readdir(join(chosen.path, 'trash'))).toEqual([created.id]);
      await second.services.flush();
      // Nothing but drafts and trash in the shared folder: the summary index went to the data folder.
      expect((await readdir(chosen.path)).sort()).toEqual(['drafts', 'trash']);
      expect(await readdir(indexFolderFor(data.path, chosen.path))).toContain('summaries.json');
    } finally {
      await second.services.flush();
    }
  });

  it('tells the window about a change from another machine and refuses a save from the older text', async () => {
    const app = await run(data.path);
    try {
      const draft = await app.ok<Draft>('drafts.create', { headline: 'Match report' });
      const opened = await app.ok<Draft>('drafts.open', { id: draft.id });
      const file = join(data.path, 'drafts', draft.id, 'draft.json');
      const onDisk = JSON.parse(await readFile(file, 'utf8')) as Draft;
      await writeFile(file, JSON.stringify({ ...onDisk, revision: 3, article: { ...onDisk.article, headline: 'Match report (desk edit)' } }, null, 2));

      await expect
        .poll(() => app.events.filter((e) => e.event === 'drafts.changed' && (e.payload as { reason: string }).reason === 'external'), { timeout: 5_000 })
        .toEqual([{ event: 'drafts.changed', payload: { id: draft.id, revision: 3, reason: 'external' } }]);

      const before = await readFile(file, 'utf8');
      const refused = await app.call('drafts.save', { id: draft.id, article: articleWith('Match report', 'mine'), baseRevision: opened.revision });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await readFile(file, 'utf8')).toBe(before);
    } finally {
      await app.services.flush();
    }
  });
});
