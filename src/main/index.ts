import type { BrowserWindow } from 'electron';
import { app, ipcMain, protocol, screen, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ControlRoom } from './core/control-room';
import { parseAppArgs } from './core/launch-options';
import { APP_ID } from './core/product';
import { bindCommands, forwardEvents } from './app/ipc';
import { registerRendererScheme, serveRenderer } from './app/renderer-protocol';
import { applySessionPolicy } from './app/security';
import { createSenderCheck } from './app/trusted-sender';
import { createMainWindow } from './app/window';

// Lifecycle only: the core does the work, the app/ modules adapt it to Electron.
const launch = parseAppArgs(process.argv.slice(1));
if (!launch.ok) {
  console.error(`RVM Control Room: ${launch.message}`);
  app.exit(2);
} else {
  if (launch.value.dataDir) app.setPath('userData', launch.value.dataDir);
  app.setAppUserModelId(APP_ID);
  registerRendererScheme(protocol);

  if (!app.requestSingleInstanceLock()) {
    // Another instance owns the connection and the cache; it brings its window forward.
    app.quit();
  } else {
    start();
  }
}

function start(): void {
  const outDir = join(__dirname, '..');
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(outDir, '..', 'resources');
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const controlRoom = new ControlRoom({ dataDir, runtime: 'electron' });
  const windows = new Set<number>();
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): void => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      return;
    }
    const window = createMainWindow({
      dataDir,
      outDir,
      resourcesDir,
      screen,
      shell,
      devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    });
    const id = window.webContents.id;
    windows.add(id);
    const stopForwarding = forwardEvents(controlRoom.events, window.webContents);
    window.on('closed', () => {
      windows.delete(id);
      stopForwarding();
      mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void controlRoom.close());

  void app.whenReady().then(() => {
    applySessionPolicy(session.defaultSession);
    serveRenderer(protocol, join(outDir, 'renderer'));
    bindCommands(ipcMain, controlRoom.handlers, createSenderCheck(() => windows, process.env.ELECTRON_RENDERER_URL));
    openWindow();
  });
}
