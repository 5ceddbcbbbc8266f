import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { appResponseHeaders, resolveAppFile } from '../../electron/core/app-files';

/**
 * Serves the built renderer to Chromium the way the app's `app://` protocol does: same files, same
 * CSP header, same path containment. Playwright answers the requests itself, so no HTTP server
 * runs and nothing reaches the network.
 */
export const APP_ORIGIN = 'https://newsroom.test';
export const DIST_DIR = process.env['NEWSROOM_DIST'] ?? fileURLToPath(new URL('../../dist', import.meta.url));

export async function serveRenderer(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      // The renderer has no network: anything else is refused, as CSP and the app would.
      await route.abort('blockedbyclient');
      return;
    }
    const file = await resolveAppFile(DIST_DIR, url);
    if (!file) {
      await route.fulfill({ status: 404, body: 'Not found' });
      return;
    }
    await route.fulfill({ status: 200, headers: appResponseHeaders(file), body: await readFile(file) });
  });
}
