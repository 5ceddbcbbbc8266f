import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/ipc/result';
import type { Draft } from '../../../shared/model/draft';
import { DRAFT_FILE_NAME, serializeDraft } from './draft-file';
import { DraftStore } from './draft-store';
import { articleWith, steppingClock, tempFolder } from './testing';

/** Another program or machine writing the draft's file, as a sync client would: whole, in place. */
async function writeElsewhere(store: DraftStore, id: string, change: (draft: Draft) => Draft): Promise<Draft> {
  const file = join(store.folderOf(id), DRAFT_FILE_NAME);
  const draft = change({ ...(JSON.parse(await readFile(file, 'utf8')) as Draft), id });
  await writeFile(file, serializeDraft(draft));
  return draft;
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('changes made outside Newsroom', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let store: DraftStore;
  beforeEach(async () => {
    folder = await tempFolder('newsroom-external-');
    store = await DraftStore.open({ folder: folder.path, clock: steppingClock() });
  });
  afterEach(async () => {
    await store.whenIdle();
    await folder.remove();
  });

  it('refuses a save edited from an older revision when another machine saved meanwhile, writing nothing', async () => {
    const draft = await store.create(articleWith('Council vote'));
    const opened = await store.read(draft.id);
    await writeElsewhere(store, draft.id, (d) => ({ ...d, revision: d.revision + 1, article: { ...d.article, headline: 'Council vote delayed' } }));
    const file = join(store.folderOf(draft.id), DRAFT_FILE_NAME);
    const before = await readFile(file, 'utf8');

    const refused = await failureOf(store.save(draft.id, articleWith('Council vote', 'my paragraph'), opened.revision));
    expect(refused).toBeInstanceOf(AppFailure);
    expect((refused as AppFailure).code).toBe('CONFLICT');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('still refuses a save queued from the older text once the newer file has been opened', async () => {
    const draft = await store.create(articleWith('Storm'));
    await store.read(draft.id);
    await writeElsewhere(store, draft.id, (d) => ({ ...d, revision: 5, article: { ...d.article, headline: 'Storm (desk)' } }));
    await store.read(draft.id); // the editor reloads the newer file ...
    // ... while its autosave of the older text was already on its way.
    expect(((await failureOf(store.save(draft.id, articleWith('Storm', 'old text'), 0))) as AppFailure).code).toBe('CONFLICT');
    expect((await store.read(draft.id)).article.headline).toBe('Storm (desk)');
  });

  it('refuses it too when the other program kept the revision but changed the text', async () => {
    const draft = await store.create(articleWith('Council vote'));
    await store.read(draft.id);
    await writeElsewhere(store, draft.id, (d) => ({ ...d, article: { ...d.article, headline: 'Edited in a text editor' } }));
    const refused = await failureOf(store.save(draft.id, articleWith('Council vote', 'mine'), draft.revision));
    expect((refused as AppFailure).code).toBe('CONFLICT');
  });

  it('saves from the revision it last wrote, and after our own in-app writes, and without a base as before', async () => {
    const draft = await store.create(articleWith('Budget'));
    const first = await store.save(draft.id, articleWith('Budget', 'one'), 0);
    // Publishing pins a slug: the revision moves on in Newsroom itself, which is not a conflict.
    await store.updateArticle(draft.id, (article) => ({ ...article, slug: 'budget-pinned' }));
    const second = await store.save(draft.id, articleWith('Budget', 'two'), first.revision);
    expect(second.revision).toBe(first.revision + 2);
    // A file touched by a sync tool without a change (same revision, same text) is no conflict either.
    await writeElsewhere(store, draft.id, (d) => d);
    await store.save(draft.id, articleWith('Budget', 'two'), second.revision);
    await writeElsewhere(store, draft.id, (d) => ({ ...d, revision: 40 }));
    expect((await store.save(draft.id, articleWith('Budget', 'three'))).revision).toBe(41);
  });

  it('still takes our own pinned slug as ours after something read the draft back (versions do, right after publishing)', async () => {
    const draft = await store.create(articleWith('Ferry'));
    const first = await store.save(draft.id, articleWith('Ferry', 'one'), 0);
    await store.updateArticle(draft.id, (article) => ({ ...article, slug: 'ferry-pinned' }));
    await store.read(draft.id); // the versions module reads the saved draft after every publish
    const second = await store.save(draft.id, articleWith('Ferry', 'two'), first.revision);
    expect(second.revision).toBe(first.revision + 2);
  });

  it('re-reads an open draft another program changed and reports it once; our own saves are never reported', async () => {
    const heard: Array<{ id: string; revision: number }> = [];
    const watch = store.watchExternal((id, revision) => heard.push({ id, revision }), { pollMs: 100 });
    try {
      const draft = await store.create(articleWith('Flood warning'));
      await store.save(draft.id, articleWith('Flood warning', 'Rivers rising.'), 0);
      await new Promise((resolve) => setTimeout(resolve, 350));
      await watch.settled();
      expect(heard).toEqual([]);

      await writeElsewhere(store, draft.id, (d) => ({ ...d, revision: 7, article: { ...d.article, headline: 'Flood warning lifted' } }));
      await expect.poll(() => heard, { timeout: 3_000 }).toEqual([{ id: draft.id, revision: 7 }]);
      // The list follows at once: no stale summary for the changed draft.
      expect((await store.list()).drafts.find((d) => d.id === draft.id)?.headline).toBe('Flood warning lifted');
      await new Promise((resolve) => setTimeout(resolve, 350));
      await watch.settled();
      expect(heard).toHaveLength(1);

      // The stale editor is still refused until it has loaded the new file; then it saves.
      expect(((await failureOf(store.save(draft.id, articleWith('old'), 1))) as AppFailure).code).toBe('CONFLICT');
      const reloaded = await store.read(draft.id);
      expect((await store.save(draft.id, articleWith('Flood warning lifted', 'New text.'), reloaded.revision)).revision).toBe(8);
    } finally {
      watch.stop();
    }
  });
});
