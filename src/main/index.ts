import type { BrowserWindow } from 'electron';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
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
import { StartAtLogin, startedAtLogin } from './app/login-item';
import { criticalCount, TrayController, trayIconPath } from './app/tray';
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
  let quitting = false;
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
    // Closing the window keeps the app in the tray: the connection, the cache and the notifications go on.
    window.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      window.hide();
    });
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
  // Only quitting (the tray's Quit, or the system) ends the app; closing windows does not.
  app.on('window-all-closed', () => {
    if (quitting) app.quit();
  });
  app.on('before-quit', () => {
    quitting = true;
    kiosk?.close();
    void controlRoom?.close();
  });

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

    const { setting: startAtLogin, note: settingsNote } = await StartAtLogin.open({ dataDir, app });
    if (settingsNote) console.warn(settingsNote);
    void startAtLogin.apply().then((result) => {
      if (!result.ok) console.warn(result.message);
    });
    const trayIcon = nativeImage.createFromPath(trayIconPath(resourcesDir));
    const tray = new TrayController({
      tray: new Tray(process.platform === 'darwin' ? trayIcon.resize({ width: 16, height: 16 }) : trayIcon),
      buildMenu: (items) => Menu.buildFromTemplate(items),
      onOpen: () => void openWindow(),
      onQuit: () => app.quit(),
      startAtLogin: startAtLogin.supported ? startAtLogin : undefined,
      language: app.getLocale().toLowerCase().startsWith('id') ? 'id' : 'en',
      initial: { phase: room.connectionState().phase, critical: criticalCount(room.fleet.statusCounts()) },
    });
    room.events.on('connection.state', (state) => tray.update({ phase: state.phase }));
    room.events.on('fleet.patch', () => tray.update({ critical: criticalCount(room.fleet.statusCounts()) }));
    app.on('before-quit', () => tray.dispose());

    if (options.kiosk) openKiosk();
    // Started at login, the app waits in the tray until it is wanted.
    else if (!startedAtLogin(process.argv, process.platform === 'darwin' ? app.getLoginItemSettings() : undefined)) openWindow();
    const problem = await applyLaunchOptions(room, options);
    if (problem) console.error(`RVM Control Room: ${problem}`);
  });
}
