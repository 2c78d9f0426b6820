import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Machine } from '../../../shared/fleet';
import type { EventStore } from './event-store';
import { useStoreFolder } from './testing/store-folder';

const folder = useStoreFolder();
const T0 = Date.now() - 60 * 60 * 1000;

function machine(id: string, status: Machine['status'], factAt = T0): Machine {
  return {
    id,
    name: `RVM ${id}`,
    location: id === '1' ? 'Jl. Sudirman 1, Jakarta' : null,
    status,
    capacity: id === '1' ? 87.5 : null,
    lastChange: '2025-06-01T10:00:00.000Z',
    activeSessions: 1,
    sessionsToday: 12,
    depositsToday: 340,
    factAt,
    removed: false,
  };
}

function appendAt(store: EventStore, times: number[]): void {
  store.appendMany(times.map((time) => ({ time, machineId: '1', type: 'rvm.status.updated', status: 'active', payload: {} })));
  store.flush();
}

function checkpointTimes(): number[] {
  const db = new Database(folder.path(), { readonly: true });
  try {
    return db.prepare('SELECT time FROM checkpoints ORDER BY time').pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe('checkpoints', () => {
  it('round-trip the fleet', () => {
    const store = folder.open();
    const fleet = [machine('1', 'full'), machine('2', 'error'), machine('3', 'active')];
    store.writeCheckpoint(T0, fleet);
    expect(store.latestCheckpoint()).toEqual({ time: T0, machines: fleet });
  });

  it('are found at or before a time', () => {
    const store = folder.open();
    for (const offset of [100, 200, 300]) store.writeCheckpoint(T0 + offset, [machine(String(offset), 'active')]);
    expect(store.checkpointAtOrBefore(T0 + 250)?.time).toBe(T0 + 200);
    expect(store.checkpointAtOrBefore(T0 + 200)?.machines[0].id).toBe('200');
    expect(store.checkpointAtOrBefore(T0 + 99)).toBeNull();
    expect(store.latestCheckpoint()?.time).toBe(T0 + 300);
  });

  it('skip a damaged checkpoint for an older readable one, reporting it once', () => {
    const store = folder.open();
    store.writeCheckpoint(T0 + 100, [machine('1', 'active')]);
    store.writeCheckpoint(T0 + 200, [machine('1', 'error')]);
    const db = new Database(folder.path());
    db.prepare('UPDATE checkpoints SET fleet = ? WHERE time = ?').run(Buffer.from('not deflated'), T0 + 200);
    db.close();
    const errors: Error[] = [];
    store.onError((error) => errors.push(error));
    expect(store.latestCheckpoint()).toEqual({ time: T0 + 100, machines: [machine('1', 'active')] });
    expect(store.latestCheckpoint()?.time).toBe(T0 + 100);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/checkpoint of .* cannot be read/)]);
  });

  it('are written automatically after the configured number of events, from the fleet provider', () => {
    let fleet = [machine('1', 'active')];
    const store = folder.open({ fleetProvider: () => fleet, checkpointEvery: { events: 100 }, batchSize: 10 });
    appendAt(store, Array.from({ length: 99 }, (_, n) => T0 + n));
    expect(store.latestCheckpoint()).toBeNull();
    fleet = [machine('1', 'full')];
    appendAt(store, [T0 + 99]);
    expect(store.latestCheckpoint()).toEqual({ time: T0 + 99, machines: fleet });
    appendAt(store, Array.from({ length: 100 }, (_, n) => T0 + 100 + n));
    expect(checkpointTimes()).toEqual([T0 + 99, T0 + 199]);
  });

  it('are written automatically when the events have moved on by the configured time', () => {
    const store = folder.open({ fleetProvider: () => [], checkpointEvery: { ms: 60_000 } });
    appendAt(store, [T0, T0 + 30_000, T0 + 59_999]);
    expect(checkpointTimes()).toEqual([]);
    appendAt(store, [T0 + 60_000]);
    expect(checkpointTimes()).toEqual([T0 + 60_000]);
  });

  it('keep counting towards the next automatic checkpoint across a restart', () => {
    const options = { fleetProvider: () => [], checkpointEvery: { events: 100 } };
    appendAt(folder.open(options), Array.from({ length: 60 }, (_, n) => T0 + n));
    const reopened = folder.open(options);
    appendAt(reopened, Array.from({ length: 39 }, (_, n) => T0 + 60 + n));
    expect(checkpointTimes()).toEqual([]);
    appendAt(reopened, [T0 + 99]);
    expect(checkpointTimes()).toEqual([T0 + 99]);
  });

  it('never let a failing fleet provider undo a commit', () => {
    const store = folder.open({
      fleetProvider: () => {
        throw new Error('fleet not ready');
      },
      checkpointEvery: { events: 1 },
    });
    const errors: string[] = [];
    store.onError((error) => errors.push(error.message));
    const commits: number[] = [];
    store.onCommit((commit) => commits.push(commit.lastSeq));
    appendAt(store, [T0]);
    expect(commits).toEqual([1]);
    expect(errors).toEqual(['fleet not ready']);
    expect(store.count({})).toBe(1);
  });
});
