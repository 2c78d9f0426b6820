import type Database from 'better-sqlite3';
import type { Statements } from './statements';
import { SCRIPTS } from './statements';

export interface RetentionLimits {
  maxAgeMs: number;
  maxBytes: number;
}

export interface RetentionReport {
  eventsRemoved: { byAge: number; bySize: number };
  checkpointsRemoved: { byAge: number; bySize: number };
  /** Bytes the data occupies afterwards (pages in use; free pages are returned by the vacuum). */
  usedBytes: number;
  /**
   * False when the size cap could not be met without removing events newer than the newest
   * checkpoint, which is what brings that checkpoint up to date and so is never removed by size.
   */
  withinBudget: boolean;
}

/** Small enough that one delete never holds the write lock for long; large enough to finish in few rounds. */
const CHUNK = 10_000;

/** Free pages are not counted: they are reusable, and the vacuum at the end hands them back to the OS. */
function usedBytes(statements: Statements): number {
  const pages = statements.pageCount.pluck().get() as number;
  const free = statements.freelistCount.pluck().get() as number;
  return (pages - free) * (statements.pageSize.pluck().get() as number);
}

function deleteAllBefore(statements: Statements, before: number): number {
  let total = 0;
  for (;;) {
    const removed = statements.deleteEventsBefore.run({ before, limit: CHUNK }).changes;
    total += removed;
    if (removed < CHUNK) return total;
  }
}

/**
 * Events to remove next to get under the cap, estimated from the share of bytes over it. The seq
 * span stands in for the count (retention removes from the old end, so the two stay close) because
 * counting rows reads the whole index.
 */
function nextChunk(statements: Statements, used: number, maxBytes: number): number {
  const span = (statements.seqSpan.pluck().get() as number | null) ?? 0;
  return Math.min(CHUNK, Math.max(1, Math.ceil((span * (used - maxBytes)) / used)));
}

/**
 * Removes events and checkpoints older than the age limit, then the oldest events until the data
 * fits the size cap, then returns the freed pages to the file system.
 *
 * By size, only events older than the newest checkpoint go: together with that checkpoint the newer
 * ones are the cached fleet the app shows at start. Older checkpoints go as the events after them
 * do, except the one that the oldest remaining events start from.
 */
export function enforceRetention(
  db: Database.Database,
  statements: Statements,
  limits: RetentionLimits,
  now: number,
): RetentionReport {
  const cutoff = now - limits.maxAgeMs;
  const eventsByAge = deleteAllBefore(statements, cutoff);
  const checkpointsByAge = statements.deleteCheckpointsBefore.run({ before: cutoff }).changes;

  const newestCheckpoint = statements.latestCheckpointTime.pluck().get() as number | null;
  const removable = newestCheckpoint ?? Number.MAX_SAFE_INTEGER;
  let eventsBySize = 0;
  let checkpointsBySize = 0;
  let used = usedBytes(statements);
  while (used > limits.maxBytes) {
    const limit = nextChunk(statements, used, limits.maxBytes);
    const removed = statements.deleteEventsBefore.run({ before: removable, limit }).changes;
    const pruned = statements.pruneCheckpoints.run().changes;
    eventsBySize += removed;
    checkpointsBySize += pruned;
    used = usedBytes(statements);
    if (removed === 0 && pruned === 0) break;
  }
  db.exec(SCRIPTS.incrementalVacuum);
  return {
    eventsRemoved: { byAge: eventsByAge, bySize: eventsBySize },
    checkpointsRemoved: { byAge: checkpointsByAge, bySize: checkpointsBySize },
    usedBytes: used,
    withinBudget: used <= limits.maxBytes,
  };
}
