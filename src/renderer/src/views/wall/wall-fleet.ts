import type { Machine } from '../../../../shared/fleet';
import { isCritical } from '../../../../shared/statuses';

/**
 * What a wall display shows of the fleet, as pure functions: which machines, in which area, which
 * are critical and for how long.
 */

/** A display's `locations`: a machine whose location contains any of them (ignoring case); all when none. */
export function matchesLocations(machine: Pick<Machine, 'location'>, locations: readonly string[] | undefined): boolean {
  if (!locations || locations.length === 0) return true;
  const location = machine.location?.toLowerCase();
  if (!location) return false;
  return locations.some((wanted) => location.includes(wanted.toLowerCase()));
}

/** The city or district: the last part of "Jl. Sudirman No. 5, Kemang, Jakarta Selatan". */
export function areaOf(location: string | null): string | null {
  if (!location) return null;
  const parts = location.split(',');
  const area = parts[parts.length - 1].trim();
  return area === '' ? null : area;
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareNames(a: Pick<Machine, 'name' | 'id'>, b: Pick<Machine, 'name' | 'id'>): number {
  return byName.compare(a.name, b.name) || byName.compare(a.id, b.id);
}

/** Full or error, the longest-standing first; those whose start is not known go last. */
export function criticalMachines(machines: Iterable<Machine>): Machine[] {
  const critical: Array<{ machine: Machine; since: number }> = [];
  for (const machine of machines) {
    if (machine.removed || !isCritical(machine.status)) continue;
    const since = machine.lastChange === null ? NaN : Date.parse(machine.lastChange);
    critical.push({ machine, since: Number.isFinite(since) ? since : Number.POSITIVE_INFINITY });
  }
  critical.sort((a, b) => a.since - b.since || compareNames(a.machine, b.machine));
  return critical.map((entry) => entry.machine);
}

export type DurationText =
  | { key: 'seconds' }
  | { key: 'minutes'; minutes: number }
  | { key: 'hours'; hours: number; minutes: number }
  | { key: 'days'; days: number; hours: number };

/** "2 h 15 min" rather than "135 min": read across a room, the big unit first, two units at most. */
export function durationText(ms: number): DurationText {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return { key: 'seconds' };
  if (minutes < 60) return { key: 'minutes', minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { key: 'hours', hours, minutes: minutes % 60 };
  return { key: 'days', days: Math.floor(hours / 24), hours: hours % 24 };
}

/** What a tile too small for a name shows: a short id, else the name's initials. */
export function shortLabel(machine: Pick<Machine, 'id' | 'name'>): string {
  if (machine.id.length <= 5) return machine.id;
  const initials = machine.name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .map((word) => word[0].toUpperCase())
    .join('');
  return initials.slice(0, 3) || machine.id.slice(-4);
}
