import { rm } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { NewsroomHost } from './newsroom-host';
import { ghostScript, isGhostRunning, readGhostEnv, type GhostEnv } from './ghost';
import { isWordPressRunning, readWordPressEnv, wordpressScript, type WordPressEnv } from './wordpress';

interface AppFixtures {
  /**
   * Starts the app on a data folder (a new temp folder unless given). Quit on test end. `user`: who
   * is at this machine — "Test Reporter" (TR) unless given (or already saved in the data folder);
   * `null` for a first run, where the app asks for a name.
   */
  launch: (options?: {
    dataFolder?: string;
    draftsIo?: import('../../electron/core/fs/file-io').FileIo;
    user?: import('../../shared/model/review').User | null;
  }) => Promise<{ host: NewsroomHost; page: import('@playwright/test').Page }>;
}

interface WorkerFixtures {
  wordpress: WordPressEnv;
  ghost: GhostEnv;
}

export const test = base.extend<AppFixtures, WorkerFixtures>({
  launch: async ({ context }, use) => {
    const hosts: NewsroomHost[] = [];
    /** Temp data folders the hosts made for themselves; a restart on one reuses it. */
    const made = new Set<string>();
    await use(async (options = {}) => {
      const host = await NewsroomHost.start(options);
      if (options.dataFolder === undefined) made.add(host.dataFolder);
      hosts.push(host);
      const page = await host.open(context);
      return { host, page };
    });
    for (const host of hosts) await host.quit();
    // Hundreds of runs would otherwise leave hundreds of folders in /tmp.
    for (const folder of made) await rm(folder, { recursive: true, force: true });
  },
  wordpress: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      // Start the real WordPress if the suite's caller (.ci/run, npm test) has not, and stop it
      // afterwards only in that case.
      const wasRunning = await isWordPressRunning();
      if (!wasRunning) await wordpressScript('start');
      await use(await readWordPressEnv());
      if (!wasRunning) await wordpressScript('stop');
    },
    { scope: 'worker', timeout: 600_000 },
  ],
  ghost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      // As for WordPress: started here only when the caller has not, and then stopped again.
      const wasRunning = await isGhostRunning();
      if (!wasRunning) await ghostScript('start');
      await use(await readGhostEnv());
      if (!wasRunning) await ghostScript('stop');
    },
    { scope: 'worker', timeout: 900_000 },
  ],
});

export { expect };
