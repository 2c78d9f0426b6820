import type { Machine } from '../../../../shared/fleet';
import type { RvmStatus } from '../../../../shared/statuses';
import { RVM_STATUSES, STATUS_INFO } from '../../../../shared/statuses';
import type { SortKey } from '../../store/ui-store';

export interface RowQuery {
  statusFilter: ReadonlySet<RvmStatus>;
  search: string;
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  language: string;
}

export interface FleetRows {
  /** Ids of the machines to show, in display order. */
  ids: string[];
  /** Machines per status among those the search matches (before the status filter), for the chips. */
  counts: Record<RvmStatus, number>;
  /** Machines in the fleet (removed ones left out). */
  total: number;
}

const collators = new Map<string, Intl.Collator>();

function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
    collators.set(language, collator);
  }
  return collator;
}

/** The value a column sorts by; null sorts last whichever way. */
function sortValue(machine: Machine, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return machine.name;
    case 'location':
      return machine.location;
    case 'status':
      return STATUS_INFO[machine.status].priority;
    case 'capacity':
      return machine.capacity;
    case 'lastChange': {
      const time = machine.lastChange === null ? NaN : Date.parse(machine.lastChange);
      return Number.isFinite(time) ? time : null;
    }
    case 'activeSessions':
      return machine.activeSessions;
  }
}

function matches(machine: Machine, needle: string): boolean {
  if (needle === '') return true;
  return machine.name.toLowerCase().includes(needle) || (machine.location?.toLowerCase().includes(needle) ?? false);
}

/**
 * The table's rows: removed machines left out, then search, counts, status filter and sort. Pure,
 * so the view can memoise it on the fleet's version and the query.
 */
export function deriveRows(machines: ReadonlyMap<string, Machine>, query: RowQuery): FleetRows {
  const counts = Object.fromEntries(RVM_STATUSES.map((status) => [status, 0])) as Record<RvmStatus, number>;
  const needle = query.search.trim().toLowerCase();
  const filter = query.statusFilter;
  const shown: Machine[] = [];
  let total = 0;
  for (const machine of machines.values()) {
    if (machine.removed) continue;
    total++;
    if (!matches(machine, needle)) continue;
    counts[machine.status]++;
    if (filter.size === 0 || filter.has(machine.status)) shown.push(machine);
  }

  const { key, direction } = query.sort;
  const sign = direction === 'asc' ? 1 : -1;
  const collator = collatorFor(query.language);
  // Sort keys are read once per machine, not once per comparison.
  const keyed = shown.map((machine) => ({ machine, value: sortValue(machine, key) }));
  keyed.sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      const order =
        typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      if (order !== 0) return sign * order;
    }
    // Ties keep a stable, readable order whatever the direction.
    return collator.compare(a.machine.name, b.machine.name) || (a.machine.id < b.machine.id ? -1 : a.machine.id > b.machine.id ? 1 : 0);
  });
  return { ids: keyed.map((entry) => entry.machine.id), counts, total };
}
