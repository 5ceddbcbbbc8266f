import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './core/app-files';
import { createServices } from './core/services';
import { broadcast, registerIpc } from './ipc/register';
import { registerAppScheme, serveAppFiles } from './platform/app-protocol';
import { consoleLogger as logger } from './platform/logger';
import { installQuitGuard } from './platform/quit-guard';
import { installSpellcheck } from './platform/spellcheck-menu';
import { createSecrets } from './platform/secrets';
import { openSettingsStore } from './platform/settings-store';
import { allowedOrigins, devServerUrlFrom } from './platform/url-policy';
import { createMainWindow } from './window';

/**
 * Lifecycle only: build the services, register IPC and the app:// protocol, open the window,
 * flush before quitting. Everything with a decision in it lives in a tested module.
 */
const here = path.dirname(fileURLToPath(import.meta.url)); // dist-electron/
const RENDERER_DIR = path.join(here, '..', 'dist');
const PRELOAD_PATH = path.join(here, 'preload.cjs');

// Dev and test switches work only unpackaged: a shipped app must not be pointed at another page
// (VITE_DEV_SERVER_URL) or another profile by whoever controls its environment.
const devServerUrl = app.isPackaged ? undefined : devServerUrlFrom(process.env['VITE_DEV_SERVER_URL']);
const userDataDir = app.isPackaged ? undefined : process.env['NEWSROOM_USER_DATA_DIR'];
if (userDataDir) app.setPath('userData', userDataDir); // before the lock: it lives in userData

app.enableSandbox(); // every renderer, even one we did not create ourselves
registerAppScheme(); // must happen before `ready`

if (!app.requestSingleInstanceLock()) {
  // Another Newsroom owns this profile; it gets focused by its `second-instance` handler.
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window: closing it quits, on macOS too, so its close always goes through the flush.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      const origins = allowedOrigins(devServerUrl);
      const services = await createServices({
        dataFolder: app.getPath('userData'),
        // The "Local folder" destination of a fresh install: somewhere the journalist can find it.
        publishFolder: path.join(app.getPath('documents'), 'Newsroom', 'Published'),
        settings: await openSettingsStore({ logger }),
        secrets: createSecrets({ logger }),
        emit: broadcast,
        logger,
        appVersion: app.getVersion(),
        // Settings → Drafts folder: the system's picker, over the window when there is one.
        pickFolder: async () => {
          const properties: Array<'openDirectory' | 'createDirectory'> = ['openDirectory', 'createDirectory'];
          const picked = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, { properties }) : await dialog.showOpenDialog({ properties });
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
        // A new drafts folder is used from the next start. Quitting goes through the quit guard, so
        // the renderer's last save is flushed first; after this answer has gone back to the window.
        restart: async () => {
          app.relaunch();
          setImmediate(() => app.quit());
        },
      });
      registerIpc(services.router, { origins, logger });
      serveAppFiles(RENDERER_DIR, logger);

      // Quit, window close and OS shutdown all wait for the renderer's last save and the disk.
      const guard = installQuitGuard(app, () => services.flush(), { logger });
      powerMonitor.on('shutdown', guard.intercept);
      mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, origins, logger });
      mainWindow.on('close', guard.intercept);
      installSpellcheck(mainWindow.webContents, mainWindow.webContents.session, app.getPreferredSystemLanguages());
      if (process.platform === 'win32') {
        // Windows sends no before-quit on shutdown or log-off: ask for time, or at least start saving.
        mainWindow.on('query-session-end', guard.intercept);
        mainWindow.on('session-end', guard.intercept);
      }

      await mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.error('Newsroom could not start', { error: message });
      dialog.showErrorBox('Newsroom could not start', `${message}\n\nYour drafts on disk were not changed.`);
      app.exit(1);
    });
}
