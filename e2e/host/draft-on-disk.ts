import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { NewsroomHost } from './newsroom-host';

/**
 * Helpers for the "never lose a word" specs: one run of the app in its own browser context (so
 * a hundred restarts do not pile routes onto one context), and the text of a draft as it is on
 * disk, read from its file rather than through the app.
 */
export interface AppRun {
  host: NewsroomHost;
  context: BrowserContext;
  page: Page;
  /** Quits as the app does (renderer flush, writes awaited), then closes the context. */
  quit: () => Promise<void>;
}

export async function startRun(browser: Browser, options: { dataFolder?: string; flushTimeoutMs?: number } = {}): Promise<AppRun> {
  const host = await NewsroomHost.start(options);
  const context = await browser.newContext();
  const page = await host.open(context);
  return {
    host,
    context,
    page,
    quit: async () => {
      await host.quit();
      await context.close();
    },
  };
}

/** The only draft's id, through the real router. */
export async function onlyDraftId(host: NewsroomHost): Promise<string> {
  const list = await host.router.handle('drafts.list', {});
  if (!list.ok) throw new Error(`drafts.list failed: ${list.error.message}`);
  const drafts = (list.value as { drafts: Array<{ id: string }> }).drafts;
  if (drafts.length !== 1) throw new Error(`expected one draft, found ${drafts.length}`);
  return drafts[0]!.id;
}

function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text, children } = node as { text?: unknown; children?: unknown };
  const own = typeof text === 'string' ? text : '';
  const inner = Array.isArray(children) ? children.map(textOf).join('') : '';
  return own + inner;
}

/** The body text of a draft as saved (paragraphs joined without separators), or '' if unreadable. */
export async function bodyTextOnDisk(dataFolder: string, id: string): Promise<string> {
  try {
    const file = JSON.parse(await readFile(join(dataFolder, 'drafts', id, 'draft.json'), 'utf8')) as { article?: { body?: unknown } };
    return textOf((file.article?.body as { root?: unknown } | undefined)?.root);
  } catch {
    return '';
  }
}
