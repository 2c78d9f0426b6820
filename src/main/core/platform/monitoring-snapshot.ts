import type { FleetFigures, Machine } from '../../../shared/fleet';
import { normaliseStatus } from '../../../shared/statuses';

/**
 * Turns the reply of `GET /api/v2/admin/rvm/monitoring` into machines and fleet figures. The
 * platform answers in two shapes (CONTRACT.md); both are accepted. Rows that cannot be trusted are
 * dropped and counted by reason; everything else is kept as plain text, never interpreted.
 */

export type MonitoringShape = 'older' | 'newer';

export interface RejectedRows {
  count: number;
  /** Dropped rows per reason, e.g. `{ "name-not-text": 2, "duplicate-id": 1 }`. */
  reasons: Record<string, number>;
}

export interface MonitoringSnapshot {
  shape: MonitoringShape;
  /** Epoch ms the reply was received; every machine's `factAt`. */
  takenAt: number;
  machines: Machine[];
  figures: FleetFigures;
  rejected: RejectedRows;
}

export type MonitoringResult = { ok: true; snapshot: MonitoringSnapshot } | { ok: false; message: string };

export const MAX_NAME_LENGTH = 200;
export const MAX_LOCATION_LENGTH = 500;
const MAX_ID_LENGTH = 64;
const MAX_NUMERIC_TEXT = 32;
const MAX_DATE_TEXT = 64;

type Row = Record<string, unknown>;
type RowReading = { ok: true; machine: Machine } | { ok: false; reason: string };

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Cuts text to `max` UTF-16 units without leaving half of a surrogate pair at the end. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * A count or amount: a finite number ≥ 0, or the plain decimal text PHP sends for SUM() over
 * DECIMAL columns ("12.50"). Anything else is unknown (null), never a guess.
 */
function count(value: unknown): number | null {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && value.length <= MAX_NUMERIC_TEXT && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    number = Number(value);
  } else return null;
  return Number.isFinite(number) && number >= 0 ? number : null;
}

function fillLevel(value: unknown): number | null {
  const number =
    typeof value === 'string' && value.length <= MAX_NUMERIC_TEXT && /^\s*-?\d+(\.\d+)?\s*$/.test(value)
      ? Number(value)
      : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return null;
  return Math.min(100, Math.max(0, number));
}

/**
 * Laravel serialises dates as ISO-8601 UTC (`2025-01-02T03:04:05.000000Z`). A time without a zone
 * could be read hours off on the operator's computer, so only times with a zone designator count.
 */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isoTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_DATE_TEXT || !ISO_WITH_ZONE.test(value.trim())) return null;
  const time = Date.parse(value.trim());
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function machineId(value: unknown): { ok: true; id: string } | { ok: false; reason: string } {
  if (value === undefined || value === null) return { ok: false, reason: 'id-missing' };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { ok: true, id: String(value) } : { ok: false, reason: 'id-invalid' };
  }
  if (typeof value === 'string') {
    const id = value.trim();
    if (id === '') return { ok: false, reason: 'id-missing' };
    return id.length <= MAX_ID_LENGTH ? { ok: true, id } : { ok: false, reason: 'id-invalid' };
  }
  return { ok: false, reason: 'id-invalid' };
}

function location(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = clip(value.trim(), MAX_LOCATION_LENGTH);
  return text === '' ? null : text;
}

function readRow(row: unknown, shape: MonitoringShape, takenAt: number): RowReading {
  if (!isRecord(row)) return { ok: false, reason: 'row-not-object' };
  const id = machineId(row.id);
  if (!id.ok) return id;
  if (typeof row.name !== 'string') return { ok: false, reason: 'name-not-text' };
  const older = shape === 'older';
  return {
    ok: true,
    machine: {
      id: id.id,
      name: clip(row.name.trim(), MAX_NAME_LENGTH),
      location: location(row.location),
      status: normaliseStatus(row.status),
      capacity: older ? null : fillLevel(row.capacity),
      // The newer shape's `last_seen` is a clock time preformatted in the server's zone, not ISO,
      // and it tracks fill-level updates rather than status changes: it is not a `lastChange`.
      lastChange: older ? isoTime(row.last_status_change) : null,
      activeSessions: older ? count(row.active_sessions) : null,
      sessionsToday: older ? count(row.total_sessions_today) : null,
      depositsToday: older ? count(row.deposits_today) : null,
      factAt: takenAt,
      removed: false,
    },
  };
}

