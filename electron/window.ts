import { BrowserWindow, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './core/app-files';
import { silentLogger, type Logger } from './core/ports';
import { openExternalSafe } from './platform/open-external';
import { navigationDecision } from './platform/url-policy';

/**
 * The one BrowserWindow factory (lint forbids `new BrowserWindow` elsewhere). Every window gets
 * the same preferences and the same guards, so the security review is this file.
 */

/**
 * Written out in full, defaults included: the test deep-equals this object, so a future edit that
 * weakens one flag fails loudly instead of relying on Electron's defaults staying put.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
    navigateOnDragDrop: false,
  };
}

export interface MainWindowOptions {
  /** Absolute path of `dist-electron/preload.cjs`. */
  preloadPath: string;
  /** Origins the window may show: ours, plus the dev server in an unpackaged dev run. */
  origins?: readonly string[];
  logger?: Logger;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const logger = options.logger ?? silentLogger;
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Newsroom',
    backgroundColor: '#ffffff',
    // Shown once the first paint is ready, so the journalist never sees a white flash.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenSession(window.webContents.session);
  hardenWebContents(window.webContents, options.origins ?? [APP_ORIGIN], logger);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** No web permission (camera, notifications, geolocation, clipboard-read …) is ever granted. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * New windows are always denied; an http(s) link the page tries to open goes to the browser
 * through the external-URL policy instead. Navigation away from our origin is stopped (a page
 * that navigated elsewhere would still hold the preload bridge). `<webview>` never attaches.
 */
export function hardenWebContents(
  contents: GuardedContents,
  origins: readonly string[],
  logger: Logger = silentLogger,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafe(url, logger);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (navigationDecision(url, origins) === 'allow') return;
    event.preventDefault();
    logger.warn('blocked a navigation away from the app');
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
