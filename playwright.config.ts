import { defineConfig } from '@playwright/test';

/**
 * Two projects: `e2e` drives Debian's Chromium against the built renderer through the e2e host;
 * `electron` needs the real Electron binary and skips itself, saying why, when it is absent.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  workers: 1,
  // Per-run folders when several runs share a checkout (see NEWSROOM_DIST in vite.config.ts).
  outputDir: process.env['PLAYWRIGHT_OUTPUT_DIR'] ?? 'test-results',
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? '.reports/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'e2e', testDir: 'e2e', testIgnore: ['electron/**', 'host/**'] },
    { name: 'electron', testDir: 'e2e/electron' },
    // `npm run bench`: figures, not pass/fail tests; budgets are judged by scripts/bench-report.mjs.
    // Tracing snapshots the DOM around every key press: it would swamp what the benches measure.
    { name: 'bench', testDir: 'bench', testMatch: '**/*.bench.ts', timeout: 30 * 60_000, use: { trace: 'off' } },
  ],
});
