import type { CDPSession, Page } from '@playwright/test';
import { afterFrames, installTypingProbe, placeCaretInMiddle, takeTypingSamples, waitForTypingSample } from './browser-probe';

/**
 * Drives real key presses (CDP Input events, so the browser inserts the text as for a person)
 * into an editable at a steady typing cadence, and reads back, per key:
 * - `latency`: keydown → first task after the frame that shows the character (browser-probe.ts);
 * - `scriptMs`: the page's JavaScript time in that key's slot, from CDP `Performance.getMetrics`
 *   `ScriptDuration` read before each key (so work deferred to idle time is counted too).
 */
export const TYPED_TEXT = 'the minister said that talks with the neighbouring police would continue ';

export interface TypingRun {
  latency: number[];
  scriptMs: number[];
}

export async function startMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return cdp;
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const found = metrics.find((m) => m.name === 'ScriptDuration');
  if (!found) throw new Error('CDP gave no ScriptDuration');
  return found.value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Brings the page forward, rests the mouse pointer at the same spot of the window on both pages
 * (Blink re-checks what is under the pointer after each frame), puts the caret mid-document and
 * lets the page settle.
 */
export async function prepareTyping(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.mouse.move(640, 420);
  await page.evaluate(placeCaretInMiddle, selector);
  await page.evaluate(afterFrames, 3);
  await sleep(150);
}

export async function typeKeys(
  page: Page,
  cdp: CDPSession,
  options: { selector: string; keys: number; cadenceMs: number; offset?: number },
): Promise<TypingRun> {
  await page.evaluate(installTypingProbe, options.selector);
  const scriptMs: number[] = [];
  let before = await scriptSeconds(cdp);
  const first = options.offset ?? 0;
  for (let i = 0; i < options.keys; i += 1) {
    const started = performance.now();
    const key = TYPED_TEXT[(first + i) % TYPED_TEXT.length]!;
    await page.keyboard.type(key);
    await page.evaluate(waitForTypingSample, { count: i + 1, timeoutMs: 5_000 });
    const left = options.cadenceMs - (performance.now() - started);
    if (left > 0) await sleep(left);
    const after = await scriptSeconds(cdp);
    scriptMs.push((after - before) * 1000);
    before = after;
  }
  const latency = await page.evaluate(takeTypingSamples);
  if (latency.length !== options.keys) throw new Error(`expected ${options.keys} samples, got ${latency.length}`);
  return { latency, scriptMs };
}
