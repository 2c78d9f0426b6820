import { useMemo } from 'react';
import { create } from 'zustand';
import type { HistoryFilter } from '../../../../shared/contract';
import type { RvmStatus } from '../../../../shared/statuses';

export const PRESETS = ['15m', '1h', '24h', '7d'] as const;
export type Preset = (typeof PRESETS)[number];
/** `all` is the whole cache (first to last event); `custom` is the operator's own from/to. */
export type RangeChoice = Preset | 'all' | 'custom';

const PRESET_MS: Record<Preset, number> = { '15m': 15 * 60_000, '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };

export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

export function presetRange(preset: Preset, now: number): { from: number; to: number } {
  return { from: now - PRESET_MS[preset], to: now };
}

/**
 * What the history view is looking at, kept outside the view so that going to the desk during a
 * replay and coming back finds the same range, filters and cursor (and a playback keeps playing).
 */
interface HistoryState {
  range: RangeChoice;
  from: number;
  to: number;
  machineId: string | null;
  types: readonly string[];
  statuses: readonly RvmStatus[];
  order: 'asc' | 'desc';
  /** Moves when the operator asks to read again: the list, count and timeline follow it. */
  revision: number;
  /** The replay cursor (epoch ms); null until the operator first moves it. */
  cursor: number | null;
  playing: boolean;
  speed: Speed;
  setRange(range: RangeChoice, from: number, to: number): void;
  setMachine(machineId: string | null): void;
  toggleType(type: string): void;
  setTypes(types: readonly string[]): void;
  toggleStatus(status: RvmStatus): void;
  clearStatuses(): void;
  setOrder(order: 'asc' | 'desc'): void;
  refresh(): void;
}

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}

export const useHistoryStore = create<HistoryState>((set, get) => ({
  range: '1h',
  ...presetRange('1h', Date.now()),
  machineId: null,
  types: [],
  statuses: [],
  order: 'desc',
  revision: 0,
  cursor: null,
  playing: false,
  speed: 60,
  setRange: (range, from, to) => set({ range, from, to, revision: get().revision + 1 }),
  setMachine: (machineId) => set({ machineId }),
  toggleType: (type) => set({ types: toggled(get().types, type) }),
  setTypes: (types) => set({ types }),
  toggleStatus: (status) => set({ statuses: toggled(get().statuses, status) }),
  clearStatuses: () => set({ statuses: [] }),
  setOrder: (order) => set({ order }),
  refresh: () => {
    const { range } = get();
    // A preset means "up to now": reading again moves its end to the present.
    const moved = range === 'all' || range === 'custom' ? {} : presetRange(range, Date.now());
    set({ ...moved, revision: get().revision + 1 });
  },
}));

/** The filter the list, the count and the export share. */
export function filterOf(state: Pick<HistoryState, 'from' | 'to' | 'machineId' | 'types' | 'statuses'>): HistoryFilter {
  return {
    from: state.from,
    to: state.to,
    ...(state.machineId ? { machineId: state.machineId } : {}),
    ...(state.types.length ? { types: [...state.types] } : {}),
    ...(state.statuses.length ? { statuses: [...state.statuses] } : {}),
  };
}

/** The filter as a stable value for effects: equal filters give equal keys. */
export function useHistoryFilter(): { filter: HistoryFilter; key: string } {
  const from = useHistoryStore((state) => state.from);
  const to = useHistoryStore((state) => state.to);
  const machineId = useHistoryStore((state) => state.machineId);
  const types = useHistoryStore((state) => state.types);
  const statuses = useHistoryStore((state) => state.statuses);
  const revision = useHistoryStore((state) => state.revision);
  return useMemo(() => {
    const filter = filterOf({ from, to, machineId, types, statuses });
    return { filter, key: `${revision}|${JSON.stringify(filter)}` };
  }, [from, to, machineId, types, statuses, revision]);
}
