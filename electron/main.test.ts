import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../shared/ipc/channels';

/**
 * main.ts wiring with Electron mocked and the real shell modules underneath: the order of the
 * start-up steps, what reaches createServices, and which quit paths are guarded. Services, settings
 * and secrets are stubbed (they have their own tests).
 */
type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  const state = { isPackaged: false, lock: true, failStart: false };

  class FakeWindow {
    listeners = new Map<string, Listener>();
    loaded: string | undefined;
    focused = 0;
    restored = 0;
    webContents = {
      session: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        availableSpellCheckerLanguages: ['en-US', 'es-ES'],
        setSpellCheckerLanguages: (languages: string[]) => order.push(`spellcheck ${languages.join(',')}`),
        addWordToSpellCheckerDictionary: () => true,
      },
      setWindowOpenHandler: () => {},
      on: () => {},
      isDestroyed: () => false,
      send: () => {},
    };
    constructor(readonly options: unknown) {
      windows.push(this);
      order.push('window');
    }
    static getAllWindows = () => windows;
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once() {}
    async loadURL(url: string) {
      this.loaded = url;
      order.push(`load ${url}`);
    }
    isDestroyed = () => false;
    isMinimized = () => true;
    restore() {
      this.restored += 1;
    }
    focus() {
      this.focused += 1;
    }
  }

  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    setPath: vi.fn((name: string, value: string) => order.push(`setPath ${name}=${value}`)),
    getPath: vi.fn((name: string) => (name === 'documents' ? '/home/reporter/Documents' : '/tmp/user-data')),
    getVersion: () => '1.2.3',
    getPreferredSystemLanguages: () => ['es-419'],
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      order.push('lock');
      return state.lock;
    }),
    on: vi.fn((event: string, listener: Listener) => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    }),
    whenReady: vi.fn(async () => {
      order.push('ready');
    }),
    quit: vi.fn(() => order.push('quit')),
    relaunch: vi.fn(() => order.push('relaunch')),
    exit: vi.fn((code: number) => order.push(`exit ${code}`)),
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/reporter/Dropbox/Drafts'] })),
    },
    powerMonitor: { on: vi.fn() },
    Menu: { buildFromTemplate: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerScheme')),
      handle: vi.fn((scheme: string) => order.push(`protocol ${scheme}`)),
    },
    ipcMain: { handle: vi.fn((channel: string) => order.push(`ipc ${channel}`)), removeHandler: vi.fn() },
    shell: { openExternal: vi.fn() },
    safeStorage: {},
  };
  const services = {
    router: { handle: vi.fn() },
    flush: vi.fn(async () => {}),
  };
  const createServices = vi.fn(async (_options: Record<string, unknown>) => {
    order.push('services');
    if (state.failStart) throw new Error('drafts folder is read-only');
    return services;
  });
  return { order, appListeners, windows, state, electron, services, createServices };
});

vi.mock('electron', () => ({ ...h.electron, default: h.electron }));
vi.mock('./core/services', () => ({ createServices: h.createServices }));
vi.mock('./platform/settings-store', () => ({ openSettingsStore: async () => ({ get() {}, set() {}, has: () => false, delete() {} }) }));
vi.mock('./platform/secrets', () => ({ createSecrets: () => ({ persistent: false, get: async () => undefined, set: async () => {}, delete: async () => {} }) }));

async function startMain(env: Record<string, string> = {}) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  await import('./main');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  h.order.length = 0;
  h.appListeners.clear();
  h.windows.length = 0;
  Object.assign(h.state, { isPackaged: false, lock: true, failStart: false });
  vi.clearAllMocks();
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.unstubAllEnvs());

describe('main.ts', () => {
  it('starts in order: sandbox and scheme before ready, then services, IPC, protocol, window', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', '');
    await startMain();
    expect(h.order).toEqual([
      'enableSandbox',
      'registerScheme',
      'lock',
      'ready',
      'services',
      `ipc ${INVOKE_CHANNEL}`,
      'protocol app',
      'window',
      // The system prefers Latin American Spanish: Chromium's Spanish dictionary is chosen.
      ...(process.platform === 'darwin' ? [] : ['spellcheck es-ES']),
      'load app://newsroom/index.html',
    ]);
    const options = h.createServices.mock.calls[0]?.[0];
    expect(options).toMatchObject({ dataFolder: '/tmp/user-data', appVersion: '1.2.3', publishFolder: '/home/reporter/Documents/Newsroom/Published' });
    expect(typeof options?.['emit']).toBe('function');
  });

  it('gives the services the system folder picker, over the window, and a restart that quits through the guard', async () => {
    await startMain();
    const options = h.createServices.mock.calls[0]?.[0] as { pickFolder: () => Promise<string | null>; restart: () => Promise<void> };
    expect(await options.pickFolder()).toBe('/home/reporter/Dropbox/Drafts');
    expect(h.electron.dialog.showOpenDialog).toHaveBeenCalledWith(h.windows[0], { properties: ['openDirectory', 'createDirectory'] });
    h.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await options.pickFolder()).toBeNull();

    h.order.length = 0;
    await options.restart();
    expect(h.order).toEqual(['relaunch']); // the answer goes back to the window before quitting
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.order).toEqual(['relaunch', 'quit']);
  });

  it('guards every way out: before-quit, window close, OS shutdown', async () => {
    await startMain();
    expect(h.appListeners.get('before-quit')).toHaveLength(1);
    expect(h.windows[0]?.listeners.has('close')).toBe(true);
    expect(h.electron.powerMonitor.on).toHaveBeenCalledWith('shutdown', expect.any(Function));

    const close = { preventDefault: vi.fn() };
    h.windows[0]?.listeners.get('close')?.(close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.services.flush).toHaveBeenCalledOnce();
    expect(h.electron.app.quit).toHaveBeenCalledOnce();
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    for (const listener of h.appListeners.get('second-instance') ?? []) listener();
    expect([h.windows[0]?.restored, h.windows[0]?.focused]).toEqual([1, 1]);
  });

  it('quits at once when another instance holds the lock', async () => {
    h.state.lock = false;
    await startMain();
    expect(h.order).toEqual(['enableSandbox', 'registerScheme', 'lock', 'quit']);
    expect(h.createServices).not.toHaveBeenCalled();
  });

  it('honours the dev server and the test profile only when unpackaged', async () => {
    await startMain({ VITE_DEV_SERVER_URL: 'http://localhost:5173/', NEWSROOM_USER_DATA_DIR: '/tmp/e2e-profile' });
    expect(h.order[0]).toBe('setPath userData=/tmp/e2e-profile');
    expect(h.windows[0]?.loaded).toBe('http://localhost:5173/');

    h.order.length = 0;
    h.windows.length = 0;
    h.state.isPackaged = true;
    await startMain({ VITE_DEV_SERVER_URL: 'https://evil.example/', NEWSROOM_USER_DATA_DIR: '/tmp/other' });
    expect(h.order.some((step) => step.startsWith('setPath'))).toBe(false);
    expect(h.windows[0]?.loaded).toBe('app://newsroom/index.html');
  });

  it('shows an error and exits 1 when start-up fails', async () => {
    h.state.failStart = true;
    await startMain();
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledWith('Newsroom could not start', expect.stringContaining('read-only'));
    expect(h.electron.app.exit).toHaveBeenCalledWith(1);
    expect(h.windows).toHaveLength(0);
  });
});
