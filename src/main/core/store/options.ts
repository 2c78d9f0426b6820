import { z } from 'zod';
import type { Machine } from '../../../shared/fleet';
import { StoreError } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Below this a database cannot even hold its schema and one checkpoint; a smaller cap is a typo. */
const MIN_MAX_BYTES = 64 * 1024;

const positiveInt = z.number().int().positive();

const SettingsSchema = z.strictObject({
  busyTimeoutMs: z.number().int().nonnegative().default(5_000),
  batchMs: positiveInt.default(50),
  batchSize: positiveInt.default(1_000),
  /** Larger payloads are stored as `{"unserialisable":true,"reason":"too-large"}`. */
  maxPayloadChars: positiveInt.default(1024 * 1024),
  checkpointEvery: z
    .strictObject({
      events: positiveInt.default(20_000),
      ms: positiveInt.default(10 * 60 * 1000),
    })
    .prefault({}),
  retention: z
    .strictObject({
      maxAgeDays: z.number().positive().default(90),
      maxBytes: z
        .number()
        .int()
        .min(MIN_MAX_BYTES, `must be at least ${MIN_MAX_BYTES} bytes (64 KiB)`)
        .default(2 * 1024 ** 3),
    })
    .prefault({}),
});

export type StoreSettings = z.infer<typeof SettingsSchema>;

export interface EventStoreOptions extends Partial<Omit<StoreSettings, 'checkpointEvery' | 'retention'>> {
  /** Path of the better-sqlite3 binary built for Electron; tests and the hub use the Node build. */
  nativeBinding?: string;
  /** The current fleet, for automatic checkpoints. Without it, checkpoints are written only on request. */
  fleetProvider?: () => Machine[];
  checkpointEvery?: Partial<StoreSettings['checkpointEvery']>;
  retention?: Partial<StoreSettings['retention']>;
}

/** Validates and completes the tunable settings; a wrong value fails with every problem named. */
export function parseSettings(options: EventStoreOptions): StoreSettings {
  const { nativeBinding: _binding, fleetProvider: _provider, ...tunables } = options;
  const result = SettingsSchema.safeParse(tunables);
  if (!result.success) {
    throw new StoreError('invalid-options', `Invalid event store settings:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export function maxAgeMs(settings: StoreSettings): number {
  return settings.retention.maxAgeDays * DAY_MS;
}
