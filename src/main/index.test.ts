import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from './app/testing/fake-electron';
import { COMMAND_NAMES } from '../shared/contract';
import { APP_ID } from './core/product';

let fake: typeof FakeElectron;

/** Starts the entry in a fresh module graph, with a fresh fake `electron`. */
async function launch(options: { lock?: boolean; args?: string[] } = {}) {
  vi.resetModules();
  const argv = process.argv;
  process.argv = [argv[0], 'main', ...(options.args ?? [])];
  fake = (await import('electron')) as unknown as typeof FakeElectron;
  fake.app.singleInstanceLock = options.lock ?? true;
  fake.app.setPath('userData', mkdtempSync(join(tmpdir(), 'rvm-electron-')));
  try {
    await import('./index');
  } finally {
    process.argv = argv;
  }
  fake.app.fireReady();
  await fake.app.whenReady();
  // Opening the core reads the data folder; the window follows once it is open.
  if (fake.app.singleInstanceLock) await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(1));
}

describe('the Electron entry', () => {
  it('sets a real app id and takes the single-instance lock', async () => {
    await launch();
    expect(fake.app.appUserModelId).toBe(APP_ID);
    expect(fake.app.lockRequested).toBe(true);
  });

  it('registers the renderer scheme as privileged before ready, and serves it after', async () => {
    await launch();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocol.handlers.has('app')).toBe(true);
  });

  it('binds every contract command and opens one secure window on ready', async () => {
    await launch();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(fake.BrowserWindow.created[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(fake.session.defaultSession.headersListener).not.toBeNull();
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await launch();
    const window = fake.BrowserWindow.created[0];
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(fake.BrowserWindow.created).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('keeps running in the tray when the window is closed, showing the connection state', async () => {
    await launch();
    const [window] = fake.BrowserWindow.created;
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.shown).toBe(false);
    expect(fake.app.quitCalled).toBe(false);
    expect(fake.Tray.created).toHaveLength(1);
    expect(fake.Tray.created[0].toolTip).toMatch(/RVM Control Room/);
    fake.Tray.created[0].emit('click');
    expect(window.shown).toBe(true);
  });

  it('reconnects at once after sleep and when the screen is unlocked', async () => {
    await launch();
    expect(fake.powerMonitor.listenerCount('resume')).toBe(1);
    expect(fake.powerMonitor.listenerCount('unlock-screen')).toBe(1);
  });

  it('opens the wall displays instead of the desk with --kiosk', async () => {
    await launch({ args: ['--kiosk'] });
    const [wall] = fake.BrowserWindow.created;
    expect(wall.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(wall.webContents.loadedUrl).toBe('app://rvm/index.html#wall=0');
    expect(fake.powerSaveBlocker.active.size).toBe(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    await launch({ lock: false });
    expect(fake.app.quitCalled).toBe(true);
    expect(fake.BrowserWindow.created).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
