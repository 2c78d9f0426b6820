import { promises as fsp } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { reasonOf, writeFileAtomic } from '../core/profiles/atomic-file';
import { APP_ID, PRODUCT_NAME } from '../core/product';
import type { StartAtLoginSetting } from './tray';

/**
 * Starting the app when the operator logs in to the computer, so the control room is watching
 * before anyone opens it. The choice is kept in `<dataDir>/settings.json` (key `startAtLogin`,
 * other keys left as they are) and registered with the system: Electron's login items on Windows
 * and macOS, an XDG autostart entry on Linux (where Electron has no login items).
 */

export const SETTINGS_FILE = 'settings.json';
/** Passed when the system starts the app at login: it then starts in the tray, without a window. */
export const STARTED_AT_LOGIN_FLAG = '--started-at-login';

/** Whether this start came from the login item (macOS tells through `wasOpenedAtLogin`, not argv). */
export function startedAtLogin(argv: readonly string[], loginItemSettings?: { wasOpenedAtLogin?: boolean }): boolean {
  return argv.includes(STARTED_AT_LOGIN_FLAG) || loginItemSettings?.wasOpenedAtLogin === true;
}

/** What is needed of Electron's `app`. */
export interface LoginItemApi {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

export interface StartAtLoginOptions {
  dataDir: string;
  app: LoginItemApi;
  platform?: NodeJS.Platform;
  /** Linux: the XDG autostart folder ($XDG_CONFIG_HOME/autostart). */
  autostartDir?: string;
  /** Linux: the program to start (the AppImage when run from one). */
  executable?: string;
  now?: () => number;
}

export type SettingResult = { ok: true } | { ok: false; message: string };

type Settings = Record<string, unknown>;

function isRecord(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One argument of a desktop entry's Exec line, quoted as the Desktop Entry Specification asks. */
export function quoteExecArgument(argument: string): string {
  const escaped = argument.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escaped)) return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(executable: string): string {
  // The file's own string escaping applies on top of the Exec quoting: a backslash is written twice.
  const exec = [executable, STARTED_AT_LOGIN_FLAG].map(quoteExecArgument).join(' ').replace(/\\/g, '\\\\');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${PRODUCT_NAME}`,
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function defaultAutostartDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
}

export class StartAtLogin implements StartAtLoginSetting {
  readonly settingsPath: string;
  private value = false;
  /** Changes run one at a time: two clicks must not interleave their writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly platform: NodeJS.Platform;

  private constructor(private readonly options: StartAtLoginOptions) {
    this.settingsPath = join(options.dataDir, SETTINGS_FILE);
    this.platform = options.platform ?? process.platform;
  }

  /** Reads the saved choice; `note` says what was wrong with the settings file, if anything. */
  static async open(options: StartAtLoginOptions): Promise<{ setting: StartAtLogin; note: string | null }> {
    const setting = new StartAtLogin(options);
    const { settings, note } = await setting.read();
    setting.value = settings.startAtLogin === true;
    return { setting, note };
  }

  get enabled(): boolean {
    return this.value;
  }

  get supported(): boolean {
    return this.platform === 'win32' || this.platform === 'darwin' || this.platform === 'linux';
  }

  /** Registers with the system, then saves; if saving fails the registration is undone. */
  setEnabled(enabled: boolean): Promise<SettingResult> {
    return this.serially(async () => {
      if (!this.supported) return { ok: false, message: `Starting at login is not available on ${this.platform}.` };
      const registered = await this.register(enabled);
      if (!registered.ok) return registered;
      try {
        const { settings } = await this.read();
        await writeFileAtomic(this.settingsPath, `${JSON.stringify({ ...settings, startAtLogin: enabled }, null, 2)}\n`);
      } catch (error) {
        await this.register(this.value);
        return { ok: false, message: `The setting could not be saved to ${this.settingsPath}: ${reasonOf(error)}` };
      }
      this.value = enabled;
      return { ok: true };
    });
  }

  /**
   * Registers the saved choice again at start: after an update or a move the program's path may
   * differ from the one registered.
   */
  apply(): Promise<SettingResult> {
    return this.serially(async () => (this.supported && this.value ? this.register(true) : { ok: true }));
  }

  private async register(enabled: boolean): Promise<SettingResult> {
    try {
      if (this.platform === 'linux') await this.writeAutostartEntry(enabled);
      else if (this.platform === 'win32') this.options.app.setLoginItemSettings({ openAtLogin: enabled, args: [STARTED_AT_LOGIN_FLAG] });
      else this.options.app.setLoginItemSettings({ openAtLogin: enabled });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `The system refused to ${enabled ? 'add' : 'remove'} the login item: ${reasonOf(error)}` };
    }
  }

  private async writeAutostartEntry(enabled: boolean): Promise<void> {
    const dir = this.options.autostartDir ?? defaultAutostartDir();
    const path = join(dir, `${APP_ID}.desktop`);
    if (!enabled) {
      await fsp.rm(path, { force: true });
      return;
    }
    const executable = this.options.executable ?? process.env.APPIMAGE ?? process.execPath;
    await writeFileAtomic(path, autostartEntry(executable));
  }

  /** The settings file as an object; a broken one is set aside (never silently overwritten) and noted. */
  private async read(): Promise<{ settings: Settings; note: string | null }> {
    let text: string;
    try {
      text = await fsp.readFile(this.settingsPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: {}, note: null };
      return { settings: {}, note: `${this.settingsPath} could not be read (${reasonOf(error)}): start at login is off.` };
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) return { settings: parsed, note: null };
    } catch {
      // Set aside below, like any other content that is not a settings object.
    }
    const aside = `${this.settingsPath}.unreadable-${new Date((this.options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await fsp.rename(this.settingsPath, aside);
    } catch (error) {
      return { settings: {}, note: `${this.settingsPath} is not a settings object and could not be set aside (${reasonOf(error)}).` };
    }
    return { settings: {}, note: `${this.settingsPath} was not a settings object: it was kept as ${aside}, and the settings start afresh.` };
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
