import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { solidPng } from './png';

/** The body editor's controls, by the names a screen reader reads (see AppPage for the rest). */
export class EditorPage {
  constructor(readonly page: Page) {}

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Article body' });
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  }

  /** Picks an item of the toolbar's Insert menu. */
  async insert(item: string): Promise<void> {
    await this.toolbarButton('Insert').click();
    await this.page.getByRole('menu', { name: 'Insert' }).getByRole('menuitem', { name: item, exact: true }).click();
  }

  get findBar(): Locator {
    return this.page.getByRole('search', { name: 'Find and replace' });
  }

  /** Waits until the page's selection is in the body, as a person waits to see the caret. */
  async caretInBody(): Promise<void> {
    await expect(this.body).toBeFocused();
  }

  /** Puts the caret at the very end of the story. */
  async caretAtEnd(): Promise<void> {
    await this.body.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
  }
}

/** A small real PNG (solid colour), written to `folder`; returns its path. */
export async function writePng(folder: string, name = 'harbour.png', width = 48, height = 24): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, solidPng(width, height, [0x1f, 0x6f, 0xb5]));
  return path;
}
