import type { FleetFigures, Machine } from '../../../../shared/fleet';
import type { RvmStatus } from '../../../../shared/statuses';
import { RVM_STATUSES } from '../../../../shared/statuses';

/**
 * What the dashboard shows, derived from the fleet store. Pure functions, so the charts can be
 * fed on a slow clock and the derivations tested without a browser.
 */

export type StatusCounts = Readonly<Record<RvmStatus, number>> & { readonly total: number };

/** Machines per status, over the machines still in the fleet (removed ones are history). */
export function countStatuses(machines: Iterable<Machine>): StatusCounts {
  const counts: Record<RvmStatus, number> & { total: number } = { total: 0, active: 0, full: 0, maintenance: 0, inactive: 0, error: 0, unknown: 0 };
  for (const machine of machines) {
    if (machine.removed) continue;
    counts[machine.status]++;
    counts.total++;
  }
  return counts;
}

export function sameCounts(a: StatusCounts, b: StatusCounts): boolean {
  return a.total === b.total && RVM_STATUSES.every((status) => a[status] === b[status]);
}

/** Fill levels in ten buckets (0–9 %, 10–19 %, …, 90–100 %), and how many machines report none. */
export interface CapacityHistogram {
  readonly buckets: readonly number[];
  readonly unknown: number;
}

export const CAPACITY_BUCKETS = 10;

export function capacityHistogram(machines: Iterable<Machine>): CapacityHistogram {
  const buckets = new Array<number>(CAPACITY_BUCKETS).fill(0);
  let unknown = 0;
  for (const machine of machines) {
    if (machine.removed) continue;
    const capacity = machine.capacity;
    if (capacity === null || !Number.isFinite(capacity)) {
      unknown++;
      continue;
    }
    // 100 % belongs to the last bucket (90–100 %), and anything outside 0–100 to the nearest end.
    const bucket = Math.min(CAPACITY_BUCKETS - 1, Math.max(0, Math.floor(capacity / 10)));
    buckets[bucket]++;
  }
  return { buckets, unknown };
}

export function sameHistogram(a: CapacityHistogram, b: CapacityHistogram): boolean {
  return a.unknown === b.unknown && sameNumbers(a.buckets, b.buckets);
}

/** The lower bound of each bucket, for labels: 0, 10, …, 90. */
export function bucketRange(index: number): { from: number; to: number } {
  return { from: index * 10, to: index === CAPACITY_BUCKETS - 1 ? 100 : index * 10 + 9 };
}

export interface RatePoint {
  /** Start of the minute, epoch ms. */
  readonly minute: number;
  readonly count: number;
}

export const MINUTE_MS = 60_000;

export function minuteOf(time: number): number {
  return Math.floor(time / MINUTE_MS) * MINUTE_MS;
}

/** The last `minutes` minutes up to and including the current one, oldest first; no events is 0. */
export function ratePoints(rate: ReadonlyMap<number, number>, now: number, minutes: number): RatePoint[] {
  const current = minuteOf(now);
  const points: RatePoint[] = [];
  for (let i = minutes - 1; i >= 0; i--) {
    const minute = current - i * MINUTE_MS;
    points.push({ minute, count: rate.get(minute) ?? 0 });
  }
  return points;
}

export function samePoints(a: readonly RatePoint[], b: readonly RatePoint[]): boolean {
  return a.length === b.length && a.every((point, i) => point.minute === b[i].minute && point.count === b[i].count);
}

/**
 * Deposits today: the server's own figure when it sent one; otherwise the sum over machines that
 * report theirs; null when nobody knows.
 */
export function depositsToday(figures: FleetFigures | null, machines: Iterable<Machine>): number | null {
  if (figures?.depositsToday != null) return figures.depositsToday;
  let sum: number | null = null;
  for (const machine of machines) {
    if (machine.removed || machine.depositsToday === null) continue;
    sum = (sum ?? 0) + machine.depositsToday;
  }
  return sum;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
