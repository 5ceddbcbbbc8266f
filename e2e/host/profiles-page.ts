import { expect, type Locator, type Page } from '@playwright/test';

export type ProfileFields =
  | { kind: 'WordPress'; name: string; siteUrl: string; username: string; secret: string }
  | { kind: 'Ghost'; name: string; adminUrl: string; secret: string }
  | { kind: 'Web endpoint (HTTP)'; name: string; endpointUrl: string; auth: 'Bearer token' | 'HMAC signature'; secret: string }
  | { kind: 'Local folder'; name: string; folder: string };

/** Settings → Publishing destinations, by the names a screen reader reads. */
export class ProfilesPage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Publishing destinations' });
  }

  row(name: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: name });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings' }).click();
    await expect(this.list).toBeVisible();
  }

  /** Adds a destination through the form; with `test`, checks the connection first and returns the verdict's text. */
  async add(fields: ProfileFields, options: { makeDefault?: boolean; test?: boolean } = {}): Promise<string | undefined> {
    await this.page.getByRole('button', { name: 'Add profile' }).click();
    const form = this.page.getByRole('form', { name: 'New publishing destination' });
    await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: fields.kind });
    await form.getByLabel('Profile name').fill(fields.name);
    switch (fields.kind) {
      case 'WordPress':
        await form.getByLabel('Site address').fill(fields.siteUrl);
        await form.getByLabel('User name').fill(fields.username);
        await form.getByLabel('Application password').fill(fields.secret);
        break;
      case 'Ghost':
        await form.getByLabel('Admin API URL').fill(fields.adminUrl);
        await form.getByLabel('Admin API key').fill(fields.secret);
        break;
      case 'Web endpoint (HTTP)':
        await form.getByLabel('Endpoint URL').fill(fields.endpointUrl);
        await form.getByRole('combobox', { name: 'Authentication' }).selectOption({ label: fields.auth });
        await form.getByLabel('Token or signing secret').fill(fields.secret);
        break;
      case 'Local folder':
        await form.getByLabel('Folder').fill(fields.folder);
        break;
    }
    let verdict: string | undefined;
    if (options.test) {
      await form.getByRole('button', { name: 'Test connection' }).click();
      const outcome = form.getByRole('status').or(form.getByRole('alert')).filter({ hasNotText: 'Testing…' });
      await expect(outcome.first()).toBeVisible({ timeout: 20_000 });
      verdict = (await outcome.first().textContent()) ?? '';
    }
    await form.getByRole('button', { name: 'Save profile' }).click();
    // Once saved, the form becomes the profile's edit form and says so there.
    await expect(this.page.getByRole('form', { name: `Edit “${fields.name}”` }).getByRole('status')).toHaveText('Saved.');
    await expect(this.row(fields.name)).toBeVisible();
    if (options.makeDefault) {
      await this.row(fields.name).getByRole('button', { name: 'Make default' }).click();
      await expect(this.row(fields.name)).toContainText('Default');
    }
    return verdict;
  }
}
