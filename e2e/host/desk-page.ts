import { expect, type Locator, type Page } from '@playwright/test';

/** The desk: the send button in the editor header and the desk inbox in the library, by their accessible names. */
export class DeskPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Desk' });
  }

  button(label: 'File to desk' | 'Send back to desk' | 'Send to reporter'): Locator {
    return this.region.getByRole('button', { name: label, exact: true });
  }

  /** Sends the open story to the desk and waits until the CMS has it. */
  async send(label: 'File to desk' | 'Send back to desk' | 'Send to reporter', site: string, timeout = 30_000): Promise<void> {
    await this.button(label).click();
    await expect(this.region.getByRole('status')).toHaveText(`Sent to the desk on ${site}.`, { timeout });
    await expect(this.region.getByRole('alert')).toHaveCount(0);
  }

  get inbox(): Locator {
    return this.page.getByRole('dialog', { name: 'Desk inbox' });
  }

  /** The library's desk inbox, opened, with the list of `site` read. */
  async openInbox(site: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Desk inbox', exact: true }).click();
    await expect(this.inbox.getByRole('status').filter({ hasText: /^Reading the desk/ })).toHaveCount(0, { timeout: 20_000 });
    await expect(this.inbox.getByRole('alert')).toHaveCount(0);
    return this.inbox.getByRole('list', { name: `Waiting for review on ${site}` });
  }

  /** The row of one story in the open inbox. */
  row(title: string): Locator {
    return this.inbox.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Open ${title}`, exact: true }) });
  }

  /**
   * Opens a story from the inbox as a local draft: returns what the app said it did here (a new
   * draft, this machine's draft brought up to date…) and leaves the story open in the editor.
   */
  async openFromInbox(title: string, site: string): Promise<string> {
    await this.openInbox(site);
    await this.inbox.getByRole('button', { name: `Open ${title}`, exact: true }).click();
    const edit = this.inbox.getByRole('button', { name: 'Edit the story' });
    await expect(edit).toBeVisible({ timeout: 20_000 });
    const message = (await this.inbox.getByRole('status').textContent()) ?? '';
    await edit.click();
    await expect(this.page.getByRole('textbox', { name: 'Article body' })).toBeVisible();
    await expect(this.page.getByLabel('Headline')).toHaveValue(title);
    return message;
  }
}

/** The desk status in the editor header. */
export class DeskStatus {
  constructor(readonly page: Page) {}

  get group(): Locator {
    return this.page.getByRole('group', { name: 'Desk status' });
  }

  /** The badge: "Status: Filed". */
  get badge(): Locator {
    return this.group.locator('.status-badge');
  }

  async moveTo(label: string): Promise<void> {
    await this.group.getByRole('button', { name: 'Change status', exact: true }).click();
    await this.group.getByRole('button', { name: `Move to ${label}`, exact: true }).click();
    await expect(this.badge).toHaveText(`Status: ${label}`);
  }
}
