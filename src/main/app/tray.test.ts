import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StartAtLoginSetting, TrayMenuItem } from './tray';
import { criticalCount, TrayController, trayIconPath } from './tray';

/** Electron's Tray, reduced to what a person would see: the tooltip, the menu, and clicks. */
class FakeTray {
  tooltips: string[] = [];
  menus: TrayMenuItem[][] = [];
  destroyed = false;
  private clickListener: (() => void) | null = null;
  setToolTip(text: string) {
    this.tooltips.push(text);
  }
  setContextMenu(menu: TrayMenuItem[] | null) {
    if (menu) this.menus.push(menu);
  }
  on(_event: 'click', listener: () => void) {
    this.clickListener = listener;
  }
  destroy() {
    this.destroyed = true;
  }
  click() {
    this.clickListener?.();
  }
  get tooltip() {
    return this.tooltips.at(-1);
  }
  get menu() {
    return this.menus.at(-1) ?? [];
  }
  labels() {
    return this.menu.map((item) => (item.type === 'separator' ? '---' : item.label));
  }
  item(label: string) {
    const found = this.menu.find((item) => item.label === label);
    if (!found) throw new Error(`no menu item "${label}" in ${JSON.stringify(this.labels())}`);
    return found;
  }
}

function setUp(options: { startAtLogin?: StartAtLoginSetting; language?: 'en' | 'id' } = {}) {
  const tray = new FakeTray();
  const calls = { open: 0, quit: 0 };
  const controller = new TrayController<TrayMenuItem[]>({
    tray,
    buildMenu: (items) => items,
    onOpen: () => calls.open++,
    onQuit: () => calls.quit++,
    ...options,
  });
  return { tray, calls, controller };
}

describe('the tray', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts signed out, with a way to open the window and to quit', () => {
    const { tray } = setUp();
    expect(tray.tooltip).toBe('RVM Control Room: Signed out');
    expect(tray.labels()).toEqual(['Signed out', '---', 'Open RVM Control Room', '---', 'Quit']);
    expect(tray.item('Signed out').enabled).toBe(false);
  });

  it('shows the connection and the number of critical machines, in the tooltip and the menu', () => {
    const { tray, controller } = setUp();
    controller.update({ phase: 'live', critical: 3 });
    expect(tray.tooltip).toBe('RVM Control Room: Live · 3 critical machines (full or error)');
    expect(tray.labels().slice(0, 2)).toEqual(['Live', '3 critical machines (full or error)']);

    vi.advanceTimersByTime(1_000);
    controller.update({ critical: 1 });
    expect(tray.tooltip).toBe('RVM Control Room: Live · 1 critical machine (full or error)');
    vi.advanceTimersByTime(1_000);
    controller.update({ phase: 'public-only', critical: 0 });
    expect(tray.labels().slice(0, 2)).toEqual(['Live on public channels only', 'No critical machines']);
  });

  it('redraws at most once a second, always ending on the newest state', () => {
    const { tray, controller } = setUp();
    const drawn = tray.menus.length;
    controller.update({ phase: 'live', critical: 1 });
    for (let critical = 2; critical <= 50; critical++) controller.update({ critical });
    // The first change shows at once; the storm after it waits for the next second.
    expect(tray.menus.length).toBe(drawn + 1);
    expect(tray.tooltip).toContain('1 critical machine');
    vi.advanceTimersByTime(999);
    expect(tray.menus.length).toBe(drawn + 1);
    vi.advanceTimersByTime(1);
    expect(tray.menus.length).toBe(drawn + 2);
    expect(tray.tooltip).toContain('50 critical machines');
  });

  it('does not rebuild the menu when nothing it shows changed', () => {
    const { tray, controller } = setUp();
    controller.update({ phase: 'live', critical: 2 });
    const drawn = { menus: tray.menus.length, tooltips: tray.tooltips.length };
    vi.advanceTimersByTime(5_000);
    controller.update({ phase: 'live', critical: 2 });
    vi.advanceTimersByTime(5_000);
    expect({ menus: tray.menus.length, tooltips: tray.tooltips.length }).toEqual(drawn);
  });

  it('opens the window from a click on the icon and from the menu, and quits from the menu', () => {
    const { tray, calls } = setUp();
    tray.click();
    tray.item('Open RVM Control Room').click?.();
    tray.item('Quit').click?.();
    expect(calls).toEqual({ open: 2, quit: 1 });
  });

  it('offers start at login as a checkbox that shows the saved choice', async () => {
    let enabled = false;
    const setting: StartAtLoginSetting = {
      get enabled() {
        return enabled;
      },
      setEnabled: async (value) => {
        enabled = value;
      },
    };
    const { tray } = setUp({ startAtLogin: setting });
    expect(tray.item('Start at login')).toMatchObject({ type: 'checkbox', checked: false });
    tray.item('Start at login').click?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(enabled).toBe(true);
    expect(tray.item('Start at login').checked).toBe(true);
  });

  it('draws the menu again when the setting could not change, so the checkbox tells the truth', async () => {
    const setting: StartAtLoginSetting = { enabled: false, setEnabled: async () => ({ ok: false, message: 'refused' }) };
    const { tray } = setUp({ startAtLogin: setting });
    const drawn = tray.menus.length;
    tray.item('Start at login').click?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tray.menus.length).toBe(drawn + 1);
    expect(tray.item('Start at login').checked).toBe(false);
  });

  it('speaks Bahasa Indonesia', () => {
    const { tray, controller } = setUp({ language: 'id' });
    controller.update({ phase: 'offline', critical: 4 });
    expect(tray.tooltip).toBe('RVM Control Room: Luring · 4 mesin kritis (penuh atau gangguan)');
    expect(tray.labels()).toContain('Keluar');
    vi.advanceTimersByTime(1_000);
    controller.setLanguage('en');
    expect(tray.labels()).toContain('Quit');
  });

  it('stops drawing and removes the icon when disposed', () => {
    const { tray, calls, controller } = setUp();
    controller.update({ phase: 'live', critical: 1 });
    controller.update({ critical: 2 });
    const drawn = tray.menus.length;
    controller.dispose();
    vi.advanceTimersByTime(5_000);
    tray.click();
    expect(tray.destroyed).toBe(true);
    expect(tray.menus.length).toBe(drawn);
    expect(calls.open).toBe(0);
  });

  it('ignores counts that are not counts', () => {
    const { tray, controller } = setUp();
    controller.update({ phase: 'live', critical: Number.NaN });
    expect(tray.tooltip).toBe('RVM Control Room: Live · No critical machines');
  });
});

describe('what the tray counts and shows', () => {
  it('counts full and error machines as critical', () => {
    expect(criticalCount({ active: 10, full: 2, maintenance: 3, inactive: 1, error: 4, unknown: 5 })).toBe(6);
  });

  it('uses the 32 px icon from the resources', () => {
    expect(trayIconPath('/app/resources')).toBe('/app/resources/icons/32x32.png');
  });
});
