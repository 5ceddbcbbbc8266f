import { expect, type Locator, type Page } from '@playwright/test';

/** The editor's History: the versions dialog and the comparison, by the names a screen reader reads. */
export class VersionsPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Versions' });
  }

  get rows(): Locator {
    return this.dialog.getByRole('list', { name: 'Saved versions' }).getByRole('listitem');
  }

  get comparison(): Locator {
    return this.page.getByRole('dialog', { name: 'Compare versions' });
  }

  /** The row of the newest version whose label (or headline) has this text. */
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text }).first();
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'History' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async name(versionName: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Name this version' }).click();
    await this.dialog.getByRole('textbox', { name: 'Version name' }).fill(versionName);
    await this.dialog.getByRole('button', { name: 'Save name' }).click();
    await expect(this.dialog.getByRole('status')).toContainText(`Kept as “${versionName}”`);
  }

  /** Ticks the given rows and opens the comparison (one row: compared with the current draft). */
  async compare(...rows: Locator[]): Promise<void> {
    for (const row of rows) await row.getByRole('checkbox').check();
    await this.dialog.getByRole('button', { name: 'Compare' }).click();
    await expect(this.comparison).toBeVisible();
  }

  get bodyDiff(): Locator {
    return this.comparison.getByLabel('Changes in the body');
  }

  async closeComparison(): Promise<void> {
    await this.comparison.getByRole('button', { name: 'Close' }).click();
    await expect(this.comparison).toBeHidden();
  }

  async restore(row: Locator): Promise<void> {
    await row.getByRole('button', { name: 'Restore this version' }).click();
    const confirm = this.dialog.getByRole('group', { name: 'Restore this version?' });
    await expect(confirm).toContainText('The current text is kept as a version');
    await confirm.getByRole('button', { name: 'Restore' }).click();
    // The editor remounts with the restored draft, closing History.
    await expect(this.dialog).toBeHidden();
  }
}
