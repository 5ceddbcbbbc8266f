import type { Browser, BrowserContext, Page } from '@playwright/test';
import { AppPage } from '../../e2e/host/app-page';
import { NewsroomHost } from '../../e2e/host/newsroom-host';
import type { Article } from '../../shared/model/article';
import { articleOfWords } from './corpus';

/**
 * The real app for the browser benches: the e2e host (real services and router over a temp data
 * folder, the built renderer served by Playwright routing), with one saved draft per size,
 * created through the router as the renderer would, before the window opens its library.
 */
export const APP_BODY = '[contenteditable="true"][aria-label="Article body"]';

export interface BenchApp {
  host: NewsroomHost;
  context: BrowserContext;
  page: Page;
  app: AppPage;
  articles: Map<number, Article>;
  /** Draft id by word count. */
  ids: Map<number, string>;
  headline(words: number): string;
  close(): Promise<void>;
}

const headlineFor = (words: number): string => `Bench story of ${words} words`;

async function unwrap<T>(promise: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

export async function startBenchApp(browser: Browser, sizes: readonly number[]): Promise<BenchApp> {
  const host = await NewsroomHost.start();
  const articles = new Map<number, Article>();
  const ids = new Map<number, string>();
  for (const words of sizes) {
    const article = articleOfWords(words, headlineFor(words));
    const draft = await unwrap<{ id: string }>(host.router.handle('drafts.create', { headline: article.headline }));
    await unwrap(host.router.handle('drafts.save', { id: draft.id, article }));
    articles.set(words, article);
    ids.set(words, draft.id);
  }
  const context = await browser.newContext();
  const page = await host.open(context);
  const app = new AppPage(page);
  await app.page.getByRole('list', { name: 'Drafts' }).waitFor();
  return {
    host,
    context,
    page,
    app,
    articles,
    ids,
    headline: headlineFor,
    close: async () => {
      await host.quit();
      await context.close();
    },
  };
}

/** The text the last block of the body ends with, as the DOM shows it. */
export function lastBlockText(article: Article): string {
  const last = article.body.root.children.at(-1) as { children?: Array<{ text?: string; children?: Array<{ text?: string }> }> };
  const texts = (last.children ?? []).flatMap((child) => (child.text !== undefined ? [child.text] : (child.children ?? []).map((c) => c.text ?? '')));
  return texts.join('').slice(-24);
}

/**
 * The page → e2e host → page round trip of `drafts.open` for one draft, timed in the page: what
 * the bridge (Playwright's exposeBinding, which serialises the whole draft both ways) adds to an
 * open. The app's own IPC (Electron structured clone) does not pay this.
 */
export function timeBridgeOpen(id: string): Promise<number> {
  const bridge = (globalThis as unknown as { newsroom: { invoke(method: string, input: unknown): Promise<unknown> } }).newsroom;
  const started = performance.now();
  return bridge.invoke('drafts.open', { id }).then(() => performance.now() - started);
}
