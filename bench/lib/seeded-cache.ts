import { join } from 'node:path';
import { seedHistory } from '../../src/main/core/testing/seed-history';
import type { BenchContext } from './scenario';

export interface SeededCache {
  /** The SQLite file; copy it before opening it with anything that writes. */
  path: string;
  /** Records stored (each simulated broadcast once, its two status channels collapsed). */
  stored: number;
  first: number;
  last: number;
  rvms: number;
  stepMs: number;
}

const STEP_MS = 100;
const made = new Map<string, SeededCache>();

/**
 * A cache filled the way the app fills it (the real ingest and store, on the simulator's clock),
 * made once per run and shared by the scenarios that need one. It ends an hour ago, so the store's
 * 90-day retention keeps all of it.
 */
export function seededCache(context: BenchContext, events: number, rvms: number): SeededCache {
  const key = `${events}:${rvms}`;
  const existing = made.get(key);
  if (existing) return existing;
  const path = join(context.tempDir('history-'), 'seeded.sqlite');
  const started = performance.now();
  const startTime = Date.now() - events * STEP_MS - 3_600_000;
  const seeded = seedHistory(path, { events, rvms, seed: 'bench', startTime, stepMs: STEP_MS });
  context.log(`seeded ${seeded.stored.toLocaleString('en-US')} events for ${rvms} machines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const cache = { path, ...seeded, rvms, stepMs: STEP_MS };
  made.set(key, cache);
  return cache;
}
