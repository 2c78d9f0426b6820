// History: the cached events as an operator reviews them offline. One seeded cache of a million
// events (1,000 machines, ~28 hours); each measurement against a naive way of doing the same.
import Database from 'better-sqlite3';
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/demo-server/seeded-random';
import { fleetFrom } from '../../src/main/core/fleet/history-replay';
import { csvRow, CSV_COLUMNS, exportEvents } from '../../src/main/core/history/event-export';
import { Replayer } from '../../src/main/core/history/replayer';
import { toFleetEvent } from '../../src/main/core/store/encoding';
import type { EventRow } from '../../src/main/core/store/encoding';
import { EventStore } from '../../src/main/core/store/event-store';
import { formatSummary, profileWhile } from '../lib/profile';
import type { BenchContext, Measurement, Scenario } from '../lib/scenario';
import type { SeededCache } from '../lib/seeded-cache';
import { seededCache } from '../lib/seeded-cache';
import { median, percentile, timed, timedAsync } from '../lib/stats';

const HOUR_MS = 3_600_000;

/**
 * The naive schema a first version would have: the broadcast's JSON as it came, with the time it
 * arrived, and no index but the rowid. The machine is found inside the JSON.
 */
function buildNaiveTable(path: string): Database.Database {
  const db = new Database(path);
  db.exec(`
CREATE TABLE IF NOT EXISTS naive_events (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL);
DELETE FROM naive_events;
INSERT INTO naive_events (id, received_at, type, payload)
  SELECT seq, time, type, CASE WHEN machine_id IS NULL THEN payload ELSE json_set(payload, '$.rvm_id', machine_id) END FROM events;`);
  return db;
}

interface Plan {
  queries: number;
  naiveQueries: number;
  replays: number;
  fullReplays: number;
  exportRows: number;
  exports: number;
}

function queries(store: EventStore, naive: Database.Database, cache: SeededCache, plan: Plan): { ours: number[]; naive: number[]; rows: number[] } {
  const random = seededRandom('bench:queries');
  const pick = () => {
    const machineId = String(random.int(1, cache.rvms));
    const from = cache.first + Math.floor(random.next() * Math.max(1, cache.last - cache.first - HOUR_MS));
    return { machineId, from, to: from + HOUR_MS };
  };
  const naiveQuery = naive.prepare(
    `SELECT id, received_at, type, payload FROM naive_events
WHERE json_extract(payload, '$.rvm_id') = ? AND received_at BETWEEN ? AND ?
ORDER BY received_at, id LIMIT 100 OFFSET ?`,
  );
  const ours: number[] = [];
  const rows: number[] = [];
  const warmups = Math.min(20, plan.queries);
  for (let i = -warmups; i < plan.queries; i++) {
    const filter = pick();
    const { ms, result } = timed(() => store.query(filter, { limit: 100, order: 'asc' }));
    if (i >= 0) {
      ours.push(ms);
      rows.push(result.length);
    }
  }
  const baseline: number[] = [];
  for (let i = -1; i < plan.naiveQueries; i++) {
    const filter = pick();
    const { ms } = timed(() =>
      (naiveQuery.all(filter.machineId, filter.from, filter.to, 0) as { payload: string }[]).map((row) => JSON.parse(row.payload) as unknown),
    );
    if (i >= 0) baseline.push(ms);
  }
  return { ours, naive: baseline, rows };
}

function replays(store: EventStore, cache: SeededCache, plan: Plan): { ours: number[]; full: number[]; applied: number[]; fullApplied: number[] } {
  // Stratified: one random time in each of `replays` equal slices of the history, so the median is
  // a time in the middle whatever the seed; the naive replay takes every ~third of them.
  const random = seededRandom('bench:replay');
  const span = cache.last - cache.first;
  const times = Array.from({ length: plan.replays }, (_, slice) => cache.first + Math.floor(((slice + random.next()) / plan.replays) * span));
  const naiveTimes = Array.from({ length: plan.fullReplays }, (_, k) => times[Math.floor(((k + 0.5) / plan.fullReplays) * times.length)]);
  const ours: number[] = [];
  const applied: number[] = [];
  // Warm-up on a time of its own; then each measured replay is cold: a new Replayer, no frame to move on from.
  new Replayer(store).at(cache.first + (cache.last - cache.first) / 3);
  for (const time of times) {
    const { ms, result } = timed(() => new Replayer(store).at(time));
    ours.push(ms);
    applied.push(result.applied);
  }
  // The naive replay: every event from the very first, no checkpoint.
  const full: number[] = [];
  const fullApplied: number[] = [];
  for (const time of naiveTimes) {
    full.push(timed(() => fleetFrom([], store.eventsBetween(Number.MIN_SAFE_INTEGER, time)).machines()).ms);
    fullApplied.push(store.count({ to: time }));
  }
  return { ours, full, applied, fullApplied };
}

/** The naive export: every row in memory, each formatted, one string joined and written. */
function naiveExport(path: string, db: Database.Database, filter: { from: number; to: number }): number {
  const rows = db
    .prepare('SELECT seq, time, machine_id AS machineId, type, status, payload FROM events WHERE time >= ? AND time <= ? ORDER BY time, seq')
    .all(filter.from, filter.to) as EventRow[];
  const text = `${CSV_COLUMNS.join(',')}\r\n${rows.map((row) => csvRow(toFleetEvent(row))).join('')}`;
  writeFileSync(path, text);
  return rows.length;
}

