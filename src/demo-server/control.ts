// The test and benchmark handle on a running demo server: in-process, and over HTTP with --control.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountBook } from './accounts';
import { laravelTimestamp } from './broadcast-events';
import type { Broadcaster } from './broadcaster';
import { isRvmStatus, statusOf, type FleetModel, type Machine, type RvmStatus } from './fleet-model';
import { readBody, requestInput, sendJson } from './http-io';
import type { LiveFeed } from './live-feed';
import { applyStatusUpdate } from './platform-api';
import type { PusherSocketServer } from './websocket-server';

export type ControlResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: 'not_found' | 'invalid'; readonly message: string };

/** What the server holds as true about a machine, to compare a client's view against. */
export interface MachineTruth {
  readonly id: number;
  readonly name: string;
  readonly status: RvmStatus;
  readonly capacity: number;
  /** ISO-8601 UTC, as the REST API gives it. */
  readonly last_status_change: string;
}

export interface StatusChange {
  readonly old_status: RvmStatus;
  readonly new_status: RvmStatus;
  readonly changed_at: string;
}

export interface DemoStats {
  readonly connections: number;
  /** Simulator events generated since start (whether or not anyone listened, paused or not). */
  readonly eventsGenerated: number;
  readonly simulatorRunning: boolean;
  readonly rate: number;
  readonly broadcastingPaused: boolean;
}

export interface DemoControl {
  /** As the platform's status update: the model changes and `rvm.status.updated` goes out on both channels. */
  setStatus(id: number, status: RvmStatus): ControlResult<StatusChange>;
  /** While paused the fleet keeps changing but nothing is broadcast. */
  pauseBroadcasting(): void;
  resumeBroadcasting(): void;
  /** Terminates every WebSocket abruptly, as a Reverb restart would; returns how many. */
  dropSockets(): number;
  /** Rejects WebSocket upgrades for `ms` milliseconds. */
  refuseSockets(ms: number): ControlResult<number>;
  truth(): MachineTruth[];
  /** Revokes every token of the account; returns how many. */
  revokeTokens(email: string): number;
  addMachine(name: string, location?: string): ControlResult<MachineTruth>;
  renameMachine(id: number, name: string): ControlResult<MachineTruth>;
  setRate(eventsPerSecond: number): ControlResult<number>;
  stopSimulator(): void;
  startSimulator(): void;
  stats(): DemoStats;
}

export const MAX_RATE = 100_000;
const MAX_REFUSE_MS = 60 * 60 * 1000;
const MAX_NAME_LENGTH = 255;

export interface ControlParts {
  readonly fleet: FleetModel;
  readonly broadcaster: Broadcaster;
  readonly sockets: PusherSocketServer;
  readonly accounts: AccountBook;
  readonly feed: LiveFeed;
}

function truthOf(machine: Machine): MachineTruth {
  return {
    id: machine.id,
    name: machine.name,
    status: statusOf(machine),
    capacity: machine.capacity,
    last_status_change: laravelTimestamp(machine.last_status_change),
  };
}

function invalid(message: string): { ok: false; code: 'invalid'; message: string } {
  return { ok: false, code: 'invalid', message };
}

function notFound(id: number): { ok: false; code: 'not_found'; message: string } {
  return { ok: false, code: 'not_found', message: `No machine with id ${id}` };
}

function validName(name: string): boolean {
  return typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME_LENGTH;
}

