import { create } from 'zustand';
import type { FleetFigures, FleetPatch, Machine } from '../../../shared/fleet';

/** Minutes of history the events-per-minute chart shows. */
export const RATE_WINDOW_MINUTES = 60;

interface FleetStoreState {
  /**
   * The fleet by id. The map is mutated in place and `version` moves on every patch: copying
   * 10,000 rows up to sixty times a second would cost more than the rendering it feeds.
   */
  machines: Map<string, Machine>;
  /** When each machine last changed live (performance.now()), for the row flash. */
  changedAt: Map<string, number>;
  figures: FleetFigures | null;
  version: number;
  /** Events per minute over the last hour: minute (epoch ms) → count. */
  rate: Map<number, number>;
  rateVersion: number;
  /**
   * Set while the operator replays the history: the fleet shown is the fleet at `time`, and live
   * patches are not applied to it (the live fleet is read afresh on the way back).
   */
  replay: { time: number } | null;
  applyPatch(patch: FleetPatch): void;
  showReplayFrame(frame: { time: number; machines: readonly Machine[] }): void;
  leaveReplay(): void;
  seedRate(buckets: ReadonlyArray<{ minute: number; count: number }>): void;
}

export const useFleetStore = create<FleetStoreState>((set, get) => ({
  machines: new Map(),
  changedAt: new Map(),
  figures: null,
  version: 0,
  rate: new Map(),
  rateVersion: 0,
  replay: null,
  applyPatch: (patch) => {
    const { machines, changedAt, rate, replay } = get();
    if (replay) {
      if (patch.eventCount > 0) addToRate(rate, patch.eventCount);
      return;
    }
    if (patch.reset) {
      machines.clear();
      changedAt.clear();
    }
    const now = performance.now();
    for (const machine of patch.machines) {
      const previous = machines.get(machine.id);
      machines.set(machine.id, machine);
      // A reset is the fleet arriving, not the fleet changing: nothing flashes.
      if (!patch.reset && previous && previous.status !== machine.status) changedAt.set(machine.id, now);
    }
    for (const id of patch.deleted) {
      machines.delete(id);
      changedAt.delete(id);
    }
    let rateVersion = get().rateVersion;
    if (patch.eventCount > 0) {
      addToRate(rate, patch.eventCount);
      rateVersion++;
    }
    set({ figures: patch.figures ?? get().figures, version: get().version + 1, rateVersion });
  },
  showReplayFrame: (frame) => {
    const { machines, changedAt } = get();
    const now = performance.now();
    const first = get().replay === null;
    const seen = new Set<string>();
    for (const machine of frame.machines) {
      const previous = machines.get(machine.id);
      if (!first && previous && previous.status !== machine.status) changedAt.set(machine.id, now);
      machines.set(machine.id, machine);
      seen.add(machine.id);
    }
    for (const id of [...machines.keys()]) if (!seen.has(id)) machines.delete(id);
    set({ replay: { time: frame.time }, version: get().version + 1 });
  },
  leaveReplay: () => set({ replay: null }),
  seedRate: (buckets) => {
    const { rate } = get();
    for (const bucket of buckets) rate.set(bucket.minute, Math.max(rate.get(bucket.minute) ?? 0, bucket.count));
    pruneRate(rate, Math.floor(Date.now() / 60_000) * 60_000);
    set({ rateVersion: get().rateVersion + 1 });
  },
}));

function addToRate(rate: Map<number, number>, count: number): void {
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  rate.set(minute, (rate.get(minute) ?? 0) + count);
  pruneRate(rate, minute);
}

function pruneRate(rate: Map<number, number>, currentMinute: number): void {
  const oldest = currentMinute - (RATE_WINDOW_MINUTES - 1) * 60_000;
  for (const minute of rate.keys()) if (minute < oldest) rate.delete(minute);
}

/** The machines as a list (not the removed ones unless asked), for views that need all of them. */
export function fleetList(machines: ReadonlyMap<string, Machine>, includeRemoved = false): Machine[] {
  const list: Machine[] = [];
  for (const machine of machines.values()) if (includeRemoved || !machine.removed) list.push(machine);
  return list;
}
