import { expect, type Locator, type Page } from '@playwright/test';

/** The story fields and the publish checklist, by the names a screen reader reads. */
export class FieldsPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Story fields' });
  }

  /** The input or text area with this name (not the header's progress bar or a preview image). */
  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true }).and(this.page.locator('input, textarea'));
  }

  /** The "42 / 90" count a field names with aria-describedby. */
  async budgetOf(name: string): Promise<{ text: string; state: string | null }> {
    const countId = await this.field(name).getAttribute('aria-describedby');
    const count = this.page.locator(`[id="${countId}"]`);
    return { text: (await count.locator('.budget-count').textContent()) ?? '', state: await count.getAttribute('data-state') };
  }

  get checklist(): Locator {
    return this.page.getByRole('list', { name: 'Before publishing' });
  }

  get publishButton(): Locator {
    return this.page.getByRole('button', { name: 'Publish', exact: true });
  }

  get preview(): Locator {
    return this.page.getByRole('img', { name: 'Preview of the featured image' });
  }

  /** Waits until the preview has decoded, and gives its natural width. */
  async previewWidth(): Promise<number> {
    await expect(this.preview).toBeVisible();
    return this.preview.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    });
  }
}
