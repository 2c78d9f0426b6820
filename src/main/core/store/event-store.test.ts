import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewFleetEvent } from '../../../shared/fleet';
import { StoreError } from './database';
import type { CommitReport, EventStore } from './event-store';
import { useStoreFolder } from './testing/store-folder';

const folder = useStoreFolder();

/** Recent times: retention on open would drop events older than 90 days. */
const T0 = Date.now();

function event(n: number, payload: unknown = { n }): NewFleetEvent {
  return { time: T0 + n, machineId: `m${n % 3}`, type: 'rvm.status.updated', status: 'active', payload };
}

function recordCommits(store: EventStore): CommitReport[] {
  const commits: CommitReport[] = [];
  store.onCommit((commit) => commits.push(commit));
  return commits;
}

function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('batching', () => {
  it('commits a full batch at once: 2,500 appends are three transactions', () => {
    const store = folder.open();
    const commits = recordCommits(store);
    for (let n = 1; n <= 2_500; n++) store.append(event(n));
    expect(commits).toEqual([
      { count: 1_000, lastSeq: 1_000 },
      { count: 1_000, lastSeq: 2_000 },
    ]);
    expect(store.pendingCount).toBe(500);
    store.flush();
    expect(commits.at(-1)).toEqual({ count: 500, lastSeq: 2_500 });
    expect(store.stats()).toMatchObject({ eventCount: 2_500, batchesCommitted: 3, pending: 0 });
  });

  it('commits a partial batch when its timer runs out, not before', () => {
    vi.useFakeTimers();
    const store = folder.open({ batchMs: 50 });
    const commits = recordCommits(store);
    for (let n = 1; n <= 10; n++) store.append(event(n));
    vi.advanceTimersByTime(49);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(commits).toEqual([{ count: 10, lastSeq: 10 }]);
    expect(store.count({})).toBe(10);
  });

  it('honours a configured batch size', () => {
    const store = folder.open({ batchSize: 7 });
    const commits = recordCommits(store);
    store.appendMany(Array.from({ length: 20 }, (_, n) => event(n)));
    expect(commits.map((commit) => commit.count)).toEqual([7, 7]);
    expect(store.pendingCount).toBe(6);
  });

  it('never keeps the process alive with its timers', () => {
    const before = activeTimeouts();
    const store = folder.open();
    store.append(event(1));
    expect(store.pendingCount).toBe(1);
    expect(activeTimeouts()).toBe(before);
  });

  it('commits at once on flush', () => {
    const store = folder.open({ batchMs: 60_000 });
    const commits = recordCommits(store);
    store.append(event(1));
    store.append(event(2));
    store.flush();
    expect(commits).toEqual([{ count: 2, lastSeq: 2 }]);
    expect(store.count({})).toBe(2);
    store.flush();
    expect(commits).toHaveLength(1);
  });

  it('commits the queue on close, and a second close does nothing', () => {
    const store = folder.open({ batchMs: 60_000 });
    const commits = recordCommits(store);
    for (let n = 1; n <= 5; n++) store.append(event(n));
    store.close();
    store.close();
    expect(commits).toEqual([{ count: 5, lastSeq: 5 }]);
    expect(() => store.append(event(6))).toThrow(StoreError);
    const reopened = folder.open();
    expect(reopened.count({})).toBe(5);
  });

  it('keeps the queue when the database refuses a commit, and commits it later', () => {
    const store = folder.open({ busyTimeoutMs: 0, batchMs: 60_000 });
    const commits = recordCommits(store);
    const other = new Database(folder.path());
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      store.append(event(1));
      store.append(event(2));
      expect(() => store.flush()).toThrow(/locked|busy/i);
      expect(store.pendingCount).toBe(2);
      expect(commits).toEqual([]);
      other.prepare('ROLLBACK').run();
      store.flush();
      expect(commits).toEqual([{ count: 2, lastSeq: 2 }]);
    } finally {
      other.close();
    }
  });

  it('keeps committing when a commit listener throws', () => {
    const store = folder.open();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    store.onCommit(() => {
      throw new Error('faulty listener');
    });
    const commits = recordCommits(store);
    store.append(event(1));
    store.flush();
    expect(commits).toEqual([{ count: 1, lastSeq: 1 }]);
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
  });

  it('stops telling a listener once it unsubscribed', () => {
    const store = folder.open();
    const commits: CommitReport[] = [];
    const off = store.onCommit((commit) => commits.push(commit));
    store.append(event(1));
    store.flush();
    off();
    store.append(event(2));
    store.flush();
    expect(commits).toHaveLength(1);
  });
});

