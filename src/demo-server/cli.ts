// The demo server's command line: flags in, one JSON line out when listening, clean stop on a signal.
import { pathToFileURL } from 'node:url';
import { MAX_RATE } from './control';
import { MAX_FLEET_SIZE } from './fleet-model';
import { DEFAULT_APP, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE, DEFAULT_RVMS, startDemoServer, type DemoServerOptions } from './index';
import { DEFAULT_SEED } from './simulator';

const USAGE = `Usage: demo-server [options]

  --port N                 port for HTTP and WebSocket (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR              address to bind (default ${DEFAULT_HOST})
  --rvms N                 simulated machines, 1 to ${MAX_FLEET_SIZE} (default ${DEFAULT_RVMS})
  --rate EPS               simulated events per second, 0 to ${MAX_RATE} (default ${DEFAULT_RATE})
  --seed S                 seed of the simulated fleet (default "${DEFAULT_SEED}")
  --stock-broadcast-auth   /broadcasting/auth refuses bearer tokens and /api/broadcasting/auth is absent
  --monitoring-shape SHAPE older or newer reply of /api/v2/admin/rvm/monitoring (default older)
  --control                serve the test control surface under /__control
  --app-id ID, --key KEY, --secret SECRET
                           Reverb app credentials (default ${DEFAULT_APP.appId} / ${DEFAULT_APP.key} / ${DEFAULT_APP.secret})
  --help                   show this text

When listening it prints one JSON line on stdout; logs go to stderr. SIGINT or SIGTERM stops it.
`;

export type CliOptions = Pick<
  DemoServerOptions,
  'port' | 'host' | 'rvms' | 'rate' | 'seed' | 'stockBroadcastAuth' | 'monitoringShape' | 'control' | 'appId' | 'key' | 'secret'
>;

export type ParsedArgs =
  | { readonly ok: true; readonly help: boolean; readonly options: CliOptions }
  | { readonly ok: false; readonly message: string };

const SWITCHES = {
  '--stock-broadcast-auth': 'stockBroadcastAuth',
  '--control': 'control',
} as const;

type ValueFlag = '--port' | '--host' | '--rvms' | '--rate' | '--seed' | '--monitoring-shape' | '--app-id' | '--key' | '--secret';

/** Each flag that takes a value: how to read it, or why it is wrong. */
const VALUE_FLAGS: Readonly<Record<ValueFlag, (text: string) => Partial<CliOptions> | string>> = {
  '--port': (text) => integerIn(text, 0, 65_535, (port) => ({ port })),
  '--rvms': (text) => integerIn(text, 1, MAX_FLEET_SIZE, (rvms) => ({ rvms })),
  '--rate': (text) => {
    const rate = Number(text);
    return text.trim() !== '' && Number.isFinite(rate) && rate >= 0 && rate <= MAX_RATE
      ? { rate }
      : `must be a number from 0 to ${MAX_RATE}`;
  },
  '--host': (text) => nonEmpty(text, (host) => ({ host })),
  '--seed': (text) => nonEmpty(text, (seed) => ({ seed })),
  '--monitoring-shape': (text) => (text === 'older' || text === 'newer' ? { monitoringShape: text } : 'must be older or newer'),
  '--app-id': (text) => nonEmpty(text, (appId) => ({ appId })),
  '--key': (text) => (/^[^/\s?#]+$/.test(text) ? { key: text } : 'must be non-empty, without "/", "?", "#" or spaces'),
  '--secret': (text) => nonEmpty(text, (secret) => ({ secret })),
};

function integerIn(text: string, min: number, max: number, wrap: (value: number) => Partial<CliOptions>): Partial<CliOptions> | string {
  const value = Number(text);
  return /^\d+$/.test(text) && value >= min && value <= max ? wrap(value) : `must be an integer from ${min} to ${max}`;
}

function nonEmpty(text: string, wrap: (value: string) => Partial<CliOptions>): Partial<CliOptions> | string {
  return text.trim() === '' ? 'must not be empty' : wrap(text);
}

function isValueFlag(flag: string): flag is ValueFlag {
  return Object.hasOwn(VALUE_FLAGS, flag);
}

function isSwitch(flag: string): flag is keyof typeof SWITCHES {
  return Object.hasOwn(SWITCHES, flag);
}

/** Reads `--flag value` and `--flag=value` forms; the first problem found is the answer. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let options: CliOptions = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals !== -1 ? arg.slice(0, equals) : arg;
    const inline = arg.startsWith('--') && equals !== -1 ? arg.slice(equals + 1) : undefined;
    if (flag === '--help' || flag === '-h') {
      help = true;
    } else if (isSwitch(flag)) {
      if (inline !== undefined) return { ok: false, message: `${flag} takes no value` };
      options = { ...options, [SWITCHES[flag]]: true };
    } else if (isValueFlag(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, message: `${flag} needs a value` };
      const parsed = VALUE_FLAGS[flag](value);
      if (typeof parsed === 'string') return { ok: false, message: `${flag} ${parsed} (got "${value}")` };
      options = { ...options, ...parsed };
    } else {
      return { ok: false, message: `unknown option "${arg}" (see --help)` };
    }
  }
  return { ok: true, help, options };
}

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Where SIGINT and SIGTERM arrive: `process` when run for real, any emitter in tests. */
  readonly signals: { once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown; off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, signals: process };

/** Runs the server until SIGINT or SIGTERM; resolves with the exit code (0 stopped, 1 could not start, 2 bad flags). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`demo-server: ${parsed.message}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const log = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  // Listening before the server starts: a signal right after the JSON line must still stop it cleanly.
  let onSignal = (): void => undefined;
  const signalled = new Promise<void>((resolve) => {
    onSignal = () => {
      io.signals.off('SIGINT', onSignal);
      io.signals.off('SIGTERM', onSignal);
      resolve();
    };
  });
  io.signals.once('SIGINT', onSignal);
  io.signals.once('SIGTERM', onSignal);
  let server;
  try {
    server = await startDemoServer({ ...parsed.options, log });
  } catch (error) {
    onSignal();
    const port = parsed.options.port ?? DEFAULT_PORT;
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const reason = inUse ? `port ${port} is already in use (try --port 0)` : error instanceof Error ? error.message : String(error);
    io.stderr.write(`demo-server: cannot start: ${reason}\n`);
    return 1;
  }
  const { url, wsHost, wsPort, appId, key, secret } = server;
  io.stdout.write(`${JSON.stringify({ event: 'listening', url, wsHost, wsPort, appId, key, secret })}\n`);
  await signalled;
  await server.stop();
  return 0;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`demo-server: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
