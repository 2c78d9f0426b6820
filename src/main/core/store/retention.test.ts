import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from './database';
import { EventStore } from './event-store';
import type { EventStoreOptions } from './options';
import { useStoreFolder } from './testing/store-folder';

const folder = useStoreFolder();
const DAY = 24 * 60 * 60 * 1000;
const SMALL = 256 * 1024;

afterEach(() => {
  vi.useRealTimers();
});

function appendAt(store: EventStore, times: number[], payload: unknown = {}): void {
  store.appendMany(times.map((time) => ({ time, machineId: '1', type: 'deposit.completed', status: null, payload })));
  store.flush();
}

function onDisk(path: string): number {
  const wal = `${path}-wal`;
  return statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0);
}

/** 1,000 events of about 2 KB each, a millisecond apart: some 2.5 MB against a 256 KB cap. */
function fillBeyondCap(store: EventStore, now: number): number[] {
  const times = Array.from({ length: 1_000 }, (_, n) => now - 1_000 + n);
  appendAt(store, times, { text: 'x'.repeat(2_000) });
  return times;
}

function seqs(store: EventStore): number[] {
  return [...store.eventsBetween(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)].map((event) => event.seq);
}

describe('retention', () => {
  it('drops events and checkpoints older than the maximum age', () => {
    const now = Date.now();
    const store = folder.open({ retention: { maxAgeDays: 90 } });
    appendAt(store, [now - 100 * DAY, now - 91 * DAY, now - 89 * DAY, now - 60_000]);
    store.writeCheckpoint(now - 95 * DAY, []);
    store.writeCheckpoint(now - 10 * DAY, []);
    const report = store.enforceRetention(now);
    expect(report.eventsRemoved).toEqual({ byAge: 2, bySize: 0 });
    expect(report.checkpointsRemoved).toEqual({ byAge: 1, bySize: 0 });
    expect(store.timeRange()).toEqual({ first: now - 89 * DAY, last: now - 60_000 });
    expect(store.latestCheckpoint()?.time).toBe(now - 10 * DAY);
    expect(store.checkpointAtOrBefore(now - 20 * DAY)).toBeNull();
  });

  it('runs when the store opens', () => {
    const now = Date.now();
    appendAt(folder.open({ retention: { maxAgeDays: 30 } }), [now - 31 * DAY, now - 29 * DAY]);
    expect(folder.open({ retention: { maxAgeDays: 30 } }).count({})).toBe(1);
  });

  it('runs every hour', () => {
    const start = Date.now();
    vi.useFakeTimers({ now: start });
    const store = folder.open({ retention: { maxAgeDays: 1 } });
    appendAt(store, [start - DAY + 30 * 60_000, start]);
    vi.advanceTimersByTime(59 * 60_000);
    expect(store.count({})).toBe(2);
    vi.advanceTimersByTime(60_000);
    expect(store.count({})).toBe(1);
  });

  it('removes the oldest events until the data fits the size cap, and compact shrinks the file', () => {
    const now = Date.now();
    const store = folder.open({ retention: { maxBytes: SMALL } });
    fillBeyondCap(store, now);
    const before = onDisk(folder.path());
    expect(before).toBeGreaterThan(4 * SMALL);

    const report = store.enforceRetention(now);
    expect(report.withinBudget).toBe(true);
    expect(report.usedBytes).toBeLessThanOrEqual(SMALL);
    expect(report.eventsRemoved.bySize).toBeGreaterThan(800);
    const kept = seqs(store);
    expect(kept).toHaveLength(1_000 - report.eventsRemoved.bySize);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 1_001 - kept.length + i));

    const after = store.compact();
    expect(after).toBeLessThanOrEqual(SMALL);
    expect(onDisk(folder.path())).toBe(after);
    expect(after).toBeLessThan(before / 4);
  });

  it('never removes by size the events that bring the newest checkpoint up to date', () => {
    const now = Date.now();
    const store = folder.open({ retention: { maxBytes: SMALL } });
    const times = fillBeyondCap(store, now);
    for (const index of [50, 100, 950]) store.writeCheckpoint(times[index], []);
    const report = store.enforceRetention(now);
    expect(report.withinBudget).toBe(true);
    expect(store.count({ from: times[950] })).toBe(50);
    expect(store.latestCheckpoint()?.time).toBe(times[950]);
    // The newest checkpoint before the oldest remaining event is what a replay of it starts from; older ones go.
    const first = store.timeRange()!.first;
    expect(first).toBeGreaterThan(times[100]);
    expect(store.checkpointAtOrBefore(first)?.time).toBe(times[100]);
    expect(report.checkpointsRemoved).toEqual({ byAge: 0, bySize: 1 });
  });

  it('says when the cap cannot be met without breaking the newest checkpoint', () => {
    const now = Date.now();
    const store = folder.open({ retention: { maxBytes: SMALL } });
    const times = fillBeyondCap(store, now);
    store.writeCheckpoint(times[500], []);
    const report = store.enforceRetention(now);
    expect(report.withinBudget).toBe(false);
    expect(report.usedBytes).toBeGreaterThan(SMALL);
    expect(store.count({})).toBe(500);
    expect(store.timeRange()?.first).toBe(times[500]);
    expect(store.latestCheckpoint()?.time).toBe(times[500]);
  });

  it('keeps the database consistent after removing', () => {
    const now = Date.now();
    const store = folder.open({ retention: { maxBytes: SMALL } });
    fillBeyondCap(store, now);
    store.enforceRetention(now);
    store.compact();
    const db = new Database(folder.path(), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it.each<[string, EventStoreOptions, RegExp]>([
    ['a zero age', { retention: { maxAgeDays: 0 } }, /retention\.maxAgeDays/],
    ['a negative age', { retention: { maxAgeDays: -5 } }, /retention\.maxAgeDays/],
    ['an age that is not a number', { retention: { maxAgeDays: Number.NaN } }, /retention\.maxAgeDays/],
    ['an age given as text', { retention: { maxAgeDays: '90' as unknown as number } }, /retention\.maxAgeDays/],
    ['a cap too small to hold anything', { retention: { maxBytes: 1_000 } }, /retention\.maxBytes[\s\S]*64 KiB|64 KiB[\s\S]*retention\.maxBytes/],
    ['a misspelt setting', { retention: { maxAge: 90 } as never }, /maxAge/],
    ['a batch size of zero', { batchSize: 0 }, /batchSize/],
  ])('refuses %s with a clear error, before touching the file', (_name, options, message) => {
    let error: unknown;
    try {
      EventStore.open(folder.path(), options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('invalid-options');
    expect((error as Error).message).toMatch(message);
    expect(existsSync(folder.path())).toBe(false);
  });
});
