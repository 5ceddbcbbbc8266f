import { expect, type Locator, type Page } from '@playwright/test';

export interface ThreadView {
  quote: string;
  comments: string[];
  resolved: boolean;
}

/** Comments on passages (the review column), by the names a screen reader reads. */
export class CommentsPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Comments' });
  }

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Article body' });
  }

  thread(quote: string): Locator {
    return this.panel.getByRole('article', { name: `Comment on “${quote}”` });
  }

  /** The text of the body's comment marks (the highlighted passages), in document order. */
  async marks(): Promise<string[]> {
    return this.body.locator('mark').allTextContents();
  }

  /** Selects `passage` in the story as a mouse would (it may span formatting); `caretAt` collapses. */
  async selectPassage(passage: string, caretAt?: 'start' | 'end'): Promise<void> {
    await this.body.click();
    await this.body.evaluate(
      (root, { passage, caretAt }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const text = nodes.map((node) => node.data).join('');
        const start = text.indexOf(passage);
        if (start < 0) throw new Error(`“${passage}” is not in the story`);
        const point = (offset: number): [Text, number] => {
          let rest = offset;
          for (const node of nodes) {
            if (rest <= node.data.length) return [node, rest];
            rest -= node.data.length;
          }
          throw new Error('offset past the text');
        };
        const from = caretAt === 'end' ? start + passage.length : start;
        const to = caretAt === 'start' ? start : start + passage.length;
        const range = document.createRange();
        range.setStart(...point(from));
        range.setEnd(...point(to));
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      },
      { passage, caretAt },
    );
    const expected = caretAt === undefined ? passage : '';
    // Lexical takes the selection on the next selectionchange; wait until the page shows it.
    await expect.poll(() => this.page.evaluate(() => document.getSelection()?.toString())).toBe(expected);
  }

  async addComment(passage: string, text: string): Promise<void> {
    await this.selectPassage(passage);
    await this.panel.getByRole('button', { name: 'Comment', exact: true }).click();
    await this.panel.getByLabel('Your comment').fill(text);
    await this.panel.getByRole('button', { name: 'Add comment' }).click();
    await expect(this.thread(passage).getByText(text, { exact: true })).toBeVisible();
  }

  async reply(quote: string, text: string): Promise<void> {
    await this.showResolved();
    const thread = this.thread(quote);
    await thread.getByRole('button', { name: 'Reply' }).click();
    await thread.getByLabel('Reply').fill(text);
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await expect(thread.getByText(text, { exact: true })).toBeVisible();
  }

  async resolve(quote: string): Promise<void> {
    await this.thread(quote).getByRole('button', { name: 'Resolve' }).click();
    await expect(this.panel.getByText(/^Resolved \(\d+\)$/)).toBeVisible();
  }

  async reopen(quote: string): Promise<void> {
    await this.showResolved();
    await this.thread(quote).getByRole('button', { name: 'Reopen' }).click();
    await expect(this.thread(quote).getByRole('button', { name: 'Resolve' })).toBeVisible();
  }

  async deleteThread(quote: string): Promise<void> {
    await this.showResolved();
    await this.thread(quote).getByRole('button', { name: 'Delete thread' }).click();
    await expect(this.thread(quote)).toHaveCount(0);
  }

  /** Opens "Resolved (N)" when there is one, so resolved threads can be read and used. */
  async showResolved(): Promise<void> {
    const summary = this.panel.getByText(/^Resolved \(\d+\)$/);
    if ((await summary.count()) === 0) return;
    const open = await summary.evaluate((element) => (element.parentElement as HTMLDetailsElement).open);
    if (!open) await summary.click();
  }

  /** Every thread in the panel in the order shown (open ones, then resolved ones, folded or not). */
  async threads(): Promise<ThreadView[]> {
    return this.panel.getByRole('article', { includeHidden: true }).evaluateAll((threads) =>
      threads.map((thread) => ({
        quote: (thread.querySelector('.comment-quote')?.textContent ?? '').trim(),
        comments: Array.from(thread.querySelectorAll('.comment-text')).map((comment) => comment.textContent ?? ''),
        resolved: thread.classList.contains('resolved'),
      })),
    );
  }
}
