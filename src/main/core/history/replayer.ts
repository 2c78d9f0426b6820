import type { FleetEvent, Machine } from '../../../shared/fleet';
import { FleetState } from '../fleet/fleet-state';
import { applyHistoryEvent } from '../fleet/history-replay';
import type { EventStore } from '../store/event-store';

export interface ReplayFrame {
  /** The moment shown. */
  time: number;
  machines: Machine[];
  /** The checkpoint the frame was built from, and how many records were applied after it. */
  checkpointTime: number | null;
  applied: number;
}

/**
 * Shows the fleet as it was at any moment: the nearest checkpoint at or before it plus the records
 * after it. Moving forward from the last frame only applies the records in between, so playback at
 * 600× costs what the history in that stretch costs, not a rebuild per frame.
 */
export class Replayer {
  private fleet: FleetState | null = null;
  private position = Number.NEGATIVE_INFINITY;
  private base: number | null = null;

  constructor(private readonly store: EventStore) {}

  at(time: number): ReplayFrame {
    this.store.flush();
    let applied = 0;
    if (!this.fleet || time < this.position) {
      const checkpoint = this.store.checkpointAtOrBefore(time);
      this.fleet = new FleetState();
      this.fleet.reset(checkpoint?.machines ?? []);
      this.base = checkpoint?.time ?? null;
      this.position = checkpoint?.time ?? Number.MIN_SAFE_INTEGER;
    }
    for (const event of this.store.eventsBetween(this.position, time)) {
      applyHistoryEvent(this.fleet, event);
      applied++;
    }
    this.position = Math.max(this.position, time);
    return { time, machines: this.fleet.machines(), checkpointTime: this.base, applied };
  }

  /** The record just before or after a moment, for stepping through the history one event at a time. */
  step(time: number, direction: 'next' | 'previous', machineId?: string): FleetEvent | null {
    this.store.flush();
    const [event] =
      direction === 'next'
        ? this.store.query({ from: time + 1, machineId }, { limit: 1, order: 'asc' })
        : this.store.query({ to: time - 1, machineId }, { limit: 1, order: 'desc' });
    return event ?? null;
  }
}
