import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export type StoreErrorCode =
  /** The file is not an SQLite database, or its structure is damaged. Move it aside (`openOrRecover`). */
  | 'corrupt'
  /** The file could not be opened at all (permissions, a missing native module, a lock held too long). */
  | 'unavailable'
  /** An applied migration's SQL differs from the one this version ships. A developer error: never edit applied migrations. */
  | 'migration-edited'
  /** The database was made by a newer version of the app. Update the app or choose another data folder. */
  | 'newer-version'
  /** A migration failed to apply; its transaction was rolled back and the database is unchanged. */
  | 'migration-failed'
  /** A setting is out of range; the message names each one. Nothing was opened. */
  | 'invalid-options'
  /** An event, query, checkpoint or audit entry the store cannot take; nothing was stored. */
  | 'invalid-input'
  /** The store was closed; nothing was stored. */
  | 'closed';

/** Every failure of the store has a code a caller can branch on and a message a person can act on. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export interface DatabaseOptions {
  /** Path of a better-sqlite3 binary built for the running runtime (Electron); the Node build otherwise. */
  nativeBinding?: string;
  /** How long a statement waits for another connection's lock before failing (SQLite's busy_timeout). */
  busyTimeoutMs: number;
}

/** SQLite's result codes for a file that is not, or no longer, a readable database. */
const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Each batch touches one leaf of the (machine_id, time) index per active machine, so with hundreds of
 * machines a batch rewrites hundreds of pages. A cache that holds those leaves, and a WAL that
 * absorbs many batches before copying pages back (a page rewritten by ten batches is copied once),
 * about double the insert rate compared with SQLite's defaults (2 MB cache, 1,000-page WAL).
 */
const CACHE_KIB = 32 * 1024;
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
/** After a large delete the WAL would otherwise keep its peak size on disk until the next truncating checkpoint. */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isCorruption(error: unknown): boolean {
  return typeof error === 'object' && error !== null && CORRUPT_CODES.has(String((error as { code?: unknown }).code));
}

/**
 * Opens (or creates) the database file with the settings the store relies on. A file that is not a
 * database fails here with `StoreError('corrupt')`, never later: the first pragma reads the header.
 */
export function openDatabase(path: string, options: DatabaseOptions): Database.Database {
  let db: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { nativeBinding: options.nativeBinding, timeout: options.busyTimeoutMs });
  } catch (error) {
    throw new StoreError('unavailable', `The event store at ${path} cannot be opened: ${reason(error)}`, { cause: error });
  }
  try {
    // Must come before the first table exists: afterwards only a full VACUUM could change it.
    db.pragma('auto_vacuum = INCREMENTAL');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`the file system refused write-ahead logging (journal mode is ${String(mode)})`);
    // In WAL mode NORMAL survives a crash of the app; only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    return db;
  } catch (error) {
    db.close();
    if (isCorruption(error)) {
      throw new StoreError('corrupt', `${path} is not a readable event store (${reason(error)}).`, { cause: error });
    }
    throw new StoreError('unavailable', `The event store at ${path} cannot be used: ${reason(error)}`, { cause: error });
  }
}

/** SQLite's companions of a database file: moving only the main file would let a stale WAL replay into a fresh one. */
const COMPANIONS = ['-wal', '-shm'];

/**
 * Renames a broken database (and its WAL and shared-memory files) to `<path>.corrupt-<time>`, so a
 * fresh one can be created in its place while the old one stays available for inspection.
 * Returns the new path of the main file.
 */
export function moveAside(path: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, target);
  for (const suffix of COMPANIONS) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