describe('accepting events', () => {
  it('stores a payload JSON cannot express as unserialisable and counts it', () => {
    const store = folder.open({ maxPayloadChars: 100 });
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    store.append(event(1, circular));
    store.append(event(2, { big: 10n }));
    store.append(event(3, 'x'.repeat(200)));
    store.append({ ...event(4), payload: undefined });
    store.append(event(5, { fine: [1, 'two', null] }));
    store.flush();
    const payloads = store.query({}, { limit: 10, order: 'asc' }).map((stored) => stored.payload);
    expect(payloads).toEqual([
      { unserialisable: true, reason: 'not-json' },
      { unserialisable: true, reason: 'not-json' },
      { unserialisable: true, reason: 'too-large' },
      null,
      { fine: [1, 'two', null] },
    ]);
    expect(store.stats().unserialisable).toBe(3);
  });

  it('refuses an event without a usable time or type, and keeps the rest of the batch', () => {
    const store = folder.open();
    store.append(event(1));
    expect(() => store.append({ ...event(2), time: Number.NaN })).toThrow(/time \(NaN\) is not epoch ms/);
    expect(() => store.append({ ...event(3), type: '' })).toThrow(/no type/);
    expect(() => store.append({ ...event(4), machineId: 7 as unknown as string })).toThrow(/machine id/);
    store.flush();
    expect(store.count({})).toBe(1);
  });

  it('accepts all of appendMany or none of it', () => {
    const store = folder.open();
    const error = (() => {
      try {
        store.appendMany([event(1), { ...event(2), time: Infinity }, event(3)]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('invalid-input');
    expect(store.pendingCount).toBe(0);
  });

  it('keeps an unknown status as unknown rather than dropping it', () => {
    const store = folder.open();
    store.append({ ...event(1), status: 'Exploded' as never });
    store.flush();
    expect(store.query({}, { limit: 1, order: 'asc' })[0].status).toBe('unknown');
  });
});

describe('audit and meta', () => {
  it('records commands and lists the newest first', () => {
    const store = folder.open();
    const base = { user: 'ana@example.org', role: 'operator', machineId: '12', code: null, message: null };
    const first = store.recordCommand({ ...base, time: 1_000, action: 'status.set', args: { status: 'maintenance' }, ok: true });
    store.recordCommand({
      ...base,
      time: 2_000,
      action: 'status.set',
      args: { status: 'active' },
      ok: false,
      code: 'forbidden',
      message: 'Not allowed',
    });
    expect(first).toBe(1);
    const listed = store.listAudit(10);
    expect(listed.map((entry) => entry.id)).toEqual([2, 1]);
    expect(listed[0]).toEqual({
      id: 2,
      time: 2_000,
      user: 'ana@example.org',
      role: 'operator',
      machineId: '12',
      action: 'status.set',
      args: { status: 'active' },
      ok: false,
      code: 'forbidden',
      message: 'Not allowed',
    });
    expect(store.listAudit(1)).toHaveLength(1);
    expect(() => store.listAudit(0)).toThrow(StoreError);
  });

  it('keeps meta values across reopen', () => {
    const store = folder.open();
    expect(store.getMeta('fleet.source')).toBeNull();
    store.setMeta('fleet.source', 'demo');
    store.setMeta('fleet.source', 'https://rvm.example.org');
    store.close();
    expect(folder.open().getMeta('fleet.source')).toBe('https://rvm.example.org');
  });
});
