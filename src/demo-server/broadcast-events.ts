// The platform's broadcast events (CONTRACT.md "Broadcasts"): names, channels and payload shapes.
import { statusOf, type FleetModel, type Machine } from './fleet-model';

export interface BroadcastEvent {
  /** The `broadcastAs` name, as it travels on the wire. */
  readonly name: string;
  readonly channels: readonly string[];
  readonly payload: Readonly<Record<string, unknown>>;
}

export const STATUS_CHANNELS = ['rvm-status', 'private-admin-dashboard'] as const;
export const DASHBOARD_CHANNEL = 'private-admin-dashboard';
export const NOTIFICATION_CHANNEL = 'admin-dashboard';

export function machineChannel(machine: Machine): string {
  return `rvm.${machine.id}`;
}

export function privateMachineChannel(machine: Machine): string {
  return `private-rvm.${machine.id}`;
}

/** The formatted second last asked for: consecutive events mostly share it, and formatting dominated. */
let cachedSecond = Number.NaN;
let cachedPrefix = '';

/** Carbon's `toISOString()`: ISO-8601 UTC with microseconds, e.g. 2025-01-02T03:04:05.123000Z. */
export function laravelTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 20);
  }
  return `${cachedPrefix}${String(ms - second * 1000).padStart(3, '0')}000Z`;
}

export function statusUpdated(machine: Machine, now: number): BroadcastEvent {
  return {
    name: 'rvm.status.updated',
    channels: STATUS_CHANNELS,
    payload: {
      rvm_id: machine.id,
      rvm_name: machine.name,
      status: statusOf(machine),
      timestamp: laravelTimestamp(now),
      // The platform's event reads an attribute the model does not have, so this is null.
      location: null,
    },
  };
}

export function dashboardUpdated(fleet: FleetModel, now: number): BroadcastEvent {
  return {
    name: 'dashboard.data.updated',
    channels: [DASHBOARD_CHANNEL],
    payload: { ...fleet.summary(now), timestamp: laravelTimestamp(now) },
  };
}

export function onMachine(machine: Machine, name: string, payload: Record<string, unknown>, now: number): BroadcastEvent {
  return { name, channels: [machineChannel(machine)], payload: { ...payload, timestamp: laravelTimestamp(now) } };
}
