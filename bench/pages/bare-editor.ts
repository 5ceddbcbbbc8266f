import type { Page } from '@playwright/test';
import { renderBodyHtml } from '../../shared/editor/render-html';
import type { EditorStateJson } from '../../shared/model/article';

/**
 * The reference page: a bare `contenteditable` holding the same article as HTML (rendered with
 * the publishing renderer), with the editor's type and measure so the browser lays out the same
 * lines. No framework, no script of its own: the floor any editor on this browser stands on.
 * It is served by Playwright routing (route.fulfill), like the app, so no HTTP server runs.
 */
export const BARE_ORIGIN = 'https://bare.bench.test';
export const BARE_SELECTOR = '#bare-editor';

const STYLE = `
  body { margin: 0; font-family: system-ui, sans-serif; }
  .article { max-width: 720px; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; }
  #bare-editor { min-height: 50vh; padding: 0.5rem 0; font-family: Georgia, 'Times New Roman', serif;
    font-size: 18px; line-height: 1.65; color: #1a1a1a; outline: none; }
  #bare-editor p { margin: 0 0 1em; }
  #bare-editor h2 { font-size: 1.5rem; line-height: 1.3; margin: 1.4em 0 0.5em; }
  #bare-editor a { color: #0b57d0; text-decoration: underline; }
`;

export function barePageHtml(body: EditorStateJson): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare contenteditable</title>
<link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main class="article"><div id="bare-editor" contenteditable="true" role="textbox" aria-multiline="true"
aria-label="Article body" spellcheck="true">${renderBodyHtml(body)}</div></main></body></html>`;
}

/** Serves `html` at `${BARE_ORIGIN}/<name>.html` to this page only (page routes win over the context's). */
export async function serveBarePage(page: Page, name: string, html: string): Promise<string> {
  const url = `${BARE_ORIGIN}/${name}.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}
