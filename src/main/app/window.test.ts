import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as electron from 'electron';
import type * as FakeElectron from './testing/fake-electron';
import { applySessionPolicy, CONTENT_SECURITY_POLICY, guardWebContents, isAllowedExternalUrl } from './security';
import { createMainWindow, mainWindowOptions } from './window';
import { windowStateFile } from './window-state';

const fake = electron as unknown as typeof FakeElectron;

describe('the main window', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('is isolated, sandboxed, without Node, with web security on', () => {
    const options = mainWindowOptions('/app/out/preload/index.js', null, '/app/resources/icon.png');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens where the operator left it, and remembers where it is left', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rvm-window-'));
    const bounds = { x: 100, y: 80, width: 1200, height: 800 };
    writeFileSync(windowStateFile(dataDir), JSON.stringify({ bounds, maximized: false }));
    const window = createMainWindow({ dataDir, outDir: '/app/out', resourcesDir: '/app/resources', screen: fake.screen, shell: fake.shell });
    expect(window.getNormalBounds()).toEqual(bounds);
    expect((window as unknown as FakeElectron.BrowserWindow).webContents.loadedUrl).toBe('app://rvm/index.html');

    (window as unknown as FakeElectron.BrowserWindow).bounds = { x: 10, y: 20, width: 1000, height: 700 };
    window.close();
    const next = createMainWindow({ dataDir, outDir: '/app/out', resourcesDir: '/app/resources', screen: fake.screen, shell: fake.shell });
    expect(next.getNormalBounds()).toEqual({ x: 10, y: 20, width: 1000, height: 700 });
  });

  it('ignores a saved position that is off every display', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rvm-window-'));
    writeFileSync(windowStateFile(dataDir), JSON.stringify({ bounds: { x: 5000, y: 5000, width: 1200, height: 800 }, maximized: false }));
    const window = createMainWindow({ dataDir, outDir: '/app/out', resourcesDir: '/app/resources', screen: fake.screen, shell: fake.shell });
    expect(window.getNormalBounds()).toMatchObject({ width: 1440, height: 900 });
  });

  it('ignores a corrupt window-state file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rvm-window-'));
    writeFileSync(windowStateFile(dataDir), '{"bounds": "everywhere"');
    const window = createMainWindow({ dataDir, outDir: '/app/out', resourcesDir: '/app/resources', screen: fake.screen, shell: fake.shell });
    expect(window.getNormalBounds()).toMatchObject({ width: 1440, height: 900 });
  });
});

describe('the content security policy', () => {
  it("runs only the app's own scripts, never eval", () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });

  it('is added to every response of the session', () => {
    const session = fake.session.defaultSession;
    applySessionPolicy(session as unknown as electron.Session);
    let headers: Record<string, string[]> = {};
    session.headersListener!({ responseHeaders: { 'X-Other': ['1'] } }, (result: { responseHeaders: Record<string, string[]> }) => {
      headers = result.responseHeaders;
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('denies every permission except notifications', () => {
    const session = fake.session.defaultSession;
    applySessionPolicy(session as unknown as electron.Session);
    const answers: Record<string, boolean> = {};
    for (const permission of ['notifications', 'media', 'geolocation', 'openExternal', 'clipboard-read']) {
      session.permissionRequestHandler!(null, permission, (allowed: boolean) => (answers[permission] = allowed));
    }
    expect(answers).toEqual({ notifications: true, media: false, geolocation: false, openExternal: false, 'clipboard-read': false });
    expect(session.permissionCheckHandler!(null, 'media')).toBe(false);
  });
});

describe('navigation and new windows', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('prevents navigation away from the app', () => {
    const window = new fake.BrowserWindow({});
    guardWebContents(window.webContents as unknown as electron.WebContents, fake.shell);
    let prevented = false;
    window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
  });

  it('denies new windows, opening allow-listed https links in the system browser only', () => {
    const window = new fake.BrowserWindow({});
    guardWebContents(window.webContents as unknown as electron.WebContents, fake.shell);
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://laravel.com/docs/reverb' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://laravel.com/docs' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://laravel.com/docs/reverb']);
  });

  it('allows only https links to listed hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/x')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});
