import type { FleetFigures, Machine } from '../../../shared/fleet';
import type { RvmStatus } from '../../../shared/statuses';

/** What changed in one machine, for the history, the alerts and the outbox. */
export interface MachineChange {
  machine: Machine;
  /** The status before, or null for a machine seen for the first time. */
  from: RvmStatus | null;
  statusChanged: boolean;
}

export interface StatusFact {
  id: string;
  name?: string;
  location?: string | null;
  status: RvmStatus;
  /** Epoch ms of the fact. */
  at: number;
}

export const EMPTY_FIGURES: FleetFigures = {
  totalMachines: null,
  activeSessions: null,
  sessionsToday: null,
  depositsToday: null,
  statusCounts: null,
  asOf: null,
};

/**
 * The fleet as the control room knows it now: one row per machine, and the fleet-wide figures.
 * Every change goes through here, and every change marks its machine dirty for the outbox.
 */
export class FleetState {
  private readonly rows = new Map<string, Machine>();
  private readonly dirty = new Set<string>();
  private figuresValue: FleetFigures = EMPTY_FIGURES;
  private figuresDirty = false;

  get size(): number {
    return this.rows.size;
  }

  get figures(): FleetFigures {
    return this.figuresValue;
  }

  get(id: string): Machine | undefined {
    return this.rows.get(id);
  }

  machines(): Machine[] {
    return [...this.rows.values()];
  }

  /**
   * A status fact from an event or a command reply. An older fact than the one we hold is ignored:
   * events can arrive out of order, and a snapshot may already know better.
   */
  applyStatus(fact: StatusFact): MachineChange | null {
    const current = this.rows.get(fact.id);
    if (current && current.factAt > fact.at) return null;
    const machine: Machine = current
      ? {
          ...current,
          name: fact.name ?? current.name,
          location: fact.location ?? current.location,
          status: fact.status,
          lastChange: current.status === fact.status ? current.lastChange : new Date(fact.at).toISOString(),
          factAt: fact.at,
          removed: false,
        }
      : {
          id: fact.id,
          name: fact.name ?? `RVM ${fact.id}`,
          location: fact.location ?? null,
          status: fact.status,
          capacity: null,
          lastChange: new Date(fact.at).toISOString(),
          activeSessions: null,
          sessionsToday: null,
          depositsToday: null,
          factAt: fact.at,
          removed: false,
        };
    return this.put(machine, current);
  }

  /** Replaces a row wholesale (snapshot merge, replay, cache load). */
  put(machine: Machine, previous = this.rows.get(machine.id)): MachineChange {
    this.rows.set(machine.id, machine);
    this.dirty.add(machine.id);
    return { machine, from: previous?.status ?? null, statusChanged: previous?.status !== machine.status };
  }

  /** Small counters that change with session and deposit events. */
  adjust(id: string, change: Partial<Pick<Machine, 'activeSessions' | 'sessionsToday' | 'depositsToday' | 'capacity'>>): void {
    const current = this.rows.get(id);
    if (!current) return;
    this.rows.set(id, { ...current, ...change });
    this.dirty.add(id);
  }

  setFigures(figures: FleetFigures): void {
    this.figuresValue = figures;
    this.figuresDirty = true;
  }

  /** Loads a whole fleet at once (from the cache on start, or for replay), replacing what was there. */
  reset(machines: readonly Machine[], figures: FleetFigures = EMPTY_FIGURES): void {
    this.rows.clear();
    for (const machine of machines) this.rows.set(machine.id, machine);
    this.figuresValue = figures;
    this.dirty.clear();
    this.figuresDirty = false;
  }

  /** The machines changed since the last call, and whether the figures did; clears both. */
  takeChanges(): { machines: Machine[]; figures: FleetFigures | null } {
    const machines: Machine[] = [];
    for (const id of this.dirty) {
      const row = this.rows.get(id);
      if (row) machines.push(row);
    }
    this.dirty.clear();
    const figures = this.figuresDirty ? this.figuresValue : null;
    this.figuresDirty = false;
    return { machines, figures };
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0 || this.figuresDirty;
  }

  /** Counts per status, for the tray, the cards and the alerts. */
  statusCounts(): Record<RvmStatus, number> {
    const counts: Record<RvmStatus, number> = { active: 0, full: 0, maintenance: 0, inactive: 0, error: 0, unknown: 0 };
    for (const row of this.rows.values()) if (!row.removed) counts[row.status]++;
    return counts;
  }
}