export function createControl({ fleet, broadcaster, sockets, accounts, feed }: ControlParts): DemoControl {
  return {
    setStatus(id, status) {
      const machine = fleet.get(id);
      if (!machine) return notFound(id);
      if (!isRvmStatus(status)) return invalid(`Unknown status ${String(status)}`);
      return { ok: true, value: applyStatusUpdate(fleet, broadcaster, machine, status) };
    },
    pauseBroadcasting() {
      broadcaster.paused = true;
    },
    resumeBroadcasting() {
      broadcaster.paused = false;
    },
    dropSockets: () => sockets.dropAll(),
    refuseSockets(ms) {
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_REFUSE_MS) return invalid(`ms must be from 0 to ${MAX_REFUSE_MS}`);
      sockets.refuseSockets(ms);
      return { ok: true, value: ms };
    },
    truth: () => fleet.all().map(truthOf),
    revokeTokens: (email) => accounts.revokeAllFor(email),
    addMachine(name, location) {
      if (!validName(name)) return invalid(`name must be 1 to ${MAX_NAME_LENGTH} characters`);
      return { ok: true, value: truthOf(fleet.addMachine(name, location, Date.now())) };
    },
    renameMachine(id, name) {
      const machine = fleet.get(id);
      if (!machine) return notFound(id);
      if (!validName(name)) return invalid(`name must be 1 to ${MAX_NAME_LENGTH} characters`);
      machine.name = name;
      machine.updated_at = Date.now();
      return { ok: true, value: truthOf(machine) };
    },
    setRate(eventsPerSecond) {
      if (!Number.isFinite(eventsPerSecond) || eventsPerSecond < 0 || eventsPerSecond > MAX_RATE) {
        return invalid(`rate must be from 0 to ${MAX_RATE} events per second`);
      }
      feed.setRate(eventsPerSecond);
      return { ok: true, value: eventsPerSecond };
    },
    stopSimulator: () => feed.stop(),
    startSimulator: () => feed.start(),
    stats: () => ({
      connections: sockets.connectionCount,
      eventsGenerated: feed.generated,
      simulatorRunning: feed.running,
      rate: feed.rate,
      broadcastingPaused: broadcaster.paused,
    }),
  };
}

const CONTROL_BODY_LIMIT = 64 * 1024;

function reply<T>(response: ServerResponse, result: ControlResult<T>): void {
  if (result.ok) sendJson(response, 200, { ok: true, value: result.value });
  else sendJson(response, result.code === 'not_found' ? 404 : 400, result);
}

function done(response: ServerResponse, value: unknown = null): void {
  sendJson(response, 200, { ok: true, value });
}

/**
 * The control surface over HTTP (only with --control): `GET /__control/truth`, `GET /__control/stats`,
 * and POSTs with JSON bodies, each answered `{ok:true,value}` or `{ok:false,code,message}`.
 */
export async function handleControlRequest(
  control: DemoControl,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const read = await readBody(request, CONTROL_BODY_LIMIT);
  if (read.kind === 'aborted') return;
  if (read.kind === 'too-large') {
    sendJson(response, 413, invalid('body too large'), true);
    return;
  }
  const input = requestInput(request, url.searchParams, read.body);
  const route = `${request.method ?? 'GET'} ${url.pathname.slice('/__control'.length)}`;
  const { name, location } = input;
  const renamed = /^POST \/machines\/(\d+)\/rename$/.exec(route);
  if (renamed) {
    if (typeof name !== 'string') return reply(response, invalid('name is required'));
    return reply(response, control.renameMachine(Number(renamed[1]), name));
  }
  switch (route) {
    case 'GET /truth':
      return done(response, control.truth());
    case 'GET /stats':
      return done(response, control.stats());
    case 'POST /status': {
      const id = Number(input.id);
      const status = input.status;
      if (!Number.isInteger(id) || !isRvmStatus(status)) return reply(response, invalid('id (integer) and a valid status are required'));
      return reply(response, control.setStatus(id, status));
    }
    case 'POST /broadcasting/pause':
      control.pauseBroadcasting();
      return done(response);
    case 'POST /broadcasting/resume':
      control.resumeBroadcasting();
      return done(response);
    case 'POST /sockets/drop':
      return done(response, control.dropSockets());
    case 'POST /sockets/refuse':
      return reply(response, control.refuseSockets(Number(input.ms)));
    case 'POST /tokens/revoke':
      if (typeof input.email !== 'string') return reply(response, invalid('email is required'));
      return done(response, control.revokeTokens(input.email));
    case 'POST /machines':
      if (typeof name !== 'string' || (location !== undefined && typeof location !== 'string')) {
        return reply(response, invalid('name (a string) is required; location, if given, is a string'));
      }
      return reply(response, control.addMachine(name, location));
    case 'POST /simulator/rate':
      return reply(response, control.setRate(Number(input.eps)));
    case 'POST /simulator/stop':
      control.stopSimulator();
      return done(response);
    case 'POST /simulator/start':
      control.startSimulator();
      return done(response);
    default:
      sendJson(response, 404, { ok: false, code: 'not_found', message: `No control route ${route}` });
  }
}
