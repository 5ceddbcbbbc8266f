import { expect, type Locator, type Page } from '@playwright/test';

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

  /** The publish log, opened. */
  async logItems(): Promise<Locator> {
    const summary = this.panel.locator('summary', { hasText: 'Publish log' });
    if ((await this.panel.locator('details.publish-log').getAttribute('open')) === null) await summary.click();
    const list = this.panel.getByRole('list', { name: 'Publish log' });
    await expect(list).toBeVisible();
    return list.getByRole('listitem');
  }
}
