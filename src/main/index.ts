import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Notification, powerMonitor, powerSaveBlocker, protocol, safeStorage, screen, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ControlRoom, secretsFile } from './core/control-room';
import { applyLaunchOptions } from './core/launch';
import type { LaunchOptions } from './core/launch-options';
import { parseAppArgs } from './core/launch-options';
import { APP_ID } from './core/product';
import { loadWallLayout } from './core/wall/layout-loader';
import { bindCommands, forwardEvents } from './app/ipc';
import { KioskWalls } from './app/kiosk';
import { NotificationService } from './app/notifications';
import { registerRendererScheme, serveRenderer } from './app/renderer-protocol';
import { SafeStorageSecretStore } from './app/safe-storage-secret-store';
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
    start(launch.value);
  }
}

function start(options: LaunchOptions): void {
  const outDir = join(__dirname, '..');
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(outDir, '..', 'resources');
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const windows = new Set<number>();
  let mainWindow: BrowserWindow | null = null;
  let controlRoom: ControlRoom | null = null;
  let kiosk: KioskWalls | null = null;
  const wallLayout = loadWallLayout(dataDir, options.layout);
  if (wallLayout.problem) console.warn(`RVM Control Room: ${wallLayout.problem}`);

  /** Every window of ours may call the core and hears its events, until it closes. */
  const attach = (window: BrowserWindow): void => {
    if (!controlRoom) return;
    const id = window.webContents.id;
    windows.add(id);
    const stopForwarding = forwardEvents(controlRoom.events, window.webContents);
    window.on('closed', () => {
      windows.delete(id);
      stopForwarding();
    });
  };

  const openWindow = (): BrowserWindow | null => {
    if (!controlRoom) return null;
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
      return mainWindow;
    }
    const window = createMainWindow({
      dataDir,
      outDir,
      resourcesDir,
      screen,
      shell,
      devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    });
    attach(window);
    window.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = window;
    return window;
  };

  const openKiosk = (): void => {
    kiosk = new KioskWalls({
      layout: wallLayout.layout,
      screens: screen,
      powerSaveBlocker,
      shell,
      preloadPath: join(outDir, 'preload', 'index.js'),
      devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
      // The exit keys lead back to the desk, not out of the app.
      onExit: () => {
        openWindow();
        kiosk?.close();
        kiosk = null;
      },
      warn: (message) => console.warn(`RVM Control Room: ${message}`),
    });
    kiosk.open().forEach(attach);
  };

  app.on('second-instance', () => void (kiosk ? undefined : openWindow()));
  app.on('activate', () => void openWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void controlRoom?.close());

  void app.whenReady().then(async () => {
    applySessionPolicy(session.defaultSession);
    serveRenderer(protocol, join(outDir, 'renderer'));
    const opened = await ControlRoom.open({
      dataDir,
      runtime: 'electron',
      secrets: SafeStorageSecretStore.create(safeStorage, secretsFile(dataDir)),
      wallLayout,
      // The Electron build of better-sqlite3 (scripts/electron-runtime.mjs, or the packaged resource).
      storeOptions: {
        nativeBinding: app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : process.env.RVM_SQLITE_BINDING,
      },
      chooseExportFile: async (name) => {
        const extension = name.split('.').pop() ?? 'csv';
        const options = {
          defaultPath: join(app.getPath('downloads'), name),
          filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        };
        const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
    });
    controlRoom = opened.controlRoom;
    opened.notes.forEach((note) => console.warn(note));
    const room = controlRoom;
    bindCommands(ipcMain, room.handlers, createSenderCheck(() => windows, process.env.ELECTRON_RENDERER_URL));

    const notifications = new NotificationService(
      { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
      join(resourcesDir, 'icon.png'),
      (request) => {
        openWindow();
        if (request.machineIds[0]) room.events.emit('machine.focus', { id: request.machineIds[0] });
      },
    );
    room.events.on('notification.request', (request) => notifications.show(request));
    // pusher-js in Node never hears of sleep or the network returning: tell it.
    powerMonitor.on('resume', () => room.reconnectNow());
    powerMonitor.on('unlock-screen', () => room.reconnectNow());

    if (options.kiosk) openKiosk();
    else openWindow();
    const problem = await applyLaunchOptions(room, options);
    if (problem) console.error(`RVM Control Room: ${problem}`);
  });
}
