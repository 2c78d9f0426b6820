import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Unsubscribe } from '../../../shared/bridge';
import type { FleetEvent, Machine, NewFleetEvent } from '../../../shared/fleet';
import { RVM_STATUSES, normaliseStatus } from '../../../shared/statuses';
import { StoreError, isCorruption, moveAside, openDatabase } from './database';
import type { EventRow } from './encoding';
import { NOT_JSON, TOO_LARGE, decodeFleet, encodeFleet, jsonText, parseJsonText, toFleetEvent } from './encoding';
import type { EventFilter, EventPage, EventParams } from './event-query';
import { afterTime, countParams, pageParams } from './event-query';
import { migrate } from './migrations';
import type { EventStoreOptions, StoreSettings } from './options';
import { maxAgeMs, parseSettings } from './options';
import type { RetentionReport } from './retention';
import { enforceRetention } from './retention';
import type { StatementName, Statements } from './statements';
import { SCRIPTS, prepareStatements } from './statements';

/** What one commit made durable: `count` events, the last of which has `lastSeq`. */
export interface CommitReport {
  count: number;
  lastSeq: number;
}

export interface Checkpoint {
  time: number;
  machines: Machine[];
}

/** One operator command, as the audit log keeps it. */
export interface CommandRecord {
  time: number;
  user: string | null;
  role: string | null;
  machineId: string | null;
  action: string;
  args: unknown;
  ok: boolean;
  code: string | null;
  message: string | null;
}

export interface AuditRecord extends CommandRecord {
  id: number;
}

export interface StoreStats {
  eventCount: number;
  firstTime: number | null;
  lastTime: number | null;
  sizeBytes: number;
  batchesCommitted: number;
  /** Payloads (and command arguments) stored as `{"unserialisable":true}` since the store opened. */
  unserialisable: number;
  /** Events accepted but not yet committed. */
  pending: number;
}

export interface Recovery {
  /** Where the broken database now is. */
  movedTo: string;
  /** Why it could not be opened. */
  reason: string;
}

const RETENTION_EVERY_MS = 60 * 60 * 1000;
/** After a failed commit (disk full, a lock held too long) the queue is kept and retried at this pace. */
const RETRY_MS = 1_000;
const REPLAY_PAGE = 1_000;
const KNOWN_STATUSES = new Set<string>(RVM_STATUSES);
const PAGE_STATEMENTS = {
  asc: { all: 'eventsAsc', machine: 'machineEventsAsc' },
  desc: { all: 'eventsDesc', machine: 'machineEventsDesc' },
} as const satisfies Record<EventPage['order'], Record<string, StatementName>>;

type Listener<T> = (value: T) => void;

interface CheckpointRow {
  time: number;
  fleet: unknown;
}

function listen<T>(listeners: Set<Listener<T>>, listener: Listener<T>): Unsubscribe {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** One faulty listener must not keep the others from hearing, nor undo what already happened. */
function emit<T>(listeners: Set<Listener<T>>, value: T, what: string): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      console.error(`event store ${what} listener failed:`, error);
    }
  }
}

function isEpochMs(value: unknown): value is number {
  return typeof value === 'number' && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}

function isTextOrNull(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string';
}

function eventProblem(event: NewFleetEvent): string | null {
  if (typeof event !== 'object' || event === null) return 'it is not an object';
  if (!isEpochMs(event.time)) return `its time (${String(event.time)}) is not epoch ms`;
  if (typeof event.type !== 'string' || event.type === '') return 'it has no type';
  if (!isTextOrNull(event.machineId)) return 'its machine id is not text';
  if (!isTextOrNull(event.status)) return 'its status is not text';
  return null;
}

/** The caller validates events; this only keeps one bad event from failing a whole batch later. */
function checkEvent(event: NewFleetEvent): void {
  const problem = eventProblem(event);
  if (problem) throw new StoreError('invalid-input', `Event not stored: ${problem}.`);
}

function checkTime(time: number, what: string): void {
  if (!isEpochMs(time)) throw new StoreError('invalid-input', `${what} needs a time in epoch ms, not ${String(time)}.`);
}

function checkCommand(entry: CommandRecord): void {
  checkTime(entry.time, 'An audit entry');
  if (typeof entry.action !== 'string' || entry.action === '') {
    throw new StoreError('invalid-input', 'An audit entry needs the action it records.');
  }
}

