/**
 * A stand-in for the `electron` module, which cannot run on the CI machines. It records what the
 * app asks of Electron (window options, IPC handlers, session policies, notifications) so tests can
 * assert the calls; it implements no Electron behaviour beyond what those assertions need.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  loadedUrl: string | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: (options.x as number) ?? 0,
      y: (options.y as number) ?? 0,
      width: (options.width as number) ?? 800,
      height: (options.height as number) ?? 600,
    };
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.webContents.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  hide(): void {
    this.shown = false;
  }
  focus(): void {
    this.focused = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return this.bounds;
  }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel, args } });
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>([['userData', '/tmp/rvm-fake-user-data']]);
  appUserModelId: string | null = null;
  singleInstanceLock = true;
  lockRequested = false;
  quitCalled = false;
  exitCode: number | null = null;
  isPackaged = false;
  private ready: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/tmp/rvm-fake-${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  requestSingleInstanceLock(): boolean {
    this.lockRequested = true;
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Test hook: Electron finished starting. */
  fireReady(): void {
    this.ready();
  }
  quit(): void {
    this.quitCalled = true;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
  getLocale(): string {
    return 'en-GB';
  }
  loginItem = { openAtLogin: false };
  getLoginItemSettings() {
    return { ...this.loginItem, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin };
  }
}

class FakeSession {
  headersListener: Listener | null = null;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: Listener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
}

class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, Listener>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: Listener): void {
    this.handlers.set(scheme, handler);
  }
}

export let app = new FakeApp();
export let ipcMain = new FakeIpcMain();
export let ipcRenderer = new FakeIpcRenderer();
export let protocol = new FakeProtocol();
export let session = { defaultSession: new FakeSession() };
export const shell = { opened: [] as string[], openExternal: (url: string) => (shell.opened.push(url), Promise.resolve()) };
export const screen = {
  displays: [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, workArea: { x: 1920, y: 0, width: 3840, height: 2120 } },
  ],
  getAllDisplays: () => screen.displays,
  getPrimaryDisplay: () => screen.displays[0],
};
export const powerSaveBlocker = {
  active: new Set<number>(),
  next: 1,
  start(_type: string): number {
    const id = powerSaveBlocker.next++;
    powerSaveBlocker.active.add(id);
    return id;
  },
  stop(id: number): void {
    powerSaveBlocker.active.delete(id);
  },
};
export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
  }
  close(): void {
    this.emit('close');
  }
}
export let powerMonitor = new EventEmitter();
export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  toolTip = '';
  menu: unknown = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}
export const Menu = { buildFromTemplate: (items: unknown[]) => ({ items }) };
export const nativeImage = {
  createFromPath: (path: string) => ({ path, resize: () => ({ path }) }),
};
export const dialog = {
  /** What the next save dialog answers; a test sets it. */
  nextSavePath: null as string | null,
  showSaveDialog: async (..._args: unknown[]) => ({ canceled: dialog.nextSavePath === null, filePath: dialog.nextSavePath ?? undefined }),
};
/** A system without a keychain, as on the CI machines: the app must say so. */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (text: string) => Buffer.from(text),
  decryptString: (data: Buffer) => data.toString(),
};
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => {
    exposed.set(key, api);
  },
};

/** Fresh fakes for the next test. */
export function resetFakeElectron(): void {
  app = new FakeApp();
  ipcMain = new FakeIpcMain();
  ipcRenderer = new FakeIpcRenderer();
  protocol = new FakeProtocol();
  session = { defaultSession: new FakeSession() };
  powerMonitor = new EventEmitter();
  Notification.shown.length = 0;
  powerSaveBlocker.active.clear();
  Tray.created.length = 0;
  shell.opened.length = 0;
  exposed.clear();
  BrowserWindow.created.length = 0;
}

