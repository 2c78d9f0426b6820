import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Shell } from 'electron';
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { guardWebContents } from './security';
import type { Rectangle, WindowState } from './window-state';
import { DEFAULT_SIZE, loadWindowState, saveWindowState, windowStateFile } from './window-state';
import { RENDERER_ORIGIN } from './trusted-sender';
import { PRODUCT_NAME } from '../core/product';

/** The security checklist, in one place: isolated, sandboxed, no Node in the page, web security on. */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string, state: WindowState | null, iconPath: string): BrowserWindowConstructorOptions {
  return {
    ...(state?.bounds ?? DEFAULT_SIZE),
    minWidth: 960,
    minHeight: 600,
    title: PRODUCT_NAME,
    icon: iconPath,
    show: false,
    backgroundColor: '#0f1419',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface MainWindowDeps {
  dataDir: string;
  outDir: string;
  resourcesDir: string;
  screen: { getAllDisplays(): ReadonlyArray<{ workArea: Rectangle }> };
  shell: Pick<Shell, 'openExternal'>;
  /** The electron-vite dev server, while developing. */
  devServerUrl?: string;
}

/** Opens the console window where the operator left it, and remembers where it is left next. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindowType {
  const stateFile = windowStateFile(deps.dataDir);
  const displays = deps.screen.getAllDisplays().map((display) => display.workArea);
  const state = loadWindowState(stateFile, displays);
  const window = new BrowserWindow(
    mainWindowOptions(join(deps.outDir, 'preload', 'index.js'), state, join(deps.resourcesDir, 'icon.png')),
  );
  guardWebContents(window.webContents, deps.shell);
  if (state?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(deps.devServerUrl ?? `${RENDERER_ORIGIN}/index.html`);
  return window;
}
