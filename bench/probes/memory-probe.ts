// A control room alone in a process, for its resident memory: signed in to a demo server with a
// large fleet, on a cache of a million events. Started by the memory scenario with --expose-gc; the
// job comes in BENCH_PROBE (JSON) and the measurement goes out as one JSON line on stdout.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FleetEvent } from '../../src/shared/fleet';
import { MemorySecretStore } from '../../src/main/core/profiles/secret-store';
import { cacheFile } from '../../src/main/core/session/server-session';
import { EventStore } from '../../src/main/core/store/event-store';
import { openRoom, saveProfile, signInOperator } from '../lib/control-room';
import type { ServerAddress } from '../lib/live-client';
import { sleep, until } from '../lib/stats';

export interface MemoryJob {
  server: ServerAddress;
  rvms: number;
  /** The seeded cache to start from (copied, never changed). */
  cachePath: string;
  /** The naive client: every cached event also held in memory as an object. */
  keepEvents: boolean;
  settleMs: number;
}

export interface MemoryReading {
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  machines: number;
  eventsInMemory: number;
  gc: boolean;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_PROBE ?? '{}') as MemoryJob;
  const dataDir = mkdtempSync(join(tmpdir(), 'rvm-bench-memory-'));
  try {
    const room = await openRoom(dataDir, new MemorySecretStore());
    const profileId = await saveProfile(room, job.server);
    const cache = cacheFile(dataDir, profileId);
    mkdirSync(dirname(cache), { recursive: true });
    copyFileSync(job.cachePath, cache);
    await signInOperator(room, profileId);
    await until(() => room.connectionState().phase === 'live' && room.fleet.size >= job.rvms, 60_000, 'the fleet to be live', 50);

    // The naive client's history: every event, as an object, for as long as the app runs.
    const history: FleetEvent[] = [];
    if (job.keepEvents) {
      const reader = EventStore.open(cache, {});
      for (const event of reader.eventsBetween(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) history.push(event);
      reader.close();
    }
    await sleep(job.settleMs);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    await sleep(100);
    gc?.();
    const usage = process.memoryUsage();
    const reading: MemoryReading = {
      rssBytes: usage.rss,
      heapUsedBytes: usage.heapUsed,
      externalBytes: usage.external,
      machines: room.fleet.size,
      eventsInMemory: history.length,
      gc: gc !== undefined,
    };
    process.stdout.write(`${JSON.stringify(reading)}\n`);
    await room.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`memory probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
