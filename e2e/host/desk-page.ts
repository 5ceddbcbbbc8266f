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

/**
 * Selects `text` in the story body, as dragging over it would (the text must sit in one run of
 * plain text); `caret: 'after'` puts the caret right after it instead. Lexical follows the page's
 * selection on its own selectionchange.
 */
export async function selectInBody(page: Page, text: string, caret?: 'after'): Promise<void> {
  const body = page.getByRole('textbox', { name: 'Article body' });
  await body.focus();
  const found = await body.evaluate(
    (root, { text, after }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, after ? at + text.length : at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return true;
      }
      return false;
    },
    { text, after: caret === 'after' },
  );
  if (!found) throw new Error(`"${text}" is not in one run of the story's text`);
  // selectionchange is queued as a task: a frame later Lexical has taken the new selection.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(caret === 'after' ? '' : text);
}

/** The comment threads in the review column (the comments panel's own names). */
export class DeskComments {
  constructor(readonly page: Page) {}

  thread(quote: string): Locator {
    return this.page.getByRole('article', { name: `Comment on “${quote}”`, exact: true });
  }

  /** Selects `passage` in the story and comments on it. */
  async addComment(passage: string, text: string): Promise<void> {
    await selectInBody(this.page, passage);
    await this.page.getByRole('complementary', { name: 'Review' }).getByRole('button', { name: 'Comment', exact: true }).click();
    await this.page.getByLabel('Your comment', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Add comment', exact: true }).click();
    await expect(this.thread(passage)).toContainText(text);
  }

  async reply(quote: string, text: string): Promise<void> {
    const thread = this.thread(quote);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByLabel('Reply', { exact: true }).fill(text);
    await thread.getByRole('button', { name: 'Send reply', exact: true }).click();
    await expect(thread).toContainText(text);
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
