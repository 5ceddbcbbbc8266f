import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './app-page';

/** The editor's publish panel, by the names a screen reader reads. */
export class PublishPanelPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Publishing' });
  }

  get destination(): Locator {
    return this.panel.getByLabel('Publish to');
  }

  get badge(): Locator {
    return this.panel.getByRole('status', { name: 'Live status' });
  }

  /** The outcome line (progress and results); refusals are alerts. */
  outcome(text: string | RegExp): Locator {
    return this.panel.locator('.publish-status').getByRole('status').filter({ hasText: text });
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /**
   * Adds a closing paragraph to the story, waits for the save, sees the live copy fall behind,
   * and sends the update: the badge says "up to date" again once the CMS has it.
   */
  async appendAndUpdate(app: AppPage, paragraph: string, timeout = 30_000): Promise<void> {
    // A real click puts the caret in the body (a bare focus() may leave it at the start); End alone
    // would stop at the end of the clicked screen line when the last paragraph wraps.
    await app.body.locator('p').last().click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.insertText(paragraph);
    await expect(app.body.locator('p').last()).toHaveText(paragraph);
    await app.waitUntilSaved();
    await expect(this.badge).toContainText('Live copy is behind your draft');
    await this.button('Update').click();
    await expect(this.badge).toContainText('Live — up to date', { timeout });
  }

  /** The publish log, opened. */
  async logItems(): Promise<Locator> {
    const summary = this.panel.locator('summary', { hasText: 'Publish log' });
    if ((await this.panel.locator('details.publish-log').getAttribute('open')) === null) await summary.click();
    const list = this.panel.getByRole('list', { name: 'Publish log' });
    await expect(list).toBeVisible();
    return list.getByRole('listitem');
  }
}
