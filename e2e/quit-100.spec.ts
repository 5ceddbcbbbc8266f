import { AppPage } from './host/app-page';
import { bodyTextOnDisk, onlyDraftId, startRun } from './host/draft-on-disk';
import { expect, test } from './host/fixtures';

/**
 * D5 (notes/reliability.md): quit with unsaved edits, 100 times, each within 100 ms of the last
 * keystroke, well inside the 1 s autosave delay, so only the quit's own flush can save them.
 * Each round starts the app on the same data folder, opens the draft, adds a word at the end,
 * quits at once, and checks the file on disk holds every word typed so far; the next round's
 * reopening checks the editor shows it too. QUIT_ROUNDS scales it (fewer while developing).
 */
const ROUNDS = Number(process.env.QUIT_ROUNDS ?? 100);
// A trace of a hundred app runs costs more than the runs; the per-round message says where it failed.
// Bounded actions, so a stuck round fails naming its step instead of hanging until the test's deadline.
test.use({ trace: 'off', actionTimeout: 15_000, navigationTimeout: 30_000 });

test(`words typed within 100 ms of quitting are on disk, ${ROUNDS} times out of ${ROUNDS}`, async ({ browser }) => {
  test.setTimeout(ROUNDS * 10_000 + 30_000); // ~2–7 s a round on two shared cores
  const first = await startRun(browser);
  const dataFolder = first.host.dataFolder;
  const app = new AppPage(first.page);
  await app.newDraft();
  await app.headline.fill('Quit a hundred times');
  await app.waitUntilSaved();
  const id = await onlyDraftId(first.host);
  await first.quit();

  let expected = '';
  const gaps: number[] = [];
  const started = Date.now();
  for (let round = 1; round <= ROUNDS; round += 1) {
    await test.step(`round ${round}`, async () => {
      const run = await startRun(browser, { dataFolder });
      const page = new AppPage(run.page);
      await page.openDraft('Quit a hundred times');
      await expect(page.body, `round ${round}: the editor shows what the last quit saved`).toHaveText(expected);
      await page.body.click();
      await run.page.keyboard.press('ControlOrMeta+End');
      const word = round === 1 ? 'w1' : ` w${round}`;
      await run.page.keyboard.type(word);
      const lastKey = Date.now();
      const quitting = run.quit();
      gaps.push(Date.now() - lastKey);
      await quitting;
      expected += word;
      expect(await bodyTextOnDisk(dataFolder, id), `round ${round}`).toBe(expected);
      if (round % 10 === 0) console.info(`quit-100: ${round} rounds, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
  const seconds = (Date.now() - started) / 1000;
  expect(Math.max(...gaps), 'quit began within 100 ms of the last keystroke').toBeLessThan(100);
  console.info(`quit-100: ${ROUNDS}/${ROUNDS} rounds had every word on disk; ${seconds.toFixed(1)} s in all; longest keystroke-to-quit gap ${Math.max(...gaps)} ms`);
});
