import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { useStoreFolder } from './testing/store-folder';

const folder = useStoreFolder();
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const writerSource = fileURLToPath(new URL('./testing/crash-writer.ts', import.meta.url));

/** Runs the writer until it has acknowledged `commits` batches, then kills it. Returns the highest seq it acknowledged. */
async function killMidBatch(writer: string, database: string, commits: number): Promise<number> {
  const child = spawn(process.execPath, [writer, database], {
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let acknowledged = 0;
  let lines = 0;
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const enough = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) {
        acknowledged = Math.max(acknowledged, Number(line));
        lines++;
      }
      if (lines >= commits) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`the writer stopped by itself (${code ?? signal}): ${stderr}`)));
  });
  await enough;
  child.kill('SIGKILL');
  // Lines printed before the kill still count: each was printed only after its commit.
  await once(child, 'close');
  expect(child.signalCode).toBe('SIGKILL');
  return acknowledged;
}

describe('crash safety', () => {
  it('keeps every acknowledged event when the writer is killed mid-batch, again and again', async () => {
    const writer = folder.path('writer.cjs');
    buildSync({
      entryPoints: [writerSource],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      outfile: writer,
      logLevel: 'silent',
    });
    const database = folder.path('events.db');
    let previous = 0;
    for (let round = 1; round <= 3; round++) {
      const acknowledged = await killMidBatch(writer, database, 8);
      expect(acknowledged).toBeGreaterThan(previous);
      const db = new Database(database);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare('SELECT count(*) FROM events WHERE seq <= ?').pluck().get(acknowledged)).toBe(acknowledged);
        expect(db.prepare('SELECT max(seq) FROM events').pluck().get()).toBeGreaterThanOrEqual(acknowledged);
      } finally {
        db.close();
      }
      previous = acknowledged;
    }
    const reopened = folder.open();
    expect(reopened.count({})).toBeGreaterThanOrEqual(previous);
  });
});
