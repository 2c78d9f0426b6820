import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError, moveAside, openDatabase } from './database';
import { EventStore, openOrRecover } from './event-store';
import { MIGRATIONS, MigrationError, migrate, migrationHash } from './migrations';
import { useStoreFolder } from './testing/store-folder';

const folder = useStoreFolder();

function names(db: Database.Database, type: 'table' | 'index'): string[] {
  return (db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type) as string[]).filter(
    (name) => !name.startsWith('sqlite_'),
  );
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('opening a database', () => {
  it('creates the folder and sets the pragmas the store relies on', () => {
    const path = join(folder.path('nested'), 'deeper', 'events.db');
    const db = openDatabase(path, { busyTimeoutMs: 1234 });
    try {
      migrate(db);
      expect(existsSync(path)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2); // INCREMENTAL
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      db.close();
    }
  });
});

describe('migrations', () => {
  it('give a fresh database every table and index, and record each migration with its hash', () => {
    folder.open().close();
    const db = new Database(folder.path());
    try {
      expect(names(db, 'table')).toEqual(['audit', 'checkpoints', 'events', 'meta', 'schema_migrations']);
      expect(names(db, 'index')).toEqual(['events_machine_time', 'events_time']);
      const ledger = db.prepare('SELECT version, name, hash FROM schema_migrations').all();
      expect(ledger).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, hash: migrationHash(m.sql) })));
    } finally {
      db.close();
    }
  });

  it('do nothing on reopen', () => {
    const store = folder.open();
    store.append({ time: 1, machineId: 'a', type: 'rvm.status.updated', status: 'active', payload: {} });
    store.close();
    const db = new Database(folder.path());
    try {
      const before = db.prepare('SELECT * FROM schema_migrations').all();
      expect(migrate(db, MIGRATIONS, Date.now() + 60_000)).toEqual([]);
      expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(before);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('apply a new migration on top of the applied ones', () => {
    folder.open().close();
    const db = new Database(folder.path());
    try {
      const next = [...MIGRATIONS, { version: 2, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER)' }];
      expect(migrate(db, next)).toEqual([2]);
      expect(names(db, 'table')).toContain('extra');
    } finally {
      db.close();
    }
  });

  it('apply all pending migrations in one transaction: a failing one leaves the database unchanged', () => {
    const db = new Database(folder.path());
    try {
      const broken = [...MIGRATIONS, { version: 2, name: 'broken', sql: 'CREATE TABLE half (' }];
      const error = thrown(() => migrate(db, broken));
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).code).toBe('migration-failed');
      expect((error as Error).message).toMatch(/Migration 2 \("broken"\) failed.*left unchanged/);
      expect(names(db, 'table')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuse an applied migration whose SQL was edited', () => {
    folder.open().close();
    const db = new Database(folder.path());
    try {
      const edited = [{ ...MIGRATIONS[0], sql: `${MIGRATIONS[0].sql}\nCREATE INDEX events_type ON events (type);` }];
      const error = thrown(() => migrate(db, edited));
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).code).toBe('migration-edited');
      expect((error as Error).message).toMatch(/Migration 1 .* was changed after it was applied/);
      expect(names(db, 'index')).not.toContain('events_type');
    } finally {
      db.close();
    }
  });

  it('treat a checkout with CRLF line endings as the same migration', () => {
    expect(migrationHash('CREATE TABLE a (x);\r\nCREATE TABLE b (y);\r\n')).toBe(
      migrationHash('CREATE TABLE a (x);\nCREATE TABLE b (y);\n'),
    );
  });

  it('refuse a database made by a newer version, and recovery leaves it in place', () => {
    folder.open().close();
    const db = new Database(folder.path());
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x', 0)").run();
    db.close();
    const error = thrown(() => EventStore.open(folder.path()));
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe('newer-version');
    expect((error as Error).message).toMatch(/made by a newer version of RVM Control Room \(schema 99, this version knows up to 1\)/);
    expect(() => openOrRecover(folder.path())).toThrow(MigrationError);
    expect(existsSync(folder.path())).toBe(true);
  });
});

describe('a file that is not a database', () => {
  const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256));

  it('fails to open with a typed corrupt error', () => {
    writeFileSync(folder.path(), garbage);
    const error = thrown(() => EventStore.open(folder.path()));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('corrupt');
    expect((error as Error).message).toContain('is not a readable event store');
  });

  it('is moved aside by openOrRecover, which starts a fresh store', () => {
    writeFileSync(folder.path(), garbage);
    const { store, recovered } = openOrRecover(folder.path());
    try {
      expect(recovered).not.toBeNull();
      expect(recovered?.reason).toContain('not a readable event store');
      expect(readFileSync(recovered!.movedTo)).toEqual(garbage);
      store.append({ time: 5, machineId: null, type: 'gap', status: null, payload: null });
      store.flush();
      expect(store.count({})).toBe(1);
    } finally {
      store.close();
    }
  });

  it('is moved together with its WAL and shared-memory files, which must not meet a fresh database', () => {
    writeFileSync(folder.path(), garbage);
    writeFileSync(`${folder.path()}-wal`, 'log');
    writeFileSync(`${folder.path()}-shm`, 'shm');
    const movedTo = moveAside(folder.path(), new Date(0));
    expect(movedTo).toBe(`${folder.path()}.corrupt-1970-01-01T00-00-00-000Z`);
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('log');
    expect(readFileSync(`${movedTo}-shm`, 'utf8')).toBe('shm');
    expect(['', '-wal', '-shm'].some((suffix) => existsSync(folder.path() + suffix))).toBe(false);
    writeFileSync(folder.path(), garbage);
    expect(moveAside(folder.path(), new Date(0))).toBe(`${movedTo}-2`);
  });

  it('is not touched when the database is fine', () => {
    folder.open().close();
    const { store, recovered } = openOrRecover(folder.path());
    store.close();
    expect(recovered).toBeNull();
  });
});