/**
 * The SQLite cache of every fleet event, for offline review and replay.
 *
 * Appends are queued and committed in batches (one transaction per `batchMs` or per `batchSize`
 * events, whichever comes first). **`onCommit` is the acknowledgement**: an event reported there is
 * in the database and survives a crash of the process; an event not yet reported may be lost with
 * the process, and was never acknowledged. (With `synchronous=NORMAL` a power cut can still undo the
 * last commits; that is the price of the insert rate.) Call `close()` on shutdown to commit the rest.
 *
 * All work is synchronous on the caller's thread; the timers are unref'd and never keep Node alive.
 */
export class EventStore {
  /**
   * Opens the store at `path`, creating the file and folder if missing, migrating the schema and
   * enforcing retention. Throws `StoreError`:
   * - `corrupt`: the file is not a readable database. Move it aside and start fresh (`openOrRecover`).
   * - `newer-version` (a `MigrationError`): a newer app made it. Tell the user; do not touch the file.
   * - `migration-edited`, `migration-failed` (`MigrationError`): a defect of this build; report it.
   * - `unavailable`: the file cannot be opened (permissions, locks, the native module). Show the reason.
   * - `invalid-options`: a setting is out of range; the message names each one.
   */
  static open(path: string, options: EventStoreOptions = {}): EventStore {
    const settings = parseSettings(options);
    const db = openDatabase(path, { nativeBinding: options.nativeBinding, busyTimeoutMs: settings.busyTimeoutMs });
    try {
      migrate(db);
      return new EventStore(db, path, settings, options.fleetProvider ?? null);
    } catch (error) {
      db.close();
      if (isCorruption(error)) {
        throw new StoreError('corrupt', `${path} is damaged: ${(error as Error).message}.`, { cause: error });
      }
      throw error;
    }
  }

  private readonly statements: Statements;
  private readonly commitQueue: () => number;
  // The queue, column by column: accepting an event allocates nothing but its payload's JSON text.
  private readonly times: number[] = [];
  private readonly machineIds: (string | null)[] = [];
  private readonly types: string[] = [];
  private readonly statuses: (string | null)[] = [];
  private readonly payloads: string[] = [];
  private readonly commitListeners = new Set<Listener<CommitReport>>();
  private readonly errorListeners = new Set<Listener<Error>>();
  private readonly damagedCheckpoints = new Set<number>();
  private readonly retentionTimer: NodeJS.Timeout;
  private batchTimer: NodeJS.Timeout | null = null;
  private failing = false;
  private closed = false;
  private batches = 0;
  private unserialisable = 0;
  /** Time of the newest committed event. */
  private newestTime: number | null = null;
  /** Where the automatic checkpoint's clock starts: the newest checkpoint, else the first event. */
  private checkpointBase: number | null = null;
  private eventsSinceCheckpoint = 0;

