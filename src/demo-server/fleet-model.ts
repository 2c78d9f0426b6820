// The fleet as the platform's database holds it: machines, their fill level, status and today's activity.
import { placeFor } from './place-names';
import { seededRandom, type SeededRandom } from './seeded-random';

export const RVM_STATUSES = ['active', 'full', 'maintenance', 'inactive', 'error', 'unknown'] as const;
export type RvmStatus = (typeof RVM_STATUSES)[number];

/** Statuses an operator sets that override the capacity-derived one. */
const SPECIAL_STATUSES = ['maintenance', 'inactive', 'error', 'unknown'] as const;
type SpecialStatus = (typeof SPECIAL_STATUSES)[number];

export function isRvmStatus(value: unknown): value is RvmStatus {
  return typeof value === 'string' && (RVM_STATUSES as readonly string[]).includes(value);
}

function isSpecialStatus(status: RvmStatus): status is SpecialStatus {
  return (SPECIAL_STATUSES as readonly string[]).includes(status);
}

export interface StatusInfo {
  readonly label: string;
  readonly color: string;
  readonly priority: number;
  readonly class: string;
  readonly icon: string;
  readonly description: string;
}

export const STATUS_TABLE: Readonly<Record<RvmStatus, StatusInfo>> = {
  active: { label: 'Active', color: '#28a745', priority: 1, class: 'success', icon: 'check-circle', description: 'RVM is running normally' },
  full: { label: 'Full', color: '#dc3545', priority: 2, class: 'danger', icon: 'exclamation-triangle', description: 'RVM storage is full' },
  maintenance: { label: 'Maintenance', color: '#ffc107', priority: 3, class: 'warning', icon: 'wrench', description: 'RVM is under maintenance' },
  inactive: { label: 'Inactive', color: '#6c757d', priority: 4, class: 'secondary', icon: 'pause-circle', description: 'RVM is turned off' },
  error: { label: 'Error', color: '#dc3545', priority: 5, class: 'danger', icon: 'x-circle', description: 'RVM has encountered an error' },
  unknown: { label: 'Unknown', color: '#696cff', priority: 6, class: 'primary', icon: 'question-circle', description: 'RVM status is unknown' },
};

export const MAX_FLEET_SIZE = 50_000;

/** Asia/Jakarta (WIB) is UTC+7 all year: the platform's "today" starts at its midnight. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function wibDay(ms: number): number {
  return Math.floor((ms + WIB_OFFSET_MS) / DAY_MS);
}

export interface SessionRecord {
  readonly id: string;
  readonly userId: number | null;
  status: 'active' | 'completed';
  deposits: number;
  readonly startedAt: number;
  updatedAt: number;
}

export interface ActiveSession {
  readonly record: SessionRecord;
  pendingDepositId: number | null;
}

export interface Machine {
  readonly id: number;
  name: string;
  location_description: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly serial_number: string;
  /** Fill level, 0–100 %. */
  capacity: number;
  special_status: SpecialStatus | null;
  readonly api_key: string;
  admin_access_pin: string | null;
  remote_access_enabled: boolean;
  kiosk_mode_enabled: boolean;
  pos_settings: unknown;
  last_status_change: number;
  last_capacity_update: number;
  readonly created_at: number;
  updated_at: number;
  session: ActiveSession | null;
  sessions_today: number;
  deposits_today: number;
  /** Newest first, at most RECENT_SESSIONS. */
  readonly recent_sessions: SessionRecord[];
}

const RECENT_SESSIONS = 10;

/**
 * The status the platform shows, derived as newer servers do: a special status wins, otherwise
 * a full bin is `full` and anything else `active`. The demo keeps the stored status equal to it.
 */
export function statusOf(machine: Machine): RvmStatus {
  if (machine.special_status) return machine.special_status;
  return machine.capacity >= 100 ? 'full' : 'active';
}

export interface FleetSummary {
  readonly total_rvms: number;
  readonly status_counts: Partial<Record<RvmStatus, number>>;
  readonly active_sessions: number;
  readonly total_sessions_today: number;
  readonly total_deposits_today: number;
}

export interface FleetOptions {
  readonly rvms: number;
  readonly seed: string | number;
  /** The fleet's "now": creation and last-change times lie before it. */
  readonly now: number;
}

const INITIAL_STATUS_WEIGHTS: readonly (readonly [RvmStatus, number])[] = [
  ['active', 0.8],
  ['full', 0.05],
  ['maintenance', 0.07],
  ['inactive', 0.04],
  ['error', 0.04],
];

export class FleetModel {
  /** Ids run 1, 2, 3…: a machine's id is its position plus one. */
  private readonly machines: Machine[] = [];
  private readonly random: SeededRandom;
  private day: number;
  private nextDepositId = 1;

