import type { RvmStatus } from '../../../../shared/statuses';
import { isCritical } from '../../../../shared/statuses';

/** A room hears one tone for a burst of failures, not one per machine. */
export const SOUND_GAP_MS = 5_000;

export interface StatusFact {
  id: string;
  status: RvmStatus;
  removed?: boolean;
}

/**
 * Decides when the wall sounds: a machine that newly becomes full or error (a change from another
 * status; full → error counts, a machine first seen already critical does not), at most once every
 * `minGapMs`, never while muted. No audio here, so the decision can be tested on its own.
 */
export class CriticalSoundPolicy {
  private readonly known = new Map<string, RvmStatus>();
  private lastSoundAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly minGapMs: number = SOUND_GAP_MS) {}

  /** The fleet as it stands when the wall starts: remembered, never sounded. */
  remember(machines: Iterable<StatusFact>): void {
    for (const machine of machines) if (!machine.removed) this.known.set(machine.id, machine.status);
  }

  /**
   * The machines a patch carries (the whole fleet when `reset`): true when the tone should play now.
   * A reset also forgets machines that are gone, so one that comes back is not mistaken for a change.
   */
  observe(changed: Iterable<StatusFact>, now: number, options: { muted: boolean; reset?: boolean }): boolean {
    let alarming = false;
    const seen = options.reset ? new Set<string>() : null;
    for (const machine of changed) {
      if (machine.removed) {
        this.known.delete(machine.id);
        continue;
      }
      seen?.add(machine.id);
      const before = this.known.get(machine.id);
      if (before !== undefined && before !== machine.status && isCritical(machine.status)) alarming = true;
      this.known.set(machine.id, machine.status);
    }
    if (seen) for (const id of [...this.known.keys()]) if (!seen.has(id)) this.known.delete(id);
    if (!alarming || options.muted || now - this.lastSoundAt < this.minGapMs) return false;
    this.lastSoundAt = now;
    return true;
  }
}

export const MUTED_KEY = 'rvm.wall.muted';

/** The display's own choice wins (someone stood there and pressed the button); else the layout's. */
export function initialMuted(storage: Pick<Storage, 'getItem'>, layoutSound: boolean): boolean {
  const saved = storage.getItem(MUTED_KEY);
  if (saved === 'true') return true;
  if (saved === 'false') return false;
  return !layoutSound;
}

export function saveMuted(storage: Pick<Storage, 'setItem'>, muted: boolean): void {
  storage.setItem(MUTED_KEY, String(muted));
}
