import type { Browser } from '@playwright/test';
import { AppPage } from './host/app-page';
import { bodyTextOnDisk, onlyDraftId, startRun } from './host/draft-on-disk';
import { expect, test } from './host/fixtures';

/**
 * D7 (notes/reliability.md): a renderer crash while typing. The journalist types without pause
 * (keys as fast as Playwright sends them, so there is never a pause for the autosave to
 * wait for), then the page crashes (CDP Page.crash). The measure:
 * every character typed more than N ms before the crash is on disk, and what is on disk is
 * exactly a prefix of what was typed. The app is then reopened and shows the saved text.
 *
 * The issue asks for N = 1,000 ms: the autosave sends unsaved text at most ~0.8 s after it was
 * typed (due 300 ms after the first unsaved change, plus at most 500 ms for an idle moment), even
 * while the journalist types without pause.
 */
const TYPING_MS = 9_000;

async function crashWhileTyping(browser: Browser, allowedLossMs: number): Promise<void> {
  const run = await startRun(browser, { flushTimeoutMs: 1_000 });
  const app = new AppPage(run.page);
  await app.newDraft();
  await app.headline.fill('Typing when the page crashed');
  await app.waitUntilSaved();
  const id = await onlyDraftId(run.host);
  await app.body.click();
  // Ready before typing, so the crash comes right after the last key.
  const cdp = await run.context.newCDPSession(run.page);
  // When main received each save, for the report (the router is the real one; this only listens).
  const saves: number[] = [];
  const router = run.host.router as { handle: (method: unknown, input: unknown) => Promise<unknown> };
  const handle = router.handle.bind(router);
  router.handle = (method, input) => {
    if (method === 'drafts.save') saves.push(Date.now());
    return handle(method, input);
  };

  // Continuous typing: each character with the time its key press finished.
  const sentence = 'The minister said the talks would continue next week in Tirana. ';
  const typed: Array<{ char: string; at: number }> = [];
  const until = Date.now() + TYPING_MS;
  for (let i = 0; Date.now() < until; i += 1) {
    const char = sentence[i % sentence.length]!;
    await run.page.keyboard.type(char);
    typed.push({ char, at: Date.now() });
  }

  const crashed = run.page.waitForEvent('crash');
  const crashAt = Date.now();
  void cdp.send('Page.crash').catch(() => undefined); // never answers: the page is gone
  await crashed;
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // a save already in main finishes

  const text = typed.map((t) => t.char).join('');
  const onDisk = await bodyTextOnDisk(run.host.dataFolder, id);
  expect(text.startsWith(onDisk), 'what is on disk is exactly what was typed, up to some point').toBe(true);
  const firstLost = typed[onDisk.length];
  console.info(
    `renderer crash: typed ${text.length} characters over ${TYPING_MS} ms; on disk ${onDisk.length}; lost ` +
      `${text.length - onDisk.length}, the first of them typed ${firstLost === undefined ? 0 : crashAt - firstLost.at} ms before the crash; ` +
      `saves received ${saves.map((at) => at - crashAt).join(', ')} ms from the crash`,
  );
  const mustBeSaved = typed.filter((t) => t.at < crashAt - allowedLossMs).length;
  expect(onDisk.length, `characters typed more than ${allowedLossMs} ms before the crash`).toBeGreaterThanOrEqual(mustBeSaved);

  // The app comes back (a new window on the same main) with the saved text.
  const context = await browser.newContext();
  const reopened = new AppPage(await run.host.open(context));
  await reopened.openDraft('Typing when the page crashed');
  await expect(reopened.body).toHaveText(onDisk);
  await run.host.quit();
  await context.close();
  await run.context.close();
}

test('a renderer crash while typing loses at most the last second of typing', async ({ browser }) => {
  test.setTimeout(90_000);
  await crashWhileTyping(browser, 1_000);
});
