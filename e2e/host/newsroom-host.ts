import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import Conf from 'conf';
import { fail } from '../../shared/ipc/result';
import { createServices, type Services } from '../../electron/core/services';
import type { FileIo } from '../../electron/core/fs/file-io';
import { MemorySecrets } from '../../electron/core/memory-secrets';
import type { AppSettings } from '../../electron/core/settings/app-settings';
import type { Secrets } from '../../electron/core/ports';
import type { User } from '../../shared/model/review';
import { HOST_BINDING, HOST_DISPATCH, installBridge } from './bridge-script';
import { APP_ORIGIN, serveRenderer } from './serve-renderer';

/** Who every launched app is unless a test says otherwise. */
export const DEFAULT_E2E_USER: User = { name: 'Test Reporter', initials: 'TR' };

function seedUser(settings: Conf<AppSettings>, user: User | null | undefined): void {
  if (user === null) settings.delete('user');
  else if (user !== undefined) settings.set('user', user);
  else if (!settings.has('user')) settings.set('user', DEFAULT_E2E_USER);
}

/**
 * The app without Electron: the real services and router over a data folder, bound to a Chromium
 * page as `window.newsroom`. One host is one run of the app; `quit()` does what the app's quit
 * does (ask the page to save, wait for the writes), so a new host on the same folder is a restart.
 */
export class NewsroomHost {
  private readonly pages = new Set<Page>();

  private constructor(
    readonly dataFolder: string,
    readonly secrets: Secrets,
    private services: Services | undefined,
  ) {}

  /**
   * `pickFolder` answers Settings → Drafts folder → "Choose folder…" as the system picker would
   * (null: cancelled). The host has no `restart`: the app then says to restart Newsroom by hand,
   * and a test restarts by quitting this host and starting another on the same data folder.
   * `user` is who is at this machine, written to the settings before the services start: a User,
   * `null` for a first run (no name yet), or left out for DEFAULT_E2E_USER — unless the data
   * folder already has a user (a restart keeps whoever the previous run saved).
   */
  static async start(
    options: {
      dataFolder?: string;
      secrets?: Secrets;
      flushTimeoutMs?: number;
      pickFolder?: () => Promise<string | null>;
      draftsIo?: FileIo;
      user?: User | null;
    } = {},
  ): Promise<NewsroomHost> {
    const dataFolder = options.dataFolder ?? (await mkdtemp(join(tmpdir(), 'newsroom-e2e-')));
    const secrets = options.secrets ?? new MemorySecrets();
    const host = new NewsroomHost(dataFolder, secrets, undefined);
    const settings = new Conf<AppSettings>({ cwd: dataFolder, configName: 'settings' });
    seedUser(settings, options.user);
    host.services = await createServices({
      dataFolder,
      settings,
      secrets,
      appVersion: 'e2e',
      emit: (event, payload) => host.broadcast(event, payload),
      flushTimeoutMs: options.flushTimeoutMs ?? 5_000,
      ...(options.pickFolder === undefined ? {} : { pickFolder: options.pickFolder }),
      ...(options.draftsIo === undefined ? {} : { draftsIo: options.draftsIo }),
    });
    return host;
  }

  get router(): Services['router'] {
    if (!this.services) throw new Error('host not started');
    return this.services.router;
  }

  /** Opens the app in a new page of `context`, as launching the app opens its window. */
  async open(context: BrowserContext): Promise<Page> {
    await serveRenderer(context);
    const page = await context.newPage();
    await page.exposeBinding(HOST_BINDING, async (source, method: unknown, input: unknown) => {
      // Same rule as the shell's sender check: only our app's main frame may call.
      if (source.frame !== page.mainFrame() || !source.frame.url().startsWith(`${APP_ORIGIN}/`)) {
        return JSON.stringify(fail('FORBIDDEN', 'This request did not come from the Newsroom window.'));
      }
      // The bridge sends JSON text (see bridge-script.ts); anything else is handed on as it came.
      let parsed: unknown = input;
      if (typeof input === 'string') {
        try {
          parsed = JSON.parse(input) as unknown;
        } catch {
          return JSON.stringify(fail('INVALID_INPUT', 'The request was not valid JSON.'));
        }
      }
      return JSON.stringify(await this.router.handle(method, parsed));
    });
    await page.addInitScript(installBridge, { binding: HOST_BINDING, dispatch: HOST_DISPATCH });
    this.pages.add(page);
    page.on('close', () => this.pages.delete(page));
    await page.goto(`${APP_ORIGIN}/index.html`);
    return page;
  }

  /** Quit as the app does: the page saves what is pending, the writes reach the disk, pages close. */
  async quit(): Promise<void> {
    if (!this.services) return;
    await this.services.flush();
    for (const page of [...this.pages]) await page.close();
    this.services = undefined;
  }

  private broadcast(event: string, payload: unknown): void {
    for (const page of this.pages) {
      page
        .evaluate(([name, fn, data]) => {
          const dispatch = (globalThis as unknown as Record<string, (e: string, p: unknown) => void>)[fn];
          dispatch?.(name, data);
        }, [event, HOST_DISPATCH, payload] as const)
        .catch(() => {
          // A page that is closing cannot take events; the app ignores closed windows too.
        });
    }
  }
}
