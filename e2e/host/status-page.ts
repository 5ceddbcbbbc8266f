import { expect, type Locator, type Page } from '@playwright/test';

/** The desk status, sign-offs, first-run name and hand-off, by the names a screen reader reads. */
export class StatusPage {
  constructor(readonly page: Page) {}

  get control(): Locator {
    return this.page.getByRole('group', { name: 'Desk status' });
  }

  /** The badge: "Filed", "In edit"… */
  get badge(): Locator {
    return this.control.locator('.status-badge');
  }

  /** The moves offered from the current status, as their button names. */
  async offeredMoves(): Promise<string[]> {
    await this.openMoves();
    const moves = this.page.getByRole('group', { name: 'Move the story' }).getByRole('button');
    await expect(moves.first()).toBeVisible();
    return moves.allTextContents();
  }

  async openMoves(): Promise<void> {
    const toggle = this.control.getByRole('button', { name: 'Change status' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  async move(to: string, note = ''): Promise<void> {
    await this.openMoves();
    const panel = this.page.getByRole('group', { name: 'Move the story' });
    if (note !== '') await panel.getByLabel('Note for the sign-off (optional)').fill(note);
    await panel.getByRole('button', { name: `Move to ${to}`, exact: true }).click();
    await expect(this.badge).toHaveText(`Status: ${to}`);
    // The panel closes once the move is answered, which can come just after the badge changed.
    await expect(panel).toHaveCount(0);
  }

  /** The sign-offs, newest first, as shown. */
  async signOffs(): Promise<string[]> {
    const toggle = this.control.getByRole('button', { name: /^Sign-offs/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const items = this.page.getByRole('list', { name: 'Sign-offs' }).getByRole('listitem');
    await expect(items.first()).toBeVisible();
    return items.allTextContents();
  }

  get firstRunDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Welcome to Newsroom' });
  }

  /** The bar over a draft someone else has open. */
  heldBar(name: string): Locator {
    return this.page.getByRole('status').filter({ hasText: `${name} has this draft open since` });
  }
}
