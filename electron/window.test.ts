import { beforeEach, describe, expect, it, vi } from 'vitest';

/** S1, S4, S10 with Electron mocked: what the factory builds and which guards it installs. */
type Listener = (...args: unknown[]) => unknown;

const mocks = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; window: FakeWindow }> = [];
  const openExternal = vi.fn(async (_url: string, _options?: unknown) => {});

  class FakeContents {
    listeners = new Map<string, Listener[]>();
    windowOpenHandler: Listener | undefined;
    session = {
      requestHandler: undefined as Listener | undefined,
      checkHandler: undefined as Listener | undefined,
      setPermissionRequestHandler(handler: Listener) {
        this.requestHandler = handler;
      },
      setPermissionCheckHandler(handler: Listener) {
        this.checkHandler = handler;
      },
    };
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }

  class FakeWindow {
    webContents = new FakeContents();
    shown = false;
    onceListeners = new Map<string, Listener>();
    constructor(options: Record<string, unknown>) {
      created.push({ options, window: this });
    }
    once(event: string, listener: Listener) {
      this.onceListeners.set(event, listener);
    }
    show() {
      this.shown = true;
    }
  }

  return { created, openExternal, FakeWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: mocks.FakeWindow,
  shell: { openExternal: mocks.openExternal },
}));

const { createMainWindow, secureWebPreferences } = await import('./window');

const PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation',
  'hid', 'idle-detection', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications',
  'openExternal', 'pointerLock', 'serial', 'usb', 'window-management', 'unknown',
];

function build(origins?: readonly string[]) {
  createMainWindow({ preloadPath: '/app/dist-electron/preload.cjs', ...(origins ? { origins } : {}) });
  const last = mocks.created.at(-1);
  if (!last) throw new Error('no window created');
  return last;
}

describe('secureWebPreferences (S1)', () => {
  it('is exactly the reviewed set', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toStrictEqual({
      preload: '/p/preload.cjs',
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
    });
  });

  it('is what the factory passes to BrowserWindow', () => {
    const { options } = build();
    expect(options['webPreferences']).toStrictEqual(secureWebPreferences('/app/dist-electron/preload.cjs'));
    expect(options['show']).toBe(false);
  });
});

describe('createMainWindow guards', () => {
  beforeEach(() => mocks.openExternal.mockClear());

  it('shows the window once it is ready', () => {
    const { window } = build();
    expect(window.shown).toBe(false);
    window.onceListeners.get('ready-to-show')?.();
    expect(window.shown).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://newsroom/index.html',
    'about:blank',
    '',
  ])('denies window.open(%j), handing only http(s) to the browser', async (url) => {
    const { window } = build();
    const handler = window.webContents.windowOpenHandler;
    expect(handler?.({ url, frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    const expected = /^https?:/.test(url) ? [[url, { activate: true }]] : [];
    expect(mocks.openExternal.mock.calls).toEqual(expected);
  });

  it.each([
    ['will-navigate', 'https://evil.example/', true],
    ['will-navigate', 'app://newsroom.evil/index.html', true],
    ['will-navigate', 'file:///etc/passwd', true],
    ['will-navigate', 'http://localhost:5173/', true],
    ['will-navigate', 'app://newsroom/index.html', false],
    ['will-redirect', 'https://evil.example/', true],
    ['will-redirect', 'app://newsroom/index.html', false],
  ])('%s to %j: prevented = %s', (event, url, prevented) => {
    const { window } = build();
    const preventDefault = vi.fn();
    window.webContents.emit(event, { preventDefault, url }, url);
    expect(preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
    expect(mocks.openExternal).not.toHaveBeenCalled();
  });

  it('allows the dev server only when its origin is passed', () => {
    const { window } = build(['app://newsroom', 'http://localhost:5173']);
    const preventDefault = vi.fn();
    window.webContents.emit('will-navigate', { preventDefault }, 'http://localhost:5173/index.html');
    expect(preventDefault).not.toHaveBeenCalled();
  });

  it('never attaches a <webview>', () => {
    const { window } = build();
    const preventDefault = vi.fn();
    window.webContents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it.each(PERMISSIONS)('denies the %s permission (S10)', (permission) => {
    const { window } = build();
    const { requestHandler, checkHandler } = window.webContents.session;
    const callback = vi.fn();
    requestHandler?.(window.webContents, permission, callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(checkHandler?.(window.webContents, permission, 'app://newsroom', {})).toBe(false);
  });
});
