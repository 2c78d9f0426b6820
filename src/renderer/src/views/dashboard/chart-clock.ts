import { useEffect, useState } from 'react';
import { RATE_WINDOW_MINUTES, useFleetStore } from '../../store/fleet-store';
import type { CapacityHistogram, RatePoint, StatusCounts } from './fleet-figures';
import { capacityHistogram, countStatuses, minuteOf, ratePoints, sameCounts, sameHistogram, samePoints } from './fleet-figures';

/** How often the charts look at the fleet: slow enough that a busy fleet costs nothing, quick enough to feel live. */
export const CHART_CLOCK_MS = 2_000;

/** Above this many machines, counting the fleet on every patch is no longer free. */
export const LARGE_FLEET = 1_000;

export interface ChartSnapshot {
  counts: StatusCounts;
  capacity: CapacityHistogram;
  rate: readonly RatePoint[];
}

/** What a snapshot was taken from: when none of it moved, there is nothing to recompute. */
interface Stamp {
  version: number;
  rateVersion: number;
  minute: number;
}

function stampNow(): Stamp {
  const { version, rateVersion } = useFleetStore.getState();
  return { version, rateVersion, minute: minuteOf(Date.now()) };
}

/**
 * Takes a new snapshot but keeps every part whose values did not change (and the whole snapshot
 * when nothing did), so a chart gets a new series only when there is something new to draw.
 */
function takeSnapshot(previous: ChartSnapshot | null): ChartSnapshot {
  const { machines, rate } = useFleetStore.getState();
  const counts = countStatuses(machines.values());
  const capacity = capacityHistogram(machines.values());
  const points = ratePoints(rate, Date.now(), RATE_WINDOW_MINUTES);
  if (!previous) return { counts, capacity, rate: points };
  const next = {
    counts: sameCounts(previous.counts, counts) ? previous.counts : counts,
    capacity: sameHistogram(previous.capacity, capacity) ? previous.capacity : capacity,
    rate: samePoints(previous.rate, points) ? previous.rate : points,
  };
  const unchanged = next.counts === previous.counts && next.capacity === previous.capacity && next.rate === previous.rate;
  return unchanged ? previous : next;
}

/**
 * The charts' clock: a snapshot of the fleet store every `ms`, never per event. Ticks while the
 * page is hidden are skipped; the window still moves on once a minute even when no event comes.
 */
export function useChartClock(ms: number = CHART_CLOCK_MS): ChartSnapshot {
  const [snapshot, setSnapshot] = useState(() => takeSnapshot(null));
  useEffect(() => {
    let seen: Stamp | null = null;
    const tick = () => {
      if (document.hidden) return;
      const stamp = stampNow();
      if (seen && stamp.version === seen.version && stamp.rateVersion === seen.rateVersion && stamp.minute === seen.minute) return;
      seen = stamp;
      setSnapshot((previous) => takeSnapshot(previous));
    };
    // Catch up at once with anything that arrived between the first render and now.
    tick();
    const timer = window.setInterval(tick, ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return snapshot;
}

/**
 * The fleet store's `version`, for views that count machines: every patch while the fleet is
 * small, at most once per `throttleMs` when it is large.
 */
export function useFleetVersion(throttleMs: number = CHART_CLOCK_MS): number {
  const [version, setVersion] = useState(() => useFleetStore.getState().version);
  useEffect(() => {
    let timer: number | undefined;
    const catchUp = () => {
      timer = undefined;
      setVersion(useFleetStore.getState().version);
    };
    catchUp();
    const unsubscribe = useFleetStore.subscribe((state, previous) => {
      if (state.version === previous.version) return;
      if (state.machines.size < LARGE_FLEET) catchUp();
      else timer ??= window.setTimeout(catchUp, throttleMs);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [throttleMs]);
  return version;
}
