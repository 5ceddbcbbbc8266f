import { expect, test, type Page } from '@playwright/test';
import { startBenchApp, APP_BODY } from './lib/browser-app';
import { prepareTyping, startMetrics, typeKeys, type TypingRun } from './lib/browser-typing';
import { figure, QUICK, record, type BenchFigure } from './lib/results';
import { interleave } from './lib/stats';
import { BARE_SELECTOR, barePageHtml, serveBarePage } from './pages/bare-editor';

/**
 * Typing in the real editor screen (toolbar, word count, autosave on) against a bare
 * contenteditable holding the same HTML, interleaved round by round in one browser.
 */
const SIZES = QUICK ? [1_000, 5_000] : [1_000, 5_000, 20_000, 50_000];
/** A steady 60 ms between keydowns: a fast typist (about 16 characters a second). */
const CADENCE_MS = 60;
const plan = (words: number) =>
  QUICK ? { rounds: 1, keys: 10 } : words >= 20_000 ? { rounds: 4, keys: 60 } : { rounds: 2, keys: 30 };
const label = (words: number) => `${words / 1000}k`;

const LATENCY_METHOD =
  'Real key presses (CDP Input events) at a steady 60 ms cadence, caret mid-document (middle paragraph); per key: keydown event.timeStamp → MutationObserver sees the text → requestAnimationFrame → MessageChannel task after that frame. App = the real editor screen through the e2e host with autosave on; reference = a bare contenteditable with the same HTML (renderBodyHtml) and type, served the same way. Rounds interleaved, alternating which side goes first.';
const JS_METHOD =
  "Page JavaScript per key: CDP Performance.getMetrics ScriptDuration read before each key, delta per key slot (the key plus its idle gap until the next one, so idle-time work counts). Reference: the same on the bare page (only the probe's own code).";

test.describe.configure({ mode: 'serial' });
// Tracing snapshots the whole DOM around every action (each key press): it would be measured too.
test.use({ trace: 'off' });

test('typing latency: the editor screen against a bare contenteditable', async ({ browser }) => {
  const bench = await startBenchApp(browser, SIZES);
  const bareContext = await browser.newContext();
  const figures: BenchFigure[] = [];
  try {
    const appCdp = await startMetrics(bench.page);
    const bare = await bareContext.newPage();
    const bareCdp = await startMetrics(bare);
    for (const words of SIZES) {
      const article = bench.articles.get(words)!;
      await bench.app.openDraft(bench.headline(words));
      await bench.page.locator(APP_BODY).waitFor();
      await bare.goto(await serveBarePage(bare, `typing-${words}`, barePageHtml(article.body)));
      const { rounds, keys } = plan(words);
      const app: TypingRun = { latency: [], scriptMs: [] };
      const ref: TypingRun = { latency: [], scriptMs: [] };
      let offset = 0;
      const side = (page: Page, cdp: typeof appCdp, selector: string, into: TypingRun) => async () => {
        await prepareTyping(page, selector);
        const run = await typeKeys(page, cdp, { selector, keys, cadenceMs: CADENCE_MS, offset });
        offset += keys;
        into.latency.push(...run.latency);
        into.scriptMs.push(...run.scriptMs);
        return run.latency;
      };
      // Warm-up (not recorded): the first keys on a fresh page pay for JIT and lazy code.
      const warmUp = (page: Page, cdp: typeof appCdp, selector: string) =>
        prepareTyping(page, selector).then(() => typeKeys(page, cdp, { selector, keys: 10, cadenceMs: CADENCE_MS, offset: 0 }));
      await warmUp(bench.page, appCdp, APP_BODY);
      await warmUp(bare, bareCdp, BARE_SELECTOR);
      await interleave(rounds, side(bench.page, appCdp, APP_BODY, app), side(bare, bareCdp, BARE_SELECTOR, ref));
      const big = words >= 20_000;
      figures.push(
        figure({
          id: `typing.${label(words)}`,
          group: 'typing',
          label: `Typing latency, ${words.toLocaleString('en')} words (keydown → painted)`,
          unit: 'ms',
          samples: app.latency,
          reference: { label: 'bare contenteditable, same HTML', samples: ref.latency },
          budgets: big ? { 'ratio.p50': 1.2, 'ratio.p95': 1.1 } : {},
          method: LATENCY_METHOD,
        }),
        figure({
          id: `editor-js.${label(words)}`,
          group: 'typing',
          label: `Page JS per key, ${words.toLocaleString('en')} words`,
          unit: 'ms',
          samples: app.scriptMs,
          reference: { label: 'bare contenteditable (probe only)', samples: ref.scriptMs },
          method: JS_METHOD,
        }),
      );
      await bench.app.backToDrafts();
    }
    expect(figures.length).toBe(SIZES.length * 2);
  } finally {
    record('typing', figures);
    await bareContext.close();
    await bench.close();
  }
});

