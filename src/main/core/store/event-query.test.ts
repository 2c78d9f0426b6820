import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FleetEvent } from '../../../shared/fleet';
import type { RvmStatus } from '../../../shared/statuses';
import { StoreError } from './database';
import type { EventStore } from './event-store';
import type { EventFilter } from './event-query';
import { MAX_PAGE_SIZE, countParams, pageParams } from './event-query';
import { STATEMENTS } from './statements';
import { useStoreFolder } from './testing/store-folder';

const folder = useStoreFolder();

const MACHINES = ['1', '2', '3', null];
const TYPES = ['rvm.status.updated', 'deposit.completed', 'gap'];
const STATUSES: (RvmStatus | null)[] = ['active', 'full', 'maintenance', 'error', null];
/** A day ago, so retention never interferes; the offsets from it are what is seeded. */
const T0 = Date.now() - 24 * 60 * 60 * 1000;

/** The same 700 events every run; many share a time, so pages must break ties by seq. */
function seedEvents(): FleetEvent[] {
  let state = 42;
  const next = (n: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
  return Array.from({ length: 700 }, (_, index) => ({
    seq: index + 1,
    time: T0 + next(150) * 1_000,
    machineId: MACHINES[next(MACHINES.length)],
    type: TYPES[next(TYPES.length)],
    status: STATUSES[next(STATUSES.length)],
    payload: { index },
  }));
}

function matches(event: FleetEvent, filter: EventFilter): boolean {
  return (
    (filter.from === undefined || event.time >= filter.from) &&
    (filter.to === undefined || event.time <= filter.to) &&
    (filter.machineId === undefined || event.machineId === filter.machineId) &&
    (filter.types === undefined || filter.types.includes(event.type)) &&
    (filter.statuses === undefined || (event.status !== null && filter.statuses.includes(event.status)))
  );
}

function byKey(a: FleetEvent, b: FleetEvent): number {
  return a.time - b.time || a.seq - b.seq;
}

function walk(store: EventStore, filter: EventFilter, order: 'asc' | 'desc', limit: number): FleetEvent[] {
  const seen: FleetEvent[] = [];
  for (;;) {
    const last = seen.at(-1);
    const page = store.query(filter, { limit, order, cursor: last && { time: last.time, seq: last.seq } });
    seen.push(...page);
    if (page.length < limit) return seen;
  }
}

/** Every combination of the filter's parts, each either absent or one of a few values. */
function filterCombinations(): EventFilter[] {
  const parts: { [K in keyof EventFilter]-?: EventFilter[K][] } = {
    from: [undefined, T0 + 40_000],
    to: [undefined, T0 + 100_000],
    machineId: [undefined, '2', 'no such machine'],
    types: [undefined, ['gap'], ['rvm.status.updated', 'deposit.completed'], []],
    statuses: [undefined, ['active'], ['full', 'error']],
  };
  let combinations: EventFilter[] = [{}];
  for (const [key, values] of Object.entries(parts)) {
    combinations = combinations.flatMap((filter) =>
      values.map((value) => (value === undefined ? filter : { ...filter, [key]: value })),
    );
  }
  return combinations;
}

describe('queries', () => {
  const seed = seedEvents();
  let store: EventStore;

  beforeEach(() => {
    store = folder.open();
    store.appendMany(seed.map(({ seq: _seq, ...event }) => event));
    store.flush();
  });

  it('return exactly the matching events for every filter combination, in both orders, over all pages', () => {
    const combinations = filterCombinations();
    expect(combinations).toHaveLength(144);
    for (const filter of combinations) {
      const expected = seed.filter((event) => matches(event, filter)).sort(byKey);
      expect(walk(store, filter, 'asc', 37), JSON.stringify(filter)).toEqual(expected);
      expect(walk(store, filter, 'desc', 37), JSON.stringify(filter)).toEqual([...expected].reverse());
      expect(store.count(filter), JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('walk pages with neither duplicates nor gaps when every event shares one time', () => {
    const same = folder.open(undefined, 'same-time.db');
    same.appendMany(Array.from({ length: 95 }, () => ({ time: T0, machineId: '1', type: 'gap', status: null, payload: null })));
    same.flush();
    for (const order of ['asc', 'desc'] as const) {
      const seqs = walk(same, { machineId: '1' }, order, 10).map((event) => event.seq);
      const all = Array.from({ length: 95 }, (_, i) => i + 1);
      expect(seqs).toEqual(order === 'asc' ? all : all.reverse());
    }
  });

  it('refuse a page larger than the maximum instead of cutting it short', () => {
    expect(() => store.query({}, { limit: MAX_PAGE_SIZE + 1, order: 'asc' })).toThrow(StoreError);
    expect(store.query({}, { limit: MAX_PAGE_SIZE, order: 'asc' })).toHaveLength(700);
  });

  it('refuse a malformed filter with the reason', () => {
    const bad = (filter: unknown) => () => store.query(filter as EventFilter, { limit: 10, order: 'asc' });
    expect(bad({ machine: '2' })).toThrow(/Invalid event filter/);
    expect(bad({ statuses: ['on fire'] })).toThrow(/statuses/);
    expect(bad({ from: '2025-01-01' })).toThrow(/from/);
    expect(() => store.query({}, { limit: 10, order: 'sideways' as 'asc' })).toThrow(/Invalid event page/);
  });

  it('replay the events after one time up to another, across pages, while commits go on', () => {
    const from = T0 + 10_000;
    const to = T0 + 140_000;
    const expected = seed.filter((event) => event.time > from && event.time <= to).sort(byKey);
    const bigger = folder.open(undefined, 'replay.db');
    // Three copies make the replay span several of its internal pages.
    for (let copy = 0; copy < 3; copy++) bigger.appendMany(seed.map(({ seq: _seq, ...event }) => event));
    bigger.flush();
    const replayed: FleetEvent[] = [];
    for (const event of bigger.eventsBetween(from, to)) {
      replayed.push(event);
      if (replayed.length === 1_100) {
        bigger.append({ time: to + 1, machineId: '1', type: 'gap', status: null, payload: null });
        bigger.flush();
      }
    }
    expect(replayed).toHaveLength(expected.length * 3);
    expect([...replayed].sort(byKey)).toEqual(replayed);
    expect(replayed.every((event) => event.time > from && event.time <= to)).toBe(true);
  });

  it('report the time range, or null when empty', () => {
    const times = seed.map((event) => event.time);
    expect(store.timeRange()).toEqual({ first: Math.min(...times), last: Math.max(...times) });
    expect(folder.open(undefined, 'empty.db').timeRange()).toBeNull();
  });
});

describe('query plans', () => {
  function plan(db: Database.Database, sql: string, params: object): string {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
      .map((row) => row.detail)
      .join(' | ');
  }

  it('use the time index for a range and the machine index for a machine, without sorting', () => {
    folder.open().close();
    const db = new Database(folder.path(), { readonly: true });
    try {
      const range = { from: T0, to: T0 + 60_000 };
      const page = { limit: 100, order: 'desc' as const, cursor: { time: T0 + 30_000, seq: 5 } };
      const timePlans = [
        plan(db, STATEMENTS.eventsAsc, pageParams(range, { ...page, order: 'asc' })),
        plan(db, STATEMENTS.eventsDesc, pageParams(range, page)),
        plan(db, STATEMENTS.countEvents, countParams(range)),
      ];
      for (const detail of timePlans) expect(detail).toMatch(/SEARCH events USING (COVERING )?INDEX events_time \(time>\? AND time<\?\)/);
      const machine = { ...range, machineId: '2', types: ['gap'], statuses: ['active' as const] };
      const machinePlans = [
        plan(db, STATEMENTS.machineEventsAsc, pageParams(machine, { ...page, order: 'asc' })),
        plan(db, STATEMENTS.machineEventsDesc, pageParams(machine, page)),
        plan(db, STATEMENTS.countMachineEvents, countParams(machine)),
      ];
      for (const detail of machinePlans) {
        expect(detail).toMatch(/SEARCH events USING (COVERING )?INDEX events_machine_time \(machine_id=\? AND time>\? AND time<\?\)/);
      }
      for (const detail of [...timePlans, ...machinePlans]) {
        expect(detail).not.toMatch(/SCAN events|TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });
});
