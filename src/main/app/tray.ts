import { join } from 'node:path';
import type { ConnectionPhase } from '../../shared/connection';
import type { RvmStatus } from '../../shared/statuses';
import { isCritical, RVM_STATUSES } from '../../shared/statuses';
import { PRODUCT_NAME } from '../core/product';

/**
 * The system tray: while the window is closed the app keeps running there (the connection, the
 * cache and the notifications go on), and the tray says how things stand: the connection and the
 * number of critical machines. Electron's Tray and Menu are injected, so this runs in tests as is.
 */

export type TrayLanguage = 'en' | 'id';

/** The part of Electron's MenuItemConstructorOptions the tray menu uses. */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
}

/** What the controller needs of Electron's Tray. */
export interface TrayLike<M> {
  setToolTip(text: string): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayStatus {
  phase: ConnectionPhase;
  /** Machines in a critical status (full or error). */
  critical: number;
}

/** The start-at-login setting, offered as a checkbox in the menu when given. */
export interface StartAtLoginSetting {
  readonly enabled: boolean;
  setEnabled(enabled: boolean): Promise<unknown>;
}

export interface TrayControllerOptions<M> {
  tray: TrayLike<M>;
  /** Electron's `Menu.buildFromTemplate`. */
  buildMenu(items: TrayMenuItem[]): M;
  onOpen(): void;
  onQuit(): void;
  startAtLogin?: StartAtLoginSetting;
  language?: TrayLanguage;
  initial?: TrayStatus;
  /** The tray is redrawn at most this often: a status storm must not rebuild the menu per event. */
  minIntervalMs?: number;
  now?: () => number;
}

interface Wording {
  phase: Record<ConnectionPhase, string>;
  critical(count: number): string;
  open: string;
  startAtLogin: string;
  quit: string;
}

const WORDING: Readonly<Record<TrayLanguage, Wording>> = {
  en: {
    phase: {
      connecting: 'Connecting…',
      live: 'Live',
      reconnecting: 'Reconnecting',
      offline: 'Offline',
      'public-only': 'Live on public channels only',
      'signed-out': 'Signed out',
    },
    critical: (count) =>
      count === 0 ? 'No critical machines' : count === 1 ? '1 critical machine (full or error)' : `${count} critical machines (full or error)`,
    open: `Open ${PRODUCT_NAME}`,
    startAtLogin: 'Start at login',
    quit: 'Quit',
  },
  id: {
    phase: {
      connecting: 'Menghubungkan…',
      live: 'Langsung',
      reconnecting: 'Menyambung ulang',
      offline: 'Luring',
      'public-only': 'Langsung hanya di kanal publik',
      'signed-out': 'Belum masuk',
    },
    critical: (count) => (count === 0 ? 'Tidak ada mesin kritis' : `${count} mesin kritis (penuh atau gangguan)`),
    open: `Buka ${PRODUCT_NAME}`,
    startAtLogin: 'Jalankan saat masuk komputer',
    quit: 'Keluar',
  },
};

export const TRAY_INTERVAL_MS = 1_000;

/** The tray's icon inside the resources folder (packaged: `process.resourcesPath`). */
export function trayIconPath(resourcesDir: string): string {
  return join(resourcesDir, 'icons', '32x32.png');
}

/** The number the tray shows, from the fleet's counts per status. */
export function criticalCount(counts: Readonly<Record<RvmStatus, number>>): number {
  return RVM_STATUSES.filter(isCritical).reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

export class TrayController<M> {
  private status: TrayStatus;
  private shown: { tooltip: string; menu: string } | null = null;
  private language: TrayLanguage;
  private lastDrawnAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly minIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TrayControllerOptions<M>) {
    this.status = options.initial ?? { phase: 'signed-out', critical: 0 };
    this.language = options.language ?? 'en';
    this.minIntervalMs = options.minIntervalMs ?? TRAY_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    // A click opens the window on Windows and Linux; macOS shows the menu instead.
    options.tray.on('click', () => {
      if (!this.disposed) options.onOpen();
    });
    this.draw();
    // The first real state, right after start, shows at once: only updates count against the interval.
    this.lastDrawnAt = Number.NEGATIVE_INFINITY;
  }

  /** The newest state; the tray shows it at once, or within `minIntervalMs` if it was just redrawn. */
  update(change: Partial<TrayStatus>): void {
    if (this.disposed) return;
    const critical = change.critical === undefined ? this.status.critical : Math.max(0, Math.floor(change.critical));
    this.status = { phase: change.phase ?? this.status.phase, critical: Number.isFinite(critical) ? critical : 0 };
    this.schedule();
  }

  setLanguage(language: TrayLanguage): void {
    if (this.disposed || language === this.language) return;
    this.language = language;
    this.schedule();
  }

  /**
   * Redraws the menu even if our state looks unchanged: Electron flips a checkbox on click by itself,
   * so after a setting failed to change, the menu must be drawn again to show the truth.
   */
  refresh(): void {
    if (this.disposed) return;
    if (this.shown) this.shown = { ...this.shown, menu: '' };
    this.schedule();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.options.tray.destroy();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = this.lastDrawnAt + this.minIntervalMs - this.now();
    if (wait <= 0) {
      this.draw();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.disposed) this.draw();
    }, wait);
  }

  private draw(): void {
    const words = WORDING[this.language];
    const { phase, critical } = this.status;
    const signedIn = phase !== 'signed-out';
    const tooltip = signedIn ? `${PRODUCT_NAME}: ${words.phase[phase]} · ${words.critical(critical)}` : `${PRODUCT_NAME}: ${words.phase[phase]}`;
    const items = this.menuItems(words, signedIn);
    // Rebuilding an unchanged menu makes some Linux trays flicker: draw only what changed.
    const menu = JSON.stringify(items);
    this.lastDrawnAt = this.now();
    if (this.shown?.tooltip === tooltip && this.shown.menu === menu) return;
    if (this.shown?.tooltip !== tooltip) this.options.tray.setToolTip(tooltip);
    if (this.shown?.menu !== menu) this.options.tray.setContextMenu(this.options.buildMenu(items));
    this.shown = { tooltip, menu };
  }

  private menuItems(words: Wording, signedIn: boolean): TrayMenuItem[] {
    const { phase, critical } = this.status;
    const startAtLogin = this.options.startAtLogin;
    return [
      { label: words.phase[phase], enabled: false },
      ...(signedIn ? [{ label: words.critical(critical), enabled: false }] : []),
      { type: 'separator' },
      { label: words.open, click: () => this.options.onOpen() },
      ...(startAtLogin
        ? [
            {
              label: words.startAtLogin,
              type: 'checkbox' as const,
              checked: startAtLogin.enabled,
              click: () => void startAtLogin.setEnabled(!startAtLogin.enabled).finally(() => this.refresh()),
            },
          ]
        : []),
      { type: 'separator' },
      { label: words.quit, click: () => this.options.onQuit() },
    ];
  }
}
