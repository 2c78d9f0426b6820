import type { FleetPatch } from '../../../shared/fleet';
import type { FleetState } from './fleet-state';

/** About one display frame: the renderer never gets more patches than it can paint. */
export const PATCH_INTERVAL_MS = 16;

/**
 * Sends the renderer coalesced patches: only the machines that changed, at most once a frame,
 * however many events arrived meanwhile. A reset sends the whole fleet (after reconciliation).
 */
export class FleetOutbox {
  private timer: NodeJS.Timeout | null = null;
  private resetPending = false;
  private eventCount = 0;

  constructor(
    private readonly fleet: FleetState,
    private readonly send: (patch: FleetPatch) => void,
    private readonly intervalMs = PATCH_INTERVAL_MS,
  ) {}

  /** Something changed (or `count` events were applied): a patch will follow within a frame. */
  touch(count = 0): void {
    this.eventCount += count;
    this.schedule();
  }

  /** The next patch carries the whole fleet. */
  resetAll(): void {
    this.resetPending = true;
    this.schedule();
  }

  /** Sends what is pending now, without waiting for the frame. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const reset = this.resetPending;
    const changes = this.fleet.takeChanges();
    if (!reset && changes.machines.length === 0 && changes.figures === null && this.eventCount === 0) return;
    this.resetPending = false;
    const patch: FleetPatch = {
      reset,
      machines: reset ? this.fleet.machines() : changes.machines,
      deleted: [],
      figures: reset ? this.fleet.figures : changes.figures,
      eventCount: this.eventCount,
    };
    this.eventCount = 0;
    this.send(patch);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }
}
