import { expect, type Locator, type Page } from '@playwright/test';
import { ProfilesPage } from './profiles-page';

/** What a journalist does on screen, by the names a screen reader would read. */
export class AppPage {
  constructor(readonly page: Page) {}

  get headline(): Locator {
    return this.page.getByLabel('Headline');
  }

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Article body' });
  }

  get saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Saved|Saving|Unsaved|Not saved/ });
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  }

  async newDraft(): Promise<void> {
    await this.page.getByRole('button', { name: 'New draft' }).click();
    await expect(this.body).toBeVisible();
  }

  async openDraft(headline: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: headline }).click();
    await expect(this.body).toBeVisible();
  }

  /** Moves a draft to the trash (spikes it) from its row in the library. */
  async spikeDraft(headline: string): Promise<void> {
    const row = this.page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: headline });
    await row.getByRole('button', { name: 'Move to trash' }).click();
    await row.getByRole('group', { name: `Move ${headline} to trash` }).getByRole('button', { name: 'Yes' }).click();
    await expect(this.page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: headline })).toHaveCount(0);
  }

  get spikedList(): Locator {
    return this.page.getByRole('list', { name: 'Spiked drafts' });
  }

  async showSpiked(): Promise<void> {
    await this.page.getByRole('button', { name: 'Show spiked drafts' }).click();
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(/^Saved \d\d:\d\d$/);
  }

  async backToDrafts(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to drafts' }).click();
    await expect(this.page.getByRole('button', { name: 'New draft' })).toBeVisible();
  }

  /** Adds the WordPress site as a publishing destination and makes it the default. */
  async configureWordPress(site: { url: string; username: string; password: string; name?: string }): Promise<void> {
    const profiles = new ProfilesPage(this.page);
    await profiles.open();
    await profiles.add(
      { kind: 'WordPress', name: site.name ?? 'Test WordPress', siteUrl: site.url, username: site.username, secret: site.password },
      { makeDefault: true },
    );
  }

  /** Selects the last `count` characters before the caret, as Shift+Left does. */
  async selectBackwards(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await this.page.keyboard.press('Shift+ArrowLeft');
  }
}
