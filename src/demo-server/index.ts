// startDemoServer: one HTTP server on one port for the WebSocket upgrade (/app/{key}), Reverb's HTTP
// API (/apps/…, /up), the MyRVM REST API (/api/v2/…), broadcasting auth and, on request, /__control.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AccountBook } from './accounts';
import { dashboardUpdated } from './broadcast-events';
import { Broadcaster } from './broadcaster';
import { createControl, handleControlRequest, MAX_RATE, type DemoControl } from './control';
import { FleetModel, MAX_FLEET_SIZE } from './fleet-model';
import { sendJson, sendText } from './http-io';
import { LiveFeed } from './live-feed';
import { PlatformApi, type MonitoringShape } from './platform-api';
import { ACTIVITY_TIMEOUT_S, MAX_MESSAGE_SIZE, MAX_REQUEST_SIZE, PING_INTERVAL_MS } from './protocol';
import { ReverbHttpApi } from './reverb-http';
import { DEFAULT_SEED, FleetSimulator } from './simulator';
import { PusherSocketServer } from './websocket-server';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, ROLES, type DemoAccount, type RoleSlug } from './accounts';
export type { ControlResult, DemoControl, DemoStats, MachineTruth, StatusChange } from './control';
export { RVM_STATUSES, type RvmStatus } from './fleet-model';
export { PRESENCE_CHANNEL, type MonitoringShape } from './platform-api';
export { simulate, type SimulatedEvent, type SimulateOptions } from './simulator';

/** Reverb's port on the platform (the Laravel app itself uses 8000). */
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_RVMS = 24;
export const DEFAULT_RATE = 2;
export const DEFAULT_APP = { appId: 'rvm-demo', key: 'rvm-demo-key', secret: 'rvm-demo-secret' } as const;

export interface DemoServerOptions {
  /** 0 picks a free port. Default 8080. */
  readonly port?: number;
  readonly host?: string;
  readonly rvms?: number;
  /** Simulated machine events per second. */
  readonly rate?: number;
  readonly seed?: string | number;
  readonly stockBroadcastAuth?: boolean;
  readonly monitoringShape?: MonitoringShape;
  /** Serve the control surface over HTTP under /__control (the in-process `control` always exists). */
  readonly control?: boolean;
  readonly appId?: string;
  readonly key?: string;
  readonly secret?: string;
  readonly dashboardIntervalMs?: number;
  /** How often the simulator emits a batch of due events. */
  readonly tickMs?: number;
  readonly activityTimeoutS?: number;
  /** Silence after which a socket is pinged, and after one more check without reply, dropped. */
  readonly pingIntervalMs?: number;
  /** How often idle sockets are checked. */
  readonly pruneCheckMs?: number;
  readonly maxMessageSize?: number;
  readonly maxRequestSize?: number;
  /** Where log lines go; silent by default. */
  readonly log?: (line: string) => void;
}

export interface DemoServer {
  readonly url: string;
  readonly wsHost: string;
  readonly wsPort: number;
  readonly appId: string;
  readonly key: string;
  readonly secret: string;
  readonly control: DemoControl;
  stop(): Promise<void>;
}

/** The REST API takes bigger bodies than Reverb's HTTP API (PHP's post_max_size, not Reverb's 10 kB). */
const REST_BODY_LIMIT = 1024 * 1024;

function checkRange(name: string, value: number, min: number, max: number, integer: boolean): void {
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${value}`);
  }
}

/** The address a client should dial: a wildcard bind is reached through loopback. */
function connectHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  const rvms = options.rvms ?? DEFAULT_RVMS;
  const rate = options.rate ?? DEFAULT_RATE;
  const seed = options.seed ?? DEFAULT_SEED;
  const appId = options.appId ?? DEFAULT_APP.appId;
  const key = options.key ?? DEFAULT_APP.key;
  const secret = options.secret ?? DEFAULT_APP.secret;
  const log = options.log ?? ((): void => undefined);
  checkRange('port', port, 0, 65_535, true);
  checkRange('rvms', rvms, 1, MAX_FLEET_SIZE, true);
  checkRange('rate', rate, 0, MAX_RATE, false);

  const accounts = await AccountBook.create();
  const fleet = new FleetModel({ rvms, seed, now: Date.now() });
  const sockets = new PusherSocketServer({
    appKey: key,
    appSecret: secret,
    activityTimeoutS: options.activityTimeoutS ?? ACTIVITY_TIMEOUT_S,
    pingIntervalMs: options.pingIntervalMs ?? PING_INTERVAL_MS,
    pruneCheckMs: options.pruneCheckMs ?? PING_INTERVAL_MS,
    maxMessageSize: options.maxMessageSize ?? MAX_MESSAGE_SIZE,
    log,
  });
  const broadcaster = new Broadcaster(sockets);
  const simulator = new FleetSimulator(fleet, seed);
  const feed = new LiveFeed(
    (now) => broadcaster.broadcast(simulator.next(now), undefined, { published_at_ms: now }),
    rate,
    options.tickMs ?? 20,
  );
  const control = createControl({ fleet, broadcaster, sockets, accounts, feed });
  const reverbHttp = new ReverbHttpApi({ appId, appSecret: secret, maxRequestSize: options.maxRequestSize ?? MAX_REQUEST_SIZE, sockets });
  const platform = new PlatformApi({
    fleet,
    accounts,
    broadcaster,
    appKey: key,
    appSecret: secret,
    monitoringShape: options.monitoringShape ?? 'older',
    stockBroadcastAuth: options.stockBroadcastAuth ?? false,
    maxBodySize: REST_BODY_LIMIT,
  });

  const route = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (options.control && url.pathname.startsWith('/__control/')) await handleControlRequest(control, request, response, url);
    else if (reverbHttp.handles(url.pathname)) await reverbHttp.handle(request, response, url);
    else if (platform.handles(url.pathname)) await platform.handle(request, response, url);
    else sendText(response, 404, 'Not found.');
  };
  const server = createServer((request, response) => {
    // Prefixing the origin keeps a path like "//host/x" a path instead of a host.
    const target = `http://localhost${request.url ?? '/'}`;
    if (!URL.canParse(target)) {
      sendText(response, 400, 'Bad request.');
      return;
    }
    route(request, response, new URL(target)).catch((error: unknown) => {
      log(`request ${request.method} ${request.url} failed: ${String(error)}`);
      sendJson(response, 500, { message: 'Server Error' });
    });
  });
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await sockets.close();
    throw error;
  }
  server.on('error', (error) => log(`server error: ${error.message}`));

  const address = server.address();
  const wsPort = typeof address === 'object' && address ? address.port : port;
  const wsHost = connectHost(host);
  const dashboardTimer = setInterval(() => {
    const now = Date.now();
    broadcaster.broadcast(dashboardUpdated(fleet, now), undefined, { published_at_ms: now });
  }, options.dashboardIntervalMs ?? 5000);
  feed.start();
  log(`demo server listening on ${wsHost}:${wsPort} with ${rvms} machines at ${rate} events/s`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      feed.stop();
      clearInterval(dashboardTimer);
      await sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      log('demo server stopped');
    })();
    return stopping;
  };

  return {
    url: `http://${wsHost.includes(':') ? `[${wsHost}]` : wsHost}:${wsPort}`,
    wsHost,
    wsPort,
    appId,
    key,
    secret,
    control,
    stop,
  };
}

