import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Input } from 'electron';
import { BrowserWindow } from 'electron';
import type { WallDisplay, WallLayout } from '../../shared/wall-layout';
import type { Rectangle } from './window-state';
import { secureWebPreferences } from './window';
import { guardWebContents } from './security';
import { RENDERER_ORIGIN } from './trusted-sender';

export interface ScreenLike {
  id: number;
  bounds: Rectangle;
}

export interface KioskDeps {
  layout: WallLayout;
  screens: { getAllDisplays(): ScreenLike[]; getPrimaryDisplay(): ScreenLike };
  powerSaveBlocker: { start(type: 'prevent-display-sleep'): number; stop(id: number): void };
  shell: { openExternal(url: string): Promise<void> };
  preloadPath: string;
  /** The electron-vite dev server, while developing. */
  devServerUrl?: string;
  /** The exit keys were pressed: leave kiosk mode. */
  onExit(): void;
  /** A display of the layout has no screen to go to. */
  warn(message: string): void;
}

/** Full screen, no frame, no menu, nothing to close it with: a wall display. */
export function kioskWindowOptions(bounds: Rectangle, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    show: false,
    frame: false,
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    skipTaskbar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The screen a layout's display names: by its place in the system's list, or the primary one. */
export function screenFor(display: WallDisplay, screens: KioskDeps['screens']): ScreenLike | null {
  if (display.screen === 'primary') return screens.getPrimaryDisplay();
  return screens.getAllDisplays()[display.screen] ?? null;
}

/** Whether a key press is the layout's exit combination (an Electron accelerator such as Control+Shift+Q). */
export function matchesAccelerator(input: Pick<Input, 'type' | 'key' | 'control' | 'shift' | 'alt' | 'meta'>, accelerator: string): boolean {
  if (input.type !== 'keyDown') return false;
  const parts = accelerator.split('+');
  const key = parts.pop()!.toUpperCase();
  const wants = new Set(parts.map((part) => part.toLowerCase()));
  const control = wants.has('control') || wants.has('ctrl') || (wants.has('commandorcontrol') && process.platform !== 'darwin');
  const meta = wants.has('super') || wants.has('meta') || (wants.has('commandorcontrol') && process.platform === 'darwin');
  return (
    input.key.toUpperCase() === key &&
    input.control === control &&
    input.meta === meta &&
    input.shift === wants.has('shift') &&
    input.alt === wants.has('alt')
  );
}

/**
 * Kiosk mode: one window per display of the layout, each showing its own playlist; the display is
 * kept awake; the windows cannot be closed except with the layout's exit keys.
 */
export class KioskWalls {
  private readonly windows: BrowserWindowType[] = [];
  private blocker: number | null = null;
  private leaving = false;

  constructor(private readonly deps: KioskDeps) {}

  open(): BrowserWindowType[] {
    const { layout } = this.deps;
    layout.displays.forEach((display, index) => {
      const screen = screenFor(display, this.deps.screens);
      if (!screen) {
        this.deps.warn(`The wall layout's display "${display.name}" wants screen ${display.screen}, which is not connected.`);
        return;
      }
      const window = new BrowserWindow(kioskWindowOptions(screen.bounds, this.deps.preloadPath));
      guardWebContents(window.webContents, this.deps.shell);
      window.webContents.on('before-input-event', (event, input) => {
        if (!matchesAccelerator(input, layout.exitKeys)) return;
        event.preventDefault();
        this.deps.onExit();
      });
      window.on('close', (event) => {
        if (!this.leaving) event.preventDefault();
      });
      window.once('ready-to-show', () => window.show());
      void window.loadURL(`${this.deps.devServerUrl ?? `${RENDERER_ORIGIN}/index.html`}#wall=${index}`);
      this.windows.push(window);
    });
    if (this.windows.length > 0) this.blocker = this.deps.powerSaveBlocker.start('prevent-display-sleep');
    return [...this.windows];
  }

  /** Leaves kiosk mode: the display may sleep again and the windows close. */
  close(): void {
    this.leaving = true;
    if (this.blocker !== null) this.deps.powerSaveBlocker.stop(this.blocker);
    this.blocker = null;
    for (const window of this.windows.splice(0)) if (!window.isDestroyed()) window.close();
  }
}
