import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

/** The clipboard corpus (renderer/editor/extensions/Paste/fixtures/README.md). */
const FIXTURES = join(import.meta.dirname, '..', '..', 'renderer', 'editor', 'extensions', 'Paste', 'fixtures');

export function clipboardFixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
}

export function hostilePayloads(): string[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'hostile.json'), 'utf8')) as string[];
}

/**
 * Pastes as the browser does: a real `paste` ClipboardEvent carrying a DataTransfer, dispatched
 * on the focused editor (Playwright cannot write text/html to the system clipboard headless).
 */
export async function pasteInto(body: Locator, data: { html?: string; text: string }): Promise<void> {
  await body.focus();
  await body.evaluate((element, clip) => {
    const transfer = new DataTransfer();
    if (clip.html !== undefined) transfer.setData('text/html', clip.html);
    transfer.setData('text/plain', clip.text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** Counts what a payload that got through would do: run code, open a dialog. */
export async function watchForAttacks(page: Page): Promise<() => Promise<{ pwned: number; dialogs: number }>> {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.evaluate(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
  });
  return async () => {
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { __pwned: unknown };
      // A payload that clobbered __pwned with an element (DOM clobbering) shows up as -1.
      return { pwned: typeof w.__pwned === 'number' ? w.__pwned : -1 };
    });
    return { ...inPage, dialogs };
  };
}
