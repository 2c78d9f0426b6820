import type { FleetFigures, Machine } from '../../../shared/fleet';
import type { FleetState, MachineChange } from './fleet-state';

export interface FleetSnapshot {
  /** Epoch ms when the snapshot was asked for: facts newer than this beat it. */
  takenAt: number;
  machines: readonly Machine[];
  figures: FleetFigures;
}

export interface ReconcileResult {
  /** Rows the snapshot changed or added (with the status before, for history and alerts). */
  changed: MachineChange[];
  /** Rows that were in the fleet but not in the snapshot: marked removed. */
  removed: Machine[];
  /** Rows where an event newer than the snapshot was kept. */
  keptNewer: number;
}

/**
 * Merges a REST snapshot with what the fleet already holds, per machine: the newer fact wins.
 * A row's fact dates from its `last_status_change` where the server gives one (the platform
 * caches this reply for up to a minute, so the reply's own time would overstate its freshness),
 * else from when the snapshot was asked for. Everything older the snapshot corrects, so nothing
 * missed while disconnected survives as a wrong status.
 */
export function reconcile(fleet: FleetState, snapshot: FleetSnapshot): ReconcileResult {
  const result: ReconcileResult = { changed: [], removed: [], keptNewer: 0 };
  const seen = new Set<string>();
  for (const fresh of snapshot.machines) {
    seen.add(fresh.id);
    const current = fleet.get(fresh.id);
    const changedAt = fresh.lastChange === null ? NaN : Date.parse(fresh.lastChange);
    const factAt = Number.isFinite(changedAt) ? Math.min(changedAt, snapshot.takenAt) : snapshot.takenAt;
    if (current && current.factAt > factAt) {
      result.keptNewer++;
      continue;
    }
    if (current && sameFacts(current, fresh)) continue;
    const merged: Machine = {
      ...fresh,
      // The newer server shape has no status-change time: keep ours when the status did not move,
      // take the snapshot's time when we saw it move, and admit we do not know for a new machine.
      lastChange:
        fresh.lastChange ??
        (!current ? null : current.status === fresh.status ? current.lastChange : new Date(snapshot.takenAt).toISOString()),
      factAt,
      removed: false,
    };
    result.changed.push(fleet.put(merged, current));
  }
  for (const machine of fleet.machines()) {
    if (seen.has(machine.id) || machine.removed || machine.factAt > snapshot.takenAt) continue;
    const removed = { ...machine, removed: true, factAt: snapshot.takenAt };
    fleet.put(removed, machine);
    result.removed.push(removed);
  }
  fleet.setFigures(snapshot.figures);
  return result;
}

function sameFacts(a: Machine, b: Machine): boolean {
  return (
    !a.removed &&
    a.status === b.status &&
    a.name === b.name &&
    a.location === b.location &&
    a.capacity === b.capacity &&
    a.activeSessions === b.activeSessions &&
    a.sessionsToday === b.sessionsToday &&
    a.depositsToday === b.depositsToday &&
    (b.lastChange === null || a.lastChange === b.lastChange)
  );
}
