import { expect, type Locator, type Page } from '@playwright/test';

/** The outbox status bar and panel, by the names a screen reader reads. */
export class OutboxPage {
  constructor(readonly page: Page) {}

  /** The indicator button; its name starts "Outbox, " and carries the count. */
  get indicator(): Locator {
    return this.page.getByRole('button', { name: /^Outbox, / });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Outbox' });
  }

  get jobs(): Locator {
    return this.dialog.getByRole('list', { name: 'Outbox jobs' }).getByRole('listitem');
  }

  get offlineNote(): Locator {
    // The bar's note, not the publish panel's "Offline — will send when …" outcome line.
    return this.page.getByRole('contentinfo').getByRole('status').filter({ hasText: /^Offline — / });
  }

  async open(): Promise<void> {
    await this.indicator.click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Discards the job whose text matches, answering the confirmation. */
  async discard(job: Locator): Promise<void> {
    await job.getByRole('button', { name: 'Discard' }).click();
    await job.getByRole('group', { name: 'Discard this job' }).getByRole('button', { name: 'Yes, discard' }).click();
  }
}

type BridgeReply = { ok: boolean; value?: unknown; error?: { message: string } };

/** Calls one bridge method from the page, as a screen would, and returns its value (throws on a refusal). */
export async function invokeInPage<T>(page: Page, method: string, input: unknown): Promise<T> {
  const value = await page.evaluate(
    async ([name, payload]) => {
      const api = (window as unknown as { newsroom: { invoke(m: string, i: unknown): Promise<BridgeReply> } }).newsroom;
      const result = await api.invoke(name, payload);
      if (!result.ok) throw new Error(result.error?.message ?? `${name} failed`);
      return result.value;
    },
    [method, input] as const,
  );
  return value as T;
}

/**
 * Queues an action the way the publish panel does; the outbox UI is what is under test here, not
 * the panel. Returns the job id, or throws with the app's message.
 */
export async function queueThroughBridge(page: Page, request: { draftId: string; profileId: string; kind: 'publish' }): Promise<string> {
  const { jobId } = await invokeInPage<{ jobId: string }>(page, 'publishing.queue', request);
  return jobId;
}