  private constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private settings: StoreSettings,
    private readonly fleetProvider: (() => Machine[]) | null,
  ) {
    this.statements = prepareStatements(db);
    const insert = this.statements.insertEvent;
    this.commitQueue = db.transaction(() => {
      let lastSeq = 0;
      for (let i = 0; i < this.times.length; i++) {
        const info = insert.run(this.times[i], this.machineIds[i], this.types[i], this.statuses[i], this.payloads[i]);
        lastSeq = Number(info.lastInsertRowid);
      }
      return lastSeq;
    });
    this.enforceRetention(Date.now());
    this.retentionTimer = setInterval(this.retainOnSchedule, RETENTION_EVERY_MS);
    this.retentionTimer.unref();
  }

  get pendingCount(): number {
    return this.times.length;
  }

  /**
   * Accepts an event for the next batch. Throws `invalid-input` (nothing accepted) for an event
   * whose time or type is missing, or `closed`. Never throws for a payload: one that JSON cannot
   * express, or longer than `maxPayloadChars`, is stored as `{"unserialisable":true,…}` and counted.
   */
  append(event: NewFleetEvent): void {
    this.assertOpen();
    checkEvent(event);
    this.enqueue(event);
  }

  /** Accepts all of the events or, if one is invalid, none of them. */
  appendMany(events: readonly NewFleetEvent[]): void {
    this.assertOpen();
    events.forEach(checkEvent);
    for (const event of events) this.enqueue(event);
  }

  /** Commits the queue now. Throws if the database refuses it; the queue is then kept and retried. */
  flush(): void {
    this.assertOpen();
    try {
      this.commit();
    } catch (error) {
      this.failed();
      throw error;
    }
  }

  /** The acknowledgement: called after every commit, with what it made durable. */
  onCommit(listener: Listener<CommitReport>): Unsubscribe {
    return listen(this.commitListeners, listener);
  }

  /**
   * Failures nobody called for: a timed commit, an automatic checkpoint, the hourly retention.
   * Without a listener they go to the console.
   */
  onError(listener: Listener<Error>): Unsubscribe {
    return listen(this.errorListeners, listener);
  }

  writeCheckpoint(time: number, machines: readonly Machine[]): void {
    this.assertOpen();
    checkTime(time, 'A checkpoint');
    this.statements.putCheckpoint.run({
      time: Math.round(time),
      machineCount: machines.length,
      fleet: encodeFleet(machines),
    });
    this.syncCheckpointClock();
  }

  /** The newest readable checkpoint at or before `time`: the start of a replay to `time`. */
  checkpointAtOrBefore(time: number): Checkpoint | null {
    this.assertOpen();
    checkTime(time, 'A checkpoint lookup');
    const damaged: number[] = [];
    let found: Checkpoint | null = null;
    for (const row of this.statements.checkpointsAtOrBefore.iterate({ time }) as Iterable<CheckpointRow>) {
      const machines = decodeFleet(row.fleet);
      if (machines) {
        found = { time: row.time, machines };
        break;
      }
      damaged.push(row.time);
    }
    // Reported once the SQLite cursor is closed, so a listener may use the store.
    for (const at of damaged) this.reportDamagedCheckpoint(at);
    return found;
  }

  latestCheckpoint(): Checkpoint | null {
    return this.checkpointAtOrBefore(Number.MAX_SAFE_INTEGER);
  }

  /**
   * One page of committed events, ordered by (time, seq). The next page starts from the last event
   * of this one: `cursor: {time, seq}` of it. A page shorter than `limit` is the last.
   */
  query(filter: EventFilter, page: EventPage): FleetEvent[] {
    this.assertOpen();
    const params = pageParams(filter, page);
    const names = PAGE_STATEMENTS[page.order];
    return this.page(this.statements[params.machineId === undefined ? names.all : names.machine], params);
  }

  /** How many records fall in each of `buckets` equal slices of `[from, to)`. */
  density(from: number, to: number, buckets: number): number[] {
    this.assertOpen();
    const counts = new Array<number>(buckets).fill(0);
    if (!(to > from) || buckets < 1) return counts;
    const rows = this.statements.eventDensity.all({ from: Math.floor(from), to: Math.ceil(to), buckets }) as Array<{ bucket: number; count: number }>;
    for (const row of rows) counts[Math.floor(row.bucket)] += row.count;
    return counts;
  }

  /** How many server events arrived in each minute of `[from, to)`; minutes without any are left out. */
  eventsPerMinute(from: number, to: number): Array<{ minute: number; count: number }> {
    this.assertOpen();
    return this.statements.eventsPerMinute.all({ from: Math.floor(from), to: Math.ceil(to) }) as Array<{ minute: number; count: number }>;
  }

  count(filter: EventFilter): number {
    this.assertOpen();
    const params = countParams(filter);
    const statement = params.machineId === undefined ? this.statements.countEvents : this.statements.countMachineEvents;
    return statement.pluck().get(params) as number;
  }

  /**
   * The committed events with `fromExclusive < time <= toInclusive`, in (time, seq) order, for
   * replay and export. It reads a page at a time rather than holding one SQLite cursor open: an open
   * cursor would make every commit fail with "connection busy" until the caller finished, and a
   * replay may be consumed slowly. Events committed meanwhile are included if they sort after the
   * page already read.
   */
  *eventsBetween(fromExclusive: number, toInclusive: number): Generator<FleetEvent, void, undefined> {
    let cursor = afterTime(fromExclusive);
    for (;;) {
      this.assertOpen();
      const rows = this.page(
        this.statements.eventsAsc,
        pageParams({ to: toInclusive }, { limit: REPLAY_PAGE, order: 'asc', cursor }),
      );
      yield* rows;
      if (rows.length < REPLAY_PAGE) return;
      const last = rows[rows.length - 1];
      cursor = { time: last.time, seq: last.seq };
    }
  }

  timeRange(): { first: number; last: number } | null {
    this.assertOpen();
    const range = this.statements.timeRange.get() as { first: number | null; last: number | null };
    return range.first === null || range.last === null ? null : { first: range.first, last: range.last };
  }

  /** Writes one audit row at once (commands are rare and each one matters). Returns its id. */
  recordCommand(entry: CommandRecord): number {
    this.assertOpen();
    checkCommand(entry);
    const args = jsonText(entry.args, this.settings.maxPayloadChars);
    this.countUnserialisable(args);
    const info = this.statements.insertAudit.run({
      time: Math.round(entry.time),
      user: entry.user,
      role: entry.role,
      machineId: entry.machineId,
      action: entry.action,
      args,
      ok: entry.ok ? 1 : 0,
      code: entry.code,
      message: entry.message,
    });
    return Number(info.lastInsertRowid);
  }

  /** The newest `limit` audit entries, newest first. */
  listAudit(limit: number): AuditRecord[] {
    this.assertOpen();
    if (!Number.isInteger(limit) || limit < 1) {
      throw new StoreError('invalid-input', `The audit list needs a positive whole limit, not ${String(limit)}.`);
    }
    const rows = this.statements.listAudit.all({ limit }) as (Omit<AuditRecord, 'ok' | 'args'> & { ok: number; args: string | null })[];
    return rows.map((row) => ({ ...row, ok: row.ok === 1, args: parseJsonText(row.args) }));
  }

  getMeta(key: string): string | null {
    this.assertOpen();
    return (this.statements.getMeta.pluck().get(key) as string | undefined) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.assertOpen();
    this.statements.setMeta.run(key, value);
  }

  /**
   * Applies the retention settings as of `now`: see `enforceRetention` in retention.ts. Runs on open
   * and then hourly; the queue is not touched.
   */
  /** The retention in force, and a way to change it (checked as at open; applied at once). */
  get retention(): StoreSettings['retention'] {
    return { ...this.settings.retention };
  }

  configureRetention(retention: Partial<StoreSettings['retention']>, now = Date.now()): RetentionReport {
    this.assertOpen();
    this.settings = parseSettings({ ...this.settings, retention: { ...this.settings.retention, ...retention } });
    return this.enforceRetention(now);
  }

  enforceRetention(now: number): RetentionReport {
    this.assertOpen();
    const { maxBytes } = this.settings.retention;
    const report = enforceRetention(this.db, this.statements, { maxAgeMs: maxAgeMs(this.settings), maxBytes }, now);
    this.syncCheckpointClock();
    return report;
  }

  /** The space the database takes on disk: its pages plus the write-ahead log. */
  sizeBytes(): number {
    this.assertOpen();
    const pages = this.statements.pageCount.pluck().get() as number;
    const pageSize = this.statements.pageSize.pluck().get() as number;
    return pages * pageSize + this.walBytes();
  }

  /** Returns free pages to the file system and empties the write-ahead log. Returns the size after. */
  compact(): number {
    this.assertOpen();
    this.db.exec(SCRIPTS.incrementalVacuum);
    this.statements.walCheckpointTruncate.get();
    return this.sizeBytes();
  }

  stats(): StoreStats {
    const range = this.timeRange();
    return {
      eventCount: this.statements.countAll.pluck().get() as number,
      firstTime: range?.first ?? null,
      lastTime: range?.last ?? null,
      sizeBytes: this.sizeBytes(),
      batchesCommitted: this.batches,
      unserialisable: this.unserialisable,
      pending: this.times.length,
    };
  }

  /**
   * Commits the queue, stops the timers and closes the database. Safe to call twice. If the final
   * commit fails the database is closed anyway and the error is thrown: those events were never
   * acknowledged.
   */
  close(): void {
    if (this.closed) return;
    try {
      this.commit();
    } finally {
      this.closed = true;
      this.stopBatchTimer();
      clearInterval(this.retentionTimer);
      this.db.close();
      this.commitListeners.clear();
      this.errorListeners.clear();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('closed', 'The event store is closed.');
  }

  private enqueue(event: NewFleetEvent): void {
    const payload = jsonText(event.payload, this.settings.maxPayloadChars);
    this.countUnserialisable(payload);
    const status = event.status ?? null;
    this.times.push(Math.round(event.time));
    this.machineIds.push(event.machineId ?? null);
    this.types.push(event.type);
    this.statuses.push(status === null || KNOWN_STATUSES.has(status) ? status : normaliseStatus(status));
    this.payloads.push(payload);
    if (this.times.length >= this.settings.batchSize && !this.failing) this.commitOrRetry();
    else if (!this.batchTimer) this.startBatchTimer(this.settings.batchMs);
  }

  private countUnserialisable(text: string): void {
    if (text === NOT_JSON || text === TOO_LARGE) this.unserialisable++;
  }

  private page(statement: Database.Statement, params: EventParams): FleetEvent[] {
    return (statement.all(params) as EventRow[]).map(toFleetEvent);
  }

  /** Throws if the transaction fails; the queue is then untouched. */
  private commit(): void {
    this.stopBatchTimer();
    const count = this.times.length;
    if (count === 0) return;
    const lastSeq = this.commitQueue();
    let oldest = this.times[0];
    let newest = this.times[0];
    for (const time of this.times) {
      if (time < oldest) oldest = time;
      if (time > newest) newest = time;
    }
    this.times.length = 0;
    this.machineIds.length = 0;
    this.types.length = 0;
    this.statuses.length = 0;
    this.payloads.length = 0;
    this.failing = false;
    this.batches++;
    this.eventsSinceCheckpoint += count;
    this.newestTime = this.newestTime === null ? newest : Math.max(this.newestTime, newest);
    this.checkpointBase ??= oldest;
    emit(this.commitListeners, { count, lastSeq }, 'commit');
    this.checkpointIfDue();
  }

  private commitOrRetry(): void {
    try {
      this.commit();
    } catch (error) {
      this.failed();
      this.report(error);
    }
  }

  private failed(): void {
    this.failing = true;
    this.startBatchTimer(RETRY_MS);
  }

  private readonly onBatchTimer = (): void => {
    this.batchTimer = null;
    this.commitOrRetry();
  };

  private readonly retainOnSchedule = (): void => {
    try {
      this.enforceRetention(Date.now());
    } catch (error) {
      this.report(error);
    }
  };

  private startBatchTimer(ms: number): void {
    this.stopBatchTimer();
    this.batchTimer = setTimeout(this.onBatchTimer, ms);
    this.batchTimer.unref();
  }

  private stopBatchTimer(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }

  private checkpointIfDue(): void {
    if (!this.fleetProvider || this.newestTime === null) return;
    const every = this.settings.checkpointEvery;
    const byEvents = this.eventsSinceCheckpoint >= every.events;
    const byTime = this.checkpointBase !== null && this.newestTime - this.checkpointBase >= every.ms;
    if (!byEvents && !byTime) return;
    try {
      this.writeCheckpoint(this.newestTime, this.fleetProvider());
    } catch (error) {
      // Try again after another interval rather than after every batch.
      this.eventsSinceCheckpoint = 0;
      this.checkpointBase = this.newestTime;
      this.report(error);
    }
  }

  /** Re-reads where the automatic checkpoint clock stands, after checkpoints were written or removed. */
  private syncCheckpointClock(): void {
    const latest = this.statements.latestCheckpointTime.pluck().get() as number | null;
    const range = this.timeRange();
    this.newestTime = range?.last ?? null;
    this.checkpointBase = latest ?? range?.first ?? null;
    this.eventsSinceCheckpoint = this.statements.countAfter
      .pluck()
      .get({ after: latest ?? Number.MIN_SAFE_INTEGER, limit: this.settings.checkpointEvery.events }) as number;
  }

  private reportDamagedCheckpoint(time: number): void {
    if (this.damagedCheckpoints.has(time)) return;
    this.damagedCheckpoints.add(time);
    const when = new Date(time).toISOString();
    this.report(new StoreError('corrupt', `The fleet checkpoint of ${when} cannot be read; an older one is used.`));
  }

  private walBytes(): number {
    try {
      return statSync(`${this.path}-wal`).size;
    } catch {
      return 0; // no log file yet (or already truncated away)
    }
  }

  private report(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (this.errorListeners.size === 0) console.error('event store:', failure);
    emit(this.errorListeners, failure, 'error');
  }
}

/**
 * Opens the store; if the file is not a readable database, moves it (with its WAL) aside as
 * `<path>.corrupt-<time>` and starts an empty one, saying so in `recovered` so the app can tell the
 * operator that the cached history was set aside. Every other error is thrown as `EventStore.open`
 * throws it: a newer or unknown schema is never moved aside, because the data in it is fine.
 */
export function openOrRecover(
  path: string,
  options: EventStoreOptions = {},
): { store: EventStore; recovered: Recovery | null } {
  try {
    return { store: EventStore.open(path, options), recovered: null };
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'corrupt') throw error;
    const movedTo = moveAside(path);
    return { store: EventStore.open(path, options), recovered: { movedTo, reason: error.message } };
  }
}