const AUTOSAVE_METHOD =
  'Same editor screen, same 60 ms cadence, caret mid-document. The autosave is due 300 ms after the first unsaved change (then waits at most 500 ms for an idle moment). On: one unbroken run of keys, so saves (serialise, IPC through the e2e host bridge, status updates) fire while keys are measured (counted). Off: bursts of 3 keys (120 ms, well inside the 300 ms), each followed by an unmeasured wait until the indicator says Saved, so no save runs while keys are measured (checked). Rounds interleaved; ratio = on / off.';

test('typing latency with autosave firing vs not firing', async ({ browser }) => {
  const words = QUICK ? 5_000 : 20_000;
  const bench = await startBenchApp(browser, [words]);
  const figures: BenchFigure[] = [];
  try {
    const cdp = await startMetrics(bench.page);
    await bench.app.openDraft(bench.headline(words));
    // As many measured keys on both sides: one unbroken run, or bursts too short for a save.
    const onKeys = QUICK ? 21 : 60;
    const offBurstKeys = 3;
    const offBursts = onKeys / offBurstKeys;
    let offset = 0;
    let savesWhileOn = 0;
    let savesWhileOff = 0;
    const run = async (keys: number) => {
      const typed = await typeKeys(bench.page, cdp, { selector: APP_BODY, keys, cadenceMs: CADENCE_MS, offset });
      offset += keys;
      return typed.latency;
    };
    const waitSaved = () => expect(bench.app.saveStatus).toHaveText(/^Saved /, { timeout: 15_000 });
    const saves = () => bench.page.evaluate(() => (globalThis as unknown as { __saves?: number }).__saves ?? 0);
    await bench.page.evaluate(() => {
      const g = globalThis as unknown as { __saves?: number };
      g.__saves = 0;
      const status = document.querySelector('.save-indicator [role="status"]');
      if (!status) throw new Error('no save indicator');
      new MutationObserver(() => {
        if (status.textContent === 'Saving…') g.__saves = (g.__saves ?? 0) + 1;
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const on = async () => {
      await waitSaved();
      await prepareTyping(bench.page, APP_BODY);
      const before = await saves();
      const out = await run(onKeys);
      savesWhileOn += (await saves()) - before;
      return out;
    };
    const off = async () => {
      await waitSaved();
      await prepareTyping(bench.page, APP_BODY);
      const out: number[] = [];
      for (let b = 0; b < offBursts; b += 1) {
        const before = await saves();
        out.push(...(await run(offBurstKeys)));
        savesWhileOff += (await saves()) - before;
        await waitSaved();
      }
      return out;
    };
    const { subject, reference } = await interleave(QUICK ? 1 : 3, on, off);
    expect(savesWhileOn).toBeGreaterThanOrEqual(QUICK ? 1 : 6);
    expect(savesWhileOff).toBe(0);
    figures.push(
      figure({
        id: 'typing.autosave',
        group: 'typing',
        label: `Typing latency with autosave firing vs not, ${words.toLocaleString('en')} words (${savesWhileOn} saves during measured keys)`,
        unit: 'ms',
        samples: subject,
        reference: { label: 'same screen, no save during the measured keys', samples: reference },
        budgets: QUICK ? {} : { 'ratio.p50': 1.03 },
        method: AUTOSAVE_METHOD,
      }),
    );
  } finally {
    record('typing-autosave', figures);
    await bench.close();
  }
});
