import type { z } from 'zod';
import type { BroadcastName, DashboardUpdated, StatusUpdated } from '../../../shared/broadcasts';
import { broadcasts } from '../../../shared/broadcasts';
import type { NewFleetEvent } from '../../../shared/fleet';
import { normaliseStatus } from '../../../shared/statuses';
import type { FleetState, MachineChange } from '../fleet/fleet-state';
import { statusCounts } from '../platform/monitoring-snapshot';

/** Where accepted events go next: the history, and whoever reacts to status changes (alerts). */
export interface IngestSinks {
  record(event: NewFleetEvent): void;
  statusChanged(change: MachineChange, at: number): void;
}

export interface IngestCounters {
  accepted: number;
  duplicates: number;
  /** Dropped payloads by reason, e.g. `rvm.status.updated: rvm_name: Too big`. */
  rejected: Record<string, number>;
}

/** How far an event's own timestamp may stray from our clock before we trust our clock instead. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** The two copies of one status broadcast arrive within milliseconds; remember keys this long. */
const DUPLICATE_WINDOW = 4096;

/**
 * The door every server frame passes: validated against the contract's schemas (a bad payload is
 * counted by reason and dropped), ids normalised to strings, the double delivery of
 * `rvm.status.updated` on both channels collapsed to one, then applied to the fleet and recorded.
 */
export class BroadcastIngest {
  readonly counters: IngestCounters = { accepted: 0, duplicates: 0, rejected: {} };
  private readonly recent = new Set<string>();
  private readonly loggedReasons = new Set<string>();

  constructor(
    private readonly fleet: FleetState,
    private readonly sinks: IngestSinks,
    private readonly now: () => number = Date.now,
  ) {}

  /** One event as laravel-echo hands it over: channel, broadcast name without the dot, data. */
  receive(channel: string, name: string, data: unknown): void {
    if (!Object.hasOwn(broadcasts, name)) return this.reject(name, 'not a broadcast this app knows');
    const schema = broadcasts[name as BroadcastName] as z.ZodType;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.reject(name, `${issue.path.join('.') || 'payload'}: ${issue.message}`);
    }
    const receivedAt = this.now();
    if (name === 'rvm.status.updated') return this.statusUpdated(parsed.data as StatusUpdated, receivedAt);
    if (name === 'dashboard.data.updated') return this.dashboardUpdated(parsed.data as DashboardUpdated, receivedAt);
    this.machineEvent(channel, name, parsed.data as { timestamp: string; rvm_id?: string | number }, receivedAt);
  }

  private statusUpdated(payload: StatusUpdated, receivedAt: number): void {
    const id = String(payload.rvm_id);
    const key = `${id}|${payload.status}|${payload.timestamp}`;
    if (this.recent.has(key)) {
      this.counters.duplicates++;
      return;
    }
    this.remember(key);
    const at = eventTime(payload.timestamp, receivedAt);
    const status = normaliseStatus(payload.status);
    this.counters.accepted++;
    this.sinks.record({ time: at, machineId: id, type: 'rvm.status.updated', status, payload: { ...payload, rvm_id: id } });
    const change = this.fleet.applyStatus({
      id,
      name: payload.rvm_name,
      location: payload.location ?? undefined,
      status,
      at,
    });
    if (change?.statusChanged) this.sinks.statusChanged(change, at);
  }

  private dashboardUpdated(payload: DashboardUpdated, receivedAt: number): void {
    const at = eventTime(payload.timestamp, receivedAt);
    this.counters.accepted++;
    this.fleet.setFigures({
      totalMachines: payload.total_rvms,
      activeSessions: payload.active_sessions,
      sessionsToday: payload.total_sessions_today,
      depositsToday: payload.total_deposits_today,
      statusCounts: statusCounts(payload.status_counts),
      asOf: at,
    });
    this.sinks.record({ time: at, machineId: null, type: 'dashboard.data.updated', status: null, payload });
  }

  /** Session and deposit events name their machine by channel (`rvm.{id}`), analysis events by field. */
  private machineEvent(channel: string, name: string, payload: { timestamp: string; rvm_id?: string | number }, receivedAt: number): void {
    const fromChannel = /^(?:private-)?rvm\.(.+)$/.exec(channel)?.[1] ?? null;
    const machineId = payload.rvm_id !== undefined ? String(payload.rvm_id) : fromChannel;
    const at = eventTime(payload.timestamp, receivedAt);
    this.counters.accepted++;
    this.sinks.record({ time: at, machineId, type: name, status: null, payload });
    if (!machineId) return;
    const machine = this.fleet.get(machineId);
    if (!machine) return;
    if (name === 'session.authorized' || name === 'session.guest-activated') {
      // No broadcast says when a session ends, so active sessions come from snapshots only.
      this.fleet.adjust(machineId, { sessionsToday: (machine.sessionsToday ?? 0) + 1 });
    } else if (name === 'deposit.completed') {
      this.fleet.adjust(machineId, { depositsToday: (machine.depositsToday ?? 0) + 1 });
    }
  }

  private remember(key: string): void {
    this.recent.add(key);
    if (this.recent.size > DUPLICATE_WINDOW) {
      // Sets iterate in insertion order: the first key is the oldest.
      const oldest = this.recent.values().next().value as string;
      this.recent.delete(oldest);
    }
  }

  private reject(name: string, reason: string): void {
    const key = `${name.slice(0, 80)}: ${reason.slice(0, 200)}`;
    this.counters.rejected[key] = (this.counters.rejected[key] ?? 0) + 1;
    // Logged once per reason: a hostile stream must not flood the log.
    if (!this.loggedReasons.has(key)) {
      this.loggedReasons.add(key);
      console.error(`dropped a server event (${key})`);
    }
  }
}

/** The event's own time when it is believable, else the time we received it. */
export function eventTime(timestamp: string, receivedAt: number): number {
  const parsed = Date.parse(timestamp);
  return Number.isFinite(parsed) && Math.abs(parsed - receivedAt) <= MAX_CLOCK_SKEW_MS ? parsed : receivedAt;
}
