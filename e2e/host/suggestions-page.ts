import { expect, type Locator, type Page } from '@playwright/test';

/** Suggesting mode and the suggested-changes panel, by the names a screen reader reads. */
export class SuggestionsPage {
  constructor(readonly page: Page) {}

  /** The Editing / Suggesting switch in the editor header (pressed = suggesting). */
  get toggle(): Locator {
    return this.page.getByRole('button', { name: 'Suggesting', exact: true });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Suggested changes' });
  }

  get items(): Locator {
    return this.panel.getByRole('list', { name: 'Pending suggestions' }).getByRole('listitem');
  }

  /** The pending suggestion whose quoted text is exactly `text` ("Inserted “text”"). */
  item(text: string): Locator {
    return this.items.filter({ hasText: `“${text}”` });
  }

  async setSuggesting(on: boolean): Promise<void> {
    await expect(this.toggle).toBeEnabled();
    if ((await this.toggle.getAttribute('aria-pressed')) !== String(on)) await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-pressed', String(on));
  }

  async accept(text: string): Promise<void> {
    await this.resolve(text, 'Accept');
  }

  async reject(text: string): Promise<void> {
    await this.resolve(text, 'Reject');
  }

  private async resolve(text: string, action: 'Accept' | 'Reject'): Promise<void> {
    const item = this.item(text);
    await expect(item).toHaveCount(1);
    await item.getByRole('button', { name: new RegExp(`^${action}:`) }).click();
    await expect(item).toHaveCount(0);
  }

  async acceptAllFrom(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Accept all from ${name}`, exact: true }).click();
    await expect(this.items.filter({ hasText: name })).toHaveCount(0);
  }

  async rejectAllFrom(name: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Reject all from ${name}`, exact: true }).click();
    await expect(this.items.filter({ hasText: name })).toHaveCount(0);
  }

  async acceptAll(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect(this.items).toHaveCount(0);
  }

  async rejectAll(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect(this.items).toHaveCount(0);
  }

  /** The pending suggestions in document order, as the panel words them ("Deleted “old”"). */
  async pending(): Promise<string[]> {
    return this.items.locator('.suggestion-what').allTextContents();
  }
}