/**
 * A Laravel collection serialises as an object instead of an array once its keys have gaps (after
 * `filter()` without `values()`), so both are read as the list of rows.
 */
function rowList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return null;
}

function figures(data: Row, shape: MonitoringShape, takenAt: number): FleetFigures {
  if (shape === 'older') {
    return {
      totalMachines: count(data.total_rvms),
      activeSessions: count(data.active_sessions),
      sessionsToday: count(data.total_sessions_today),
      depositsToday: count(data.total_deposits_today),
      statusCounts: statusCounts(data.status_counts),
      asOf: takenAt,
    };
  }
  const statistics = data.statistics as Row;
  return {
    totalMachines: count(statistics.total_rvm),
    // The newer controller fills `active_sessions` with the number of machines whose status is
    // active and `deposits_today` with the sum of all fill levels: neither is what its name says,
    // so neither is reported. The newer shape has no sessions-today figure at all.
    activeSessions: null,
    sessionsToday: null,
    depositsToday: null,
    statusCounts: null,
    asOf: takenAt,
  };
}

/** Counts per status, under the app's own status names (an unknown status counts as `unknown`). */
export function statusCounts(value: unknown): Record<string, number> | null {
  if (!isRecord(value)) return null;
  const counts: Record<string, number> = {};
  for (const [status, n] of Object.entries(value)) {
    const number = count(n);
    if (number === null) return null;
    const key = normaliseStatus(status);
    counts[key] = (counts[key] ?? 0) + number;
  }
  return counts;
}

function detectShape(data: Row): MonitoringShape | null {
  if (rowList(data.rvms) === null) return null;
  if (isRecord(data.statistics)) return 'newer';
  if ('total_rvms' in data || isRecord(data.status_counts)) return 'older';
  return null;
}

function serverRefusal(body: Row): string | null {
  if (body.success !== false) return null;
  const said = typeof body.message === 'string' && body.message.trim() !== '' ? clip(body.message.trim(), 200) : null;
  return said
    ? `The server refused the monitoring request: "${said}".`
    : 'The server refused the monitoring request without saying why.';
}

export function normaliseMonitoring(body: unknown, takenAt: number): MonitoringResult {
  if (typeof takenAt !== 'number' || !Number.isFinite(takenAt)) {
    return { ok: false, message: 'The snapshot time must be a finite number of milliseconds.' };
  }
  if (!isRecord(body)) {
    return {
      ok: false,
      message: 'The monitoring reply is not a JSON object: check that the API address ends in the platform’s /api/v2.',
    };
  }
  const refusal = serverRefusal(body);
  if (refusal) return { ok: false, message: refusal };
  const data = body.data;
  const shape = isRecord(data) ? detectShape(data) : null;
  if (!isRecord(data) || shape === null) {
    return {
      ok: false,
      message:
        'The monitoring reply has neither known shape (data.rvms with data.statistics, or with data.total_rvms): ' +
        'the server may run a platform version this app does not know.',
    };
  }

  const machines: Machine[] = [];
  const seen = new Set<string>();
  const rejected: RejectedRows = { count: 0, reasons: {} };
  const reject = (reason: string): void => {
    rejected.count++;
    rejected.reasons[reason] = (rejected.reasons[reason] ?? 0) + 1;
  };
  for (const row of rowList(data.rvms) ?? []) {
    const reading = readRow(row, shape, takenAt);
    if (!reading.ok) reject(reading.reason);
    else if (seen.has(reading.machine.id)) reject('duplicate-id');
    else {
      seen.add(reading.machine.id);
      machines.push(reading.machine);
    }
  }
  return { ok: true, snapshot: { shape, takenAt, machines, figures: figures(data, shape, takenAt), rejected } };
}
