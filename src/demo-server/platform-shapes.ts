// The JSON shapes the platform's admin RVM endpoints return, built from the fleet model.
import { laravelTimestamp } from './broadcast-events';
import { STATUS_TABLE, statusOf, type FleetModel, type Machine, type RvmStatus } from './fleet-model';

/** The four-field status description of the details and older monitoring replies. */
function shortStatusInfo(status: RvmStatus): Record<string, string> {
  const { label, color, description, icon } = STATUS_TABLE[status];
  return { label, color, description, icon };
}

/** The newer servers' status description (RvmStatusHelper::getStatusData). */
function fullStatusInfo(status: RvmStatus): Record<string, string | number> {
  const { label, class: className, icon, color, description, priority } = STATUS_TABLE[status];
  return { status, label, class: className, icon, color, description, priority };
}

/** Newer servers send `last_seen` preformatted in the operators' zone (WIB), not as ISO. */
function wibClock(ms: number): string {
  const wib = new Date(ms + 7 * 60 * 60 * 1000).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)}`;
}

export function listItem(machine: Machine): Record<string, unknown> {
  return {
    id: machine.id,
    name: machine.name,
    location_description: machine.location_description,
    status: statusOf(machine),
    last_status_change: laravelTimestamp(machine.last_status_change),
    created_at: laravelTimestamp(machine.created_at),
    active_sessions: machine.session ? 1 : 0,
    total_sessions_today: machine.sessions_today,
  };
}

function sessionRecord(machine: Machine, session: Machine['recent_sessions'][number]): Record<string, unknown> {
  return {
    id: session.id,
    rvm_id: machine.id,
    user_id: session.userId,
    session_type: session.userId === null ? 'guest' : 'authorized',
    status: session.status,
    total_deposits: session.deposits,
    created_at: laravelTimestamp(session.startedAt),
    updated_at: laravelTimestamp(session.updatedAt),
  };
}

/** The whole Eloquent model, secrets included: the real server sends them, the client must hide them. */
export function fullModel(machine: Machine): Record<string, unknown> {
  return {
    id: machine.id,
    name: machine.name,
    location_description: machine.location_description,
    latitude: machine.latitude,
    longitude: machine.longitude,
    serial_number: machine.serial_number,
    status: statusOf(machine),
    capacity: machine.capacity,
    special_status: machine.special_status,
    api_key: machine.api_key,
    admin_access_pin: machine.admin_access_pin,
    remote_access_enabled: machine.remote_access_enabled,
    kiosk_mode_enabled: machine.kiosk_mode_enabled,
    pos_settings: machine.pos_settings,
    last_status_change: laravelTimestamp(machine.last_status_change),
    last_capacity_update: laravelTimestamp(machine.last_capacity_update),
    created_at: laravelTimestamp(machine.created_at),
    updated_at: laravelTimestamp(machine.updated_at),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function details(machine: Machine, now: number): Record<string, unknown> {
  const recent = machine.recent_sessions
    .filter((session) => session.status === 'active' || now - session.startedAt < DAY_MS)
    .map((session) => sessionRecord(machine, session));
  return {
    rvm: { ...fullModel(machine), sessions: recent },
    recent_activity: recent,
    status_info: shortStatusInfo(statusOf(machine)),
  };
}

export function olderMonitoring(fleet: FleetModel, now: number): Record<string, unknown> {
  return {
    ...fleet.summary(now),
    rvms: fleet.all().map((machine) => ({
      id: machine.id,
      name: machine.name,
      location: machine.location_description,
      status: statusOf(machine),
      created_at: laravelTimestamp(machine.created_at),
      last_status_change: laravelTimestamp(machine.last_status_change),
      active_sessions: machine.session ? 1 : 0,
      total_sessions_today: machine.sessions_today,
      deposits_today: machine.deposits_today,
      remote_access_enabled: machine.remote_access_enabled,
      kiosk_mode_enabled: machine.kiosk_mode_enabled,
      status_info: shortStatusInfo(statusOf(machine)),
    })),
  };
}

/**
 * The newer shape, with the platform's quirks kept: `active_sessions` counts machines whose status
 * is active, and `deposits_today` sums the capacities.
 */
export function newerMonitoring(fleet: FleetModel): Record<string, unknown> {
  let active = 0;
  let capacities = 0;
  let issues = 0;
  const rvms = fleet.all().map((machine) => {
    const status = statusOf(machine);
    if (status === 'active') active++;
    if (status === 'error' || status === 'full') issues++;
    capacities += machine.capacity;
    return {
      id: machine.id,
      name: machine.name,
      location: machine.location_description,
      capacity: machine.capacity,
      status,
      special_status: machine.special_status,
      status_info: fullStatusInfo(status),
      last_seen: wibClock(machine.last_capacity_update),
    };
  });
  return {
    statistics: {
      total_rvm: rvms.length,
      active_sessions: active,
      deposits_today: Math.round(capacities * 10) / 10,
      total_issues: issues,
    },
    rvms,
  };
}
