import { beforeEach, describe, expect, it } from 'vitest';
import * as electron from 'electron';
import type * as FakeElectron from './testing/fake-electron';
import type { WallLayout } from '../../shared/wall-layout';
import { DEFAULT_WALL_LAYOUT } from '../../shared/wall-layout';
import { KioskWalls, matchesAccelerator } from './kiosk';

const fake = electron as unknown as typeof FakeElectron;

const twoScreens: WallLayout = {
  ...DEFAULT_WALL_LAYOUT,
  exitKeys: 'Control+Shift+Q',
  displays: [
    { name: 'Left', screen: 0, playlist: [{ view: 'grid' }], intervalSeconds: 20 },
    { name: 'Right', screen: 1, playlist: [{ view: 'stats' }], intervalSeconds: 20 },
    { name: 'Missing', screen: 5, playlist: [{ view: 'critical' }], intervalSeconds: 20 },
  ],
};

function walls(layout = twoScreens) {
  const exits: number[] = [];
  const warnings: string[] = [];
  const kiosk = new KioskWalls({
    layout,
    screens: fake.screen,
    powerSaveBlocker: fake.powerSaveBlocker,
    shell: fake.shell,
    preloadPath: '/app/out/preload/index.js',
    onExit: () => exits.push(1),
    warn: (message) => warnings.push(message),
  });
  return { kiosk, exits, warnings };
}

const key = (key: string, modifiers: Partial<Record<'control' | 'shift' | 'alt' | 'meta', boolean>> = {}) => ({
  type: 'keyDown' as const,
  key,
  control: false,
  shift: false,
  alt: false,
  meta: false,
  ...modifiers,
});

describe('kiosk mode', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('opens one full-screen, frameless, sandboxed window per display, each with its own view', () => {
    const { kiosk, warnings } = walls();
    const windows = kiosk.open() as unknown as FakeElectron.BrowserWindow[];
    expect(windows).toHaveLength(2);
    expect(windows[0].options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, x: 0, width: 1920 });
    expect(windows[1].options).toMatchObject({ x: 1920, width: 3840, height: 2160 });
    expect(windows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(windows.map((w) => w.webContents.loadedUrl)).toEqual(['app://rvm/index.html#wall=0', 'app://rvm/index.html#wall=1']);
    expect(warnings).toEqual([expect.stringMatching(/"Missing" wants screen 5, which is not connected/)]);
  });

  it('keeps the displays awake while the walls are up', () => {
    const { kiosk } = walls();
    kiosk.open();
    expect(fake.powerSaveBlocker.active.size).toBe(1);
    kiosk.close();
    expect(fake.powerSaveBlocker.active.size).toBe(0);
  });

  it('cannot be closed except with the exit keys', () => {
    const { kiosk, exits } = walls();
    const [window] = kiosk.open() as unknown as FakeElectron.BrowserWindow[];
    window.close();
    expect(window.isDestroyed()).toBe(false);
    let prevented = false;
    window.webContents.emit('before-input-event', { preventDefault: () => (prevented = true) }, key('q', { control: true, shift: true }));
    expect(prevented).toBe(true);
    expect(exits).toHaveLength(1);
    kiosk.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('matches the exit combination exactly', () => {
    expect(matchesAccelerator(key('Q', { control: true, shift: true }), 'Control+Shift+Q')).toBe(true);
    expect(matchesAccelerator(key('q', { control: true }), 'Control+Shift+Q')).toBe(false);
    expect(matchesAccelerator(key('q', { control: true, shift: true, alt: true }), 'Control+Shift+Q')).toBe(false);
    expect(matchesAccelerator({ ...key('q', { control: true, shift: true }), type: 'keyUp' }, 'Control+Shift+Q')).toBe(false);
    expect(matchesAccelerator(key('F4', { alt: true }), 'Control+Shift+Q')).toBe(false);
  });
});
