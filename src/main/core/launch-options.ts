import { parseArgs } from 'node:util';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The command-line flags the desktop app and the hub share (DESIGN.md, "Interfaces others rely on"). */
export interface LaunchOptions {
  dataDir: string | null;
  demo: boolean;
  envFile: string | null;
  kiosk: boolean;
  /** A wall layout file (JSON) for kiosk windows and wall displays. */
  layout: string | null;
}

export interface HubOptions extends LaunchOptions {
  port: number;
  listen: string;
  token: string | null;
  /** Keys for read-only wall displays in browsers: they see the fleet and may not command it. */
  displayKeys: string[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SHARED = {
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  'env-file': { type: 'string' },
  kiosk: { type: 'boolean' },
  layout: { type: 'string' },
} as const;

function shared(values: Record<string, unknown>): Parsed<LaunchOptions> {
  if (values.demo && values['env-file']) {
    return { ok: false, message: '--demo and --env-file exclude each other: choose the demo fleet or your server.' };
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir.trim() === '')) {
    return { ok: false, message: '--data-dir needs a folder path.' };
  }
  return {
    ok: true,
    value: {
      dataDir: typeof dataDir === 'string' ? resolve(dataDir) : null,
      demo: values.demo === true,
      envFile: typeof values['env-file'] === 'string' ? resolve(values['env-file']) : null,
      kiosk: values.kiosk === true,
      layout: typeof values.layout === 'string' ? resolve(values.layout) : null,
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^TypeError( \[\w+\])?: /, '') : String(error);
}

/**
 * The Electron app's flags. Chromium and Electron add switches of their own to argv, so unknown
 * flags are tolerated here (and only here).
 */
export function parseAppArgs(argv: readonly string[]): Parsed<LaunchOptions> {
  try {
    const { values } = parseArgs({ args: [...argv], options: SHARED, strict: false, allowPositionals: true });
    return shared(values);
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

export function parseHubArgs(argv: readonly string[]): Parsed<HubOptions> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        ...SHARED,
        port: { type: 'string' },
        listen: { type: 'string' },
        token: { type: 'string' },
        'display-key': { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    });
    const base = shared(values);
    if (!base.ok) return base;
    const port = values.port === undefined ? 7420 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return { ok: false, message: `--port needs a number from 0 to 65535, not "${values.port}".` };
    }
    const listen = values.listen ?? '127.0.0.1';
    if (!/^[\w.:[\]-]+$/.test(listen)) return { ok: false, message: `--listen needs an address, not "${listen}".` };
    const token = values.token ?? process.env.RVM_HUB_TOKEN ?? null;
    if (token !== null && token.length < 16) {
      return { ok: false, message: 'The hub access token must be at least 16 characters long.' };
    }
    const displayKeys = values['display-key'] ?? (process.env.RVM_DISPLAY_KEY ? [process.env.RVM_DISPLAY_KEY] : []);
    if (displayKeys.some((key) => key.length < 16 || key === token)) {
      return { ok: false, message: 'A display key must be at least 16 characters long, and differ from the access token.' };
    }
    return { ok: true, value: { ...base.value, port, listen, token, displayKeys } };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

/** Where the app keeps its data when no --data-dir is given: the same folder Electron would use. */
export function defaultDataDir(productName: string, platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}
