import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Draft } from '../shared/model/draft';
import { AppPage } from './host/app-page';
import { expect, test } from './host/fixtures';
import { NewsroomHost } from './host/newsroom-host';

/** Another machine saving the draft through a synced folder: the whole file, a newer revision. */
async function saveFromAnotherMachine(draftFile: string, headline: string): Promise<void> {
  const draft = JSON.parse(await readFile(draftFile, 'utf8')) as Draft;
  const next = { ...draft, revision: draft.revision + 1, updatedAt: new Date().toISOString(), article: { ...draft.article, headline } };
  await writeFile(draftFile, `${JSON.stringify(next, null, 2)}\n`);
}

test('drafts move to a chosen folder after a restart, and changes from another machine reach the open draft without losing a word', async ({ context }) => {
  const dataFolder = await mkdtemp(join(tmpdir(), 'newsroom-e2e-data-'));
  const shared = await mkdtemp(join(tmpdir(), 'newsroom-e2e-shared-'));
  const hosts: NewsroomHost[] = [];
  try {
    // First run: pick the shared folder in Settings; the picker is answered as the system's would be.
    const first = await NewsroomHost.start({ dataFolder, pickFolder: async () => shared });
    hosts.push(first);
    const page = await first.open(context);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const section = page.getByRole('form', { name: 'Drafts folder' });
    await expect(section.getByText(`Drafts are kept in ${dataFolder} (the default folder).`)).toBeVisible();
    await section.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(section.getByText(`Newsroom will use ${shared} after it restarts.`)).toBeVisible();
    await section.getByRole('button', { name: 'Restart now' }).click();
    await expect(section.getByRole('alert')).toHaveText(/Restart Newsroom to use it/);
    await first.quit();

    // Restart on the same data folder: new drafts go to the shared folder.
    const second = await NewsroomHost.start({ dataFolder });
    hosts.push(second);
    const app = new AppPage(await second.open(context));
    await app.newDraft();
    await app.headline.fill('Harbour fire');
    await app.waitUntilSaved();
    const id = (await second.router.handle('drafts.list', {})) as { ok: true; value: { drafts: Array<{ id: string; headline: string }> } };
    const draftId = id.value.drafts.find((d) => d.headline === 'Harbour fire')?.id ?? '';
    const draftFile = join(shared, 'drafts', draftId, 'draft.json');
    expect(JSON.parse(await readFile(draftFile, 'utf8')).article.headline).toBe('Harbour fire');

    // Another machine changes the open draft; nothing unsaved here: it reloads.
    await saveFromAnotherMachine(draftFile, 'Harbour fire: two ships damaged');
    await expect(app.headline).toHaveValue('Harbour fire: two ships damaged');
    await expect(app.page.getByText('Updated from disk: someone else changed this draft.')).toBeVisible();

    // Now with unsaved edits here: both are kept.
    await app.page.getByRole('button', { name: 'Dismiss' }).click();
    await app.headline.fill('Harbour fire: my update');
    await saveFromAnotherMachine(draftFile, 'Harbour fire: desk version');
    await expect(app.headline).toHaveValue('Harbour fire: desk version');
    await expect(app.page.getByText(/your edits were kept as a new draft/)).toBeVisible();
    await app.page.getByRole('button', { name: 'Open your copy' }).click();
    await expect(app.headline).toHaveValue(/^Harbour fire: my update \(your edits \d\d:\d\d\)$/);
    await app.backToDrafts();
    const list = app.page.getByRole('list', { name: 'Drafts' });
    await expect(list.getByRole('button', { name: 'Harbour fire: desk version' })).toBeVisible();
    await expect(list.getByRole('button', { name: /^Harbour fire: my update \(your edits/ })).toBeVisible();
  } finally {
    for (const host of hosts) await host.quit();
    await rm(dataFolder, { recursive: true, force: true });
    await rm(shared, { recursive: true, force: true });
  }
});
