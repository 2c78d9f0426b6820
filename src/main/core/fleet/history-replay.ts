import type { FleetEvent, Machine } from '../../../shared/fleet';
import { SNAPSHOT_EVENT } from '../../../shared/fleet';
import { FleetState } from './fleet-state';

/**
 * Applies one history record to a fleet, the way it was applied live: status-bearing records set
 * the status at their time; a snapshot record of a removed machine marks it removed. Used to load
 * the last known fleet on an offline start, and to show the fleet as it was at any moment.
 */
export function applyHistoryEvent(fleet: FleetState, event: Pick<FleetEvent, 'time' | 'machineId' | 'type' | 'status' | 'payload'>): void {
  if (event.machineId === null) return;
  const payload = (event.payload ?? {}) as { removed?: unknown; rvm_name?: unknown; name?: unknown; location?: unknown };
  if (event.type === SNAPSHOT_EVENT && payload.removed === true) {
    const current = fleet.get(event.machineId);
    if (current && current.factAt <= event.time) fleet.put({ ...current, removed: true, factAt: event.time });
    return;
  }
  if (event.status === null) return;
  const name = typeof payload.rvm_name === 'string' ? payload.rvm_name : typeof payload.name === 'string' ? payload.name : undefined;
  fleet.applyStatus({
    id: event.machineId,
    status: event.status,
    at: event.time,
    name,
    location: typeof payload.location === 'string' ? payload.location : undefined,
  });
}

/** The fleet at a moment: a checkpoint's machines plus the records after it, in order. */
export function fleetFrom(checkpoint: readonly Machine[], events: Iterable<FleetEvent>): FleetState {
  const fleet = new FleetState();
  fleet.reset(checkpoint);
  for (const event of events) applyHistoryEvent(fleet, event);
  return fleet;
}