  constructor(options: FleetOptions) {
    if (!Number.isInteger(options.rvms) || options.rvms < 1 || options.rvms > MAX_FLEET_SIZE) {
      throw new RangeError(`rvms must be an integer from 1 to ${MAX_FLEET_SIZE}`);
    }
    this.random = seededRandom(`${options.seed}:fleet`);
    this.day = wibDay(options.now);
    for (let i = 0; i < options.rvms; i++) this.createMachine(options.now, true);
  }

  all(): readonly Machine[] {
    return this.machines;
  }

  get(id: number): Machine | undefined {
    return Number.isInteger(id) && id >= 1 ? this.machines[id - 1] : undefined;
  }

  /** Adds a machine as the platform would register one; its name is taken as given. */
  addMachine(name: string, location: string | undefined, now: number): Machine {
    const machine = this.createMachine(now, false);
    machine.name = name;
    if (location !== undefined) machine.location_description = location;
    return machine;
  }

  /**
   * Sets the status as the platform's status update does, then keeps the derived status equal to
   * it: `full` fills the bin, `active` on a full bin means it was emptied.
   */
  setStatus(machine: Machine, status: RvmStatus, now: number): RvmStatus {
    const old = statusOf(machine);
    if (isSpecialStatus(status)) {
      machine.special_status = status;
    } else {
      machine.special_status = null;
      if (status === 'full') this.setCapacity(machine, 100, now);
      else if (machine.capacity >= 100) this.setCapacity(machine, 0, now);
    }
    machine.last_status_change = now;
    machine.updated_at = now;
    return old;
  }

  setCapacity(machine: Machine, capacity: number, now: number): void {
    machine.capacity = Math.min(100, Math.max(0, Math.round(capacity * 10) / 10));
    machine.last_capacity_update = now;
    machine.updated_at = now;
  }

  startSession(machine: Machine, record: SessionRecord): void {
    machine.session = { record, pendingDepositId: null };
    machine.sessions_today++;
    machine.recent_sessions.unshift(record);
    if (machine.recent_sessions.length > RECENT_SESSIONS) machine.recent_sessions.pop();
  }

  endSession(machine: Machine, now: number): void {
    if (!machine.session) return;
    machine.session.record.status = 'completed';
    machine.session.record.updatedAt = now;
    machine.session = null;
  }

  newDepositId(): number {
    return this.nextDepositId++;
  }

  /** Resets today's counters when the WIB day has changed since the last call. */
  startDayIfNeeded(now: number): void {
    const day = wibDay(now);
    if (day === this.day) return;
    this.day = day;
    for (const machine of this.machines) {
      machine.sessions_today = 0;
      machine.deposits_today = 0;
    }
  }

  /** Figures for the dashboard as of `now`, counted from the machines themselves so they always agree. */
  summary(now: number): FleetSummary {
    this.startDayIfNeeded(now);
    const counts: Partial<Record<RvmStatus, number>> = {};
    let activeSessions = 0;
    let sessionsToday = 0;
    let depositsToday = 0;
    for (const machine of this.machines) {
      const status = statusOf(machine);
      counts[status] = (counts[status] ?? 0) + 1;
      if (machine.session) activeSessions++;
      sessionsToday += machine.sessions_today;
      depositsToday += machine.deposits_today;
    }
    return {
      total_rvms: this.machines.length,
      status_counts: counts,
      active_sessions: activeSessions,
      total_sessions_today: sessionsToday,
      total_deposits_today: depositsToday,
    };
  }

  /** A machine with a plausible past (`history`), or one registered just now, empty and active. */
  private createMachine(now: number, history: boolean): Machine {
    const random = this.random;
    const id = this.machines.length + 1;
    const place = placeFor(id - 1, random);
    const status = history ? random.weighted(INITIAL_STATUS_WEIGHTS) : 'active';
    const lastChange = history ? now - random.int(60, (3 * DAY_MS) / 1000) * 1000 : now;
    const sessionsToday = history && status === 'active' ? random.int(0, 40) : 0;
    const machine: Machine = {
      id,
      name: place.name,
      location_description: place.location,
      latitude: place.latitude,
      longitude: place.longitude,
      serial_number: `RVM-${String(id).padStart(5, '0')}-${random.hex(4).toUpperCase()}`,
      capacity: status === 'full' ? 100 : history ? Math.round(random.next() * 900) / 10 : 0,
      special_status: isSpecialStatus(status) ? status : null,
      api_key: `rvm_${random.hex(40)}`,
      admin_access_pin: String(random.int(0, 999_999)).padStart(6, '0'),
      remote_access_enabled: random.chance(0.7),
      kiosk_mode_enabled: random.chance(0.5),
      pos_settings: null,
      last_status_change: lastChange,
      last_capacity_update: lastChange,
      created_at: history ? now - random.int(30, 400) * DAY_MS : now,
      updated_at: lastChange,
      session: null,
      sessions_today: sessionsToday,
      deposits_today: sessionsToday * random.int(1, 4),
      recent_sessions: [],
    };
    this.machines.push(machine);
    return machine;
  }
}
