import type Database from 'better-sqlite3';

const EVENT_COLUMNS = 'seq, time, machine_id AS machineId, type, status, payload';

/**
 * One page of events between two exclusive keyset bounds on (time, seq), optionally of one machine.
 * The bounds ride the `(time)` or `(machine_id, time)` index, whose trailing rowid gives the seq
 * order for free; types and statuses are JSON arrays, or NULL for "any".
 */
function eventPage(byMachine: boolean, order: 'ASC' | 'DESC'): string {
  return `SELECT ${EVENT_COLUMNS} FROM events
WHERE ${byMachine ? 'machine_id = @machineId AND ' : ''}(time, seq) > (@lowTime, @lowSeq) AND (time, seq) < (@highTime, @highSeq)
  AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
  AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
ORDER BY time ${order}, seq ${order}
LIMIT @limit`;
}

function eventCount(byMachine: boolean): string {
  return `SELECT count(*) FROM events
WHERE ${byMachine ? 'machine_id = @machineId AND ' : ''}(time, seq) > (@lowTime, @lowSeq) AND (time, seq) < (@highTime, @highSeq)
  AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
  AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))`;
}

/** Every statement the store runs, by name. Compiled once when the store opens; nothing else writes SQL. */
export const STATEMENTS = {
  insertEvent: 'INSERT INTO events (time, machine_id, type, status, payload) VALUES (?, ?, ?, ?, ?)',
  eventsAsc: eventPage(false, 'ASC'),
  eventsDesc: eventPage(false, 'DESC'),
  machineEventsAsc: eventPage(true, 'ASC'),
  machineEventsDesc: eventPage(true, 'DESC'),
  countEvents: eventCount(false),
  countMachineEvents: eventCount(true),
  // Two subqueries, because SQLite answers a lone min() or max() from the index but scans for both at once.
  timeRange: 'SELECT (SELECT min(time) FROM events) AS first, (SELECT max(time) FROM events) AS last',
  countAll: 'SELECT count(*) FROM events',
  // How many records fall in each of `buckets` equal slices of [from, to): the timeline's markers.
  eventDensity: `SELECT min(@buckets - 1, (time - @from) * @buckets / (@to - @from)) AS bucket, count(*) AS count FROM events
WHERE time >= @from AND time < @to AND type <> 'gap'
GROUP BY bucket`,
  // Broadcast events per minute (not our own snapshot, gap and command records): the live chart's history.
  eventsPerMinute: `SELECT (time / 60000) * 60000 AS minute, count(*) AS count FROM events
WHERE time >= @from AND time < @to AND type NOT IN ('snapshot', 'gap', 'command')
GROUP BY time / 60000 ORDER BY minute`,
  seqSpan: 'SELECT (SELECT max(seq) FROM events) - (SELECT min(seq) FROM events) + 1',
  countAfter: 'SELECT count(*) FROM (SELECT 1 FROM events WHERE time > @after LIMIT @limit)',
  deleteEventsBefore:
    'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE time < @before ORDER BY time, seq LIMIT @limit)',

  putCheckpoint: 'INSERT OR REPLACE INTO checkpoints (time, machine_count, fleet) VALUES (@time, @machineCount, @fleet)',
  checkpointsAtOrBefore: 'SELECT time, fleet FROM checkpoints WHERE time <= @time ORDER BY time DESC',
  latestCheckpointTime: 'SELECT max(time) FROM checkpoints',
  deleteCheckpointsBefore: 'DELETE FROM checkpoints WHERE time < @before',
  // Keeps the newest checkpoint at or before the oldest remaining event (the base for replaying
  // what is left) and everything newer; with no events left, only the newest checkpoint.
  pruneCheckpoints: `DELETE FROM checkpoints WHERE time < (
  SELECT max(time) FROM checkpoints
  WHERE time <= coalesce((SELECT min(time) FROM events), (SELECT max(time) FROM checkpoints))
)`,

  insertAudit: `INSERT INTO audit (time, user, role, machine_id, action, args, ok, code, message)
VALUES (@time, @user, @role, @machineId, @action, @args, @ok, @code, @message)`,
  listAudit: `SELECT id, time, user, role, machine_id AS machineId, action, args, ok, code, message
FROM audit ORDER BY id DESC LIMIT @limit`,

  getMeta: 'SELECT value FROM meta WHERE key = ?',
  setMeta: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',

  pageCount: 'PRAGMA page_count',
  pageSize: 'PRAGMA page_size',
  freelistCount: 'PRAGMA freelist_count',
  walCheckpointTruncate: 'PRAGMA wal_checkpoint(TRUNCATE)',
} as const;

/**
 * Scripts that must run to completion through `exec`: a prepared `incremental_vacuum` frees one page
 * per step, so `run()` would release a single page.
 */
export const SCRIPTS = {
  incrementalVacuum: 'PRAGMA incremental_vacuum',
} as const;

export type StatementName = keyof typeof STATEMENTS;
export type Statements = { readonly [K in StatementName]: Database.Statement };

export function prepareStatements(db: Database.Database): Statements {
  const entries = Object.entries(STATEMENTS).map(([name, sql]) => [name, db.prepare(sql)]);
  return Object.fromEntries(entries) as Statements;
}
