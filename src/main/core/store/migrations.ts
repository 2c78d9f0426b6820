import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { StoreError } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

type MigrationErrorCode = 'migration-edited' | 'newer-version' | 'migration-failed';

export class MigrationError extends StoreError {
  constructor(code: MigrationErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'MigrationError';
  }
}

/**
 * The schema, in the order it grew. An applied migration is never edited (its hash is checked on
 * every open): change the schema by appending a new version.
 *
 * `seq` is the rowid, so the `(time)` index is really `(time, seq)` and `(machine_id, time)` is
 * `(machine_id, time, seq)`: keyset pages walk them without sorting. There is deliberately no
 * `(type, time)` index: the queries filter types inside a time or machine range, and every index
 * costs the insert path, which must sustain tens of thousands of events per second.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, checkpoints, audit, meta',
    sql: `
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  time INTEGER NOT NULL, -- epoch ms of the fact
  machine_id TEXT,
  type TEXT NOT NULL,
  status TEXT,
  payload TEXT NOT NULL -- JSON
);
CREATE INDEX events_time ON events (time);
CREATE INDEX events_machine_time ON events (machine_id, time);

CREATE TABLE checkpoints (
  time INTEGER PRIMARY KEY, -- the fleet as it was after every event up to this epoch ms
  machine_count INTEGER NOT NULL,
  fleet BLOB NOT NULL -- deflated JSON of Machine[]
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  user TEXT,
  role TEXT,
  machine_id TEXT,
  action TEXT NOT NULL,
  args TEXT, -- JSON
  ok INTEGER NOT NULL,
  code TEXT,
  message TEXT
);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
];

const LEDGER = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

interface AppliedMigration {
  version: number;
  name: string;
  hash: string;
}

/** Line endings are normalised so a checkout with CRLF files agrees with the databases it made on another OS. */
export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

function check(applied: readonly AppliedMigration[], known: readonly Migration[]): void {
  const newest = known.at(-1)?.version ?? 0;
  const future = applied.find((row) => row.version > newest);
  if (future) {
    throw new MigrationError(
      'newer-version',
      `This event store was made by a newer version of RVM Control Room (schema ${future.version}, this version knows up to ${newest}). ` +
        'Update the app, or start it with another --data-dir.',
    );
  }
  for (const row of applied) {
    const migration = known.find((candidate) => candidate.version === row.version);
    if (!migration || migrationHash(migration.sql) !== row.hash) {
      throw new MigrationError(
        'migration-edited',
        `Migration ${row.version} ("${row.name}") was changed after it was applied to this database. ` +
          'Applied migrations must never be edited: restore it and add a new migration instead.',
      );
    }
  }
}

/**
 * Brings the schema up to date: checks every applied migration against its hash, then applies the
 * pending ones in one transaction (all or none). The write lock is taken first, so two processes
 * opening the same file cannot both migrate it. Returns the versions applied now.
 */
export function migrate(db: Database.Database, known: readonly Migration[] = MIGRATIONS, now = Date.now()): number[] {
  const run = db.transaction(() => {
    db.exec(LEDGER);
    const applied = db
      .prepare('SELECT version, name, hash FROM schema_migrations ORDER BY version')
      .all() as AppliedMigration[];
    check(applied, known);
    const done = new Set(applied.map((row) => row.version));
    const record = db.prepare('INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (?, ?, ?, ?)');
    const pending = known.filter((migration) => !done.has(migration.version));
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(
          'migration-failed',
          `Migration ${migration.version} ("${migration.name}") failed: ${reason}. The database was left unchanged.`,
          { cause: error },
        );
      }
      record.run(migration.version, migration.name, migrationHash(migration.sql), now);
    }
    return pending.map((migration) => migration.version);
  });
  return run.immediate();
}
