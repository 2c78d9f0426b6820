import { create } from 'zustand';
import type { RvmStatus } from '../../../shared/statuses';

export type ViewName = 'desk' | 'dashboard' | 'history' | 'about';

export type SortKey = 'name' | 'location' | 'status' | 'capacity' | 'lastChange' | 'activeSessions';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
  /** How many like it were folded into this one. */
  count: number;
  /** Toasts with the same group key fold into one ("5 machines changed"). */
  group: string | null;
  at: number;
}

interface UiState {
  view: ViewName;
  /** The machine whose drawer is open. */
  openMachineId: string | null;
  statusFilter: ReadonlySet<RvmStatus>;
  search: string;
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  /** Machines ticked for a bulk action. */
  selection: ReadonlySet<string>;
  toasts: Toast[];
  setView(view: ViewName): void;
  openMachine(id: string | null): void;
  toggleStatus(status: RvmStatus): void;
  setSearch(text: string): void;
  sortBy(key: SortKey): void;
  setSelection(ids: ReadonlySet<string>): void;
  toast(toast: Omit<Toast, 'id' | 'count' | 'at'>): void;
  dismissToast(id: number): void;
}

const TOAST_LIMIT = 5;
let nextToastId = 1;

export const useUiStore = create<UiState>((set, get) => ({
  view: 'desk',
  openMachineId: null,
  statusFilter: new Set(),
  search: '',
  sort: { key: 'status', direction: 'desc' },
  selection: new Set(),
  toasts: [],
  setView: (view) => set({ view }),
  openMachine: (openMachineId) => set({ openMachineId }),
  toggleStatus: (status) => {
    const next = new Set(get().statusFilter);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    set({ statusFilter: next });
  },
  setSearch: (search) => set({ search }),
  sortBy: (key) => {
    const { sort } = get();
    set({ sort: { key, direction: sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc' } });
  },
  setSelection: (selection) => set({ selection }),
  toast: (toast) => {
    const now = Date.now();
    const toasts = get().toasts;
    const same = toast.group ? toasts.find((t) => t.group === toast.group && now - t.at < 5_000) : undefined;
    if (same) {
      set({ toasts: toasts.map((t) => (t === same ? { ...t, ...toast, count: t.count + 1, at: now } : t)) });
      return;
    }
    set({ toasts: [...toasts, { ...toast, id: nextToastId++, count: 1, at: now }].slice(-TOAST_LIMIT) });
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));