async function exports(context: BenchContext, store: EventStore, db: Database.Database, cache: SeededCache, plan: Plan) {
  const dir = context.tempDir('export-');
  // A window in the middle of the history holding `exportRows` records (one about every step).
  const from = cache.first + Math.floor((cache.last - cache.first) / 4);
  const filter = { from, to: from + plan.exportRows * cache.stepMs - 1 };
  const rows = store.count(filter);
  const ours: number[] = [];
  const naive: number[] = [];
  let sizes = { ours: 0, naive: 0 };
  for (let i = -1; i < plan.exports; i++) {
    const ourFile = join(dir, `ours-${i + 1}.csv`);
    const naiveFile = join(dir, `naive-${i + 1}.csv`);
    const measured = await timedAsync(() => exportEvents(store, filter, 'csv', ourFile));
    const baseline = timed(() => naiveExport(naiveFile, db, filter));
    if (i < 0) continue;
    ours.push(measured.ms);
    naive.push(baseline.ms);
    sizes = { ours: statSync(ourFile).size, naive: statSync(naiveFile).size };
  }
  if (sizes.ours !== sizes.naive) context.log(`history: the two exports differ in size (${sizes.ours} and ${sizes.naive} bytes)`);
  return { ours, naive, rows, bytes: sizes.ours };
}

export const history: Scenario = {
  name: 'history',
  rows: [
    {
      name: 'history.query',
      metric: "one machine's 1-hour window, first page of 100, 1M cached events (20k with --quick)",
      unit: 'ms',
      target: 10,
      targetOp: '<=',
      baselineIs: 'naive schema: JSON payload, no index, OFFSET paging',
    },
    {
      name: 'history.replay',
      metric: 'fleet at a random time (Replayer.at, cold)',
      unit: 'ms',
      target: 100,
      targetOp: '<=',
      baselineIs: 'replay every event from the start',
    },
    {
      name: 'history.export',
      metric: 'CSV export of 100,000 rows (exportEvents; 5,000 with --quick)',
      unit: 'ms',
      target: 2_000,
      targetOp: '<=',
      baselineIs: 'all rows in memory, strings joined',
    },
  ],
  async run(context): Promise<Measurement[]> {
    const plan: Plan = context.quick
      ? { queries: 20, naiveQueries: 2, replays: 5, fullReplays: 2, exportRows: 5_000, exports: 1 }
      : { queries: 200, naiveQueries: 5, replays: 20, fullReplays: 3, exportRows: 100_000, exports: 3 };
    const events = context.quick ? 20_000 : 1_000_000;
    const seeded = seededCache(context, events, 1_000);
    // A copy of its own: the store writes checkpoints and this scenario adds the naive table.
    const path = join(context.tempDir('history-copy-'), 'cache.sqlite');
    copyFileSync(seeded.path, path);
    const naive = buildNaiveTable(path);
    const store = EventStore.open(path, {});
    try {
      const query = queries(store, naive, seeded, plan);
      context.log(`history.query: median ${median(query.ours).toFixed(2)} ms (p95 ${percentile(query.ours, 95).toFixed(2)}), naive ${median(query.naive).toFixed(0)} ms`);
      const replay = context.profile
        ? await profileWhile(join(context.profilesDir, 'history-replay.cpuprofile'), async () => replays(store, seeded, plan)).then(({ result, summary }) => {
            context.addProfile(formatSummary(summary, 'history: replays (ours and from the start)'));
            return result;
          })
        : replays(store, seeded, plan);
      context.log(`history.replay: median ${median(replay.ours).toFixed(1)} ms, from the start ${median(replay.full).toFixed(0)} ms`);
      const exported = await exports(context, store, naive, seeded, plan);
      context.log(`history.export: median ${median(exported.ours).toFixed(0)} ms for ${exported.rows} rows, naive ${median(exported.naive).toFixed(0)} ms`);
      const size = `${(statSync(seeded.path).size / 1e6).toFixed(0)} MB file`;
      return [
        {
          name: 'history.query',
          value: median(query.ours),
          baseline: median(query.naive),
          note: `${seeded.stored.toLocaleString('en-US')} events, ${seeded.rvms} machines, ${size}; median of ${plan.queries} queries of random machines and hours after 20 warm-ups (naive: ${plan.naiveQueries}).`,
          details: { 'p95 ms': percentile(query.ours, 95), 'rows per page (median)': median(query.rows) },
        },
        {
          name: 'history.replay',
          value: median(replay.ours),
          baseline: median(replay.full),
          note: `median of ${plan.replays} cold replays, to a random time in each ${plan.replays}th of the history (naive: ${plan.fullReplays} of the same times, spread over the history).`,
          details: {
            'p95 ms': percentile(replay.ours, 95),
            'events applied after the checkpoint (median)': median(replay.applied),
            'events the naive replay applied (median)': median(replay.fullApplied),
          },
        },
        {
          name: 'history.export',
          value: median(exported.ours),
          baseline: median(exported.naive),
          note: `${exported.rows.toLocaleString('en-US')} rows, ${(exported.bytes / 1e6).toFixed(1)} MB of CSV, median of ${plan.exports} after a warm-up.`,
        },
      ];
    } finally {
      store.close();
      naive.close();
    }
  },
};
