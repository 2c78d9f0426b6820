import type { WallViewName } from '../../../../shared/wall-layout';

export interface PlaylistEntry {
  view: WallViewName;
  /** How long this entry stays up; the playlist's interval when absent. */
  seconds?: number;
}

export interface PlaylistState {
  index: number;
  entry: PlaylistEntry;
  /** Someone is using the display: the current view stays until they have been quiet a while. */
  paused: boolean;
  /** Epoch ms the current entry went up (or came back after a pause), for the progress bar. */
  startedAt: number;
  /** How long the current entry stays up from `startedAt`. */
  durationMs: number;
}

export interface PlaylistOptions {
  intervalSeconds: number;
  /** Seconds without interaction before the rotation goes on. */
  resumeAfterSeconds: number;
}

/**
 * A wall display's rotation through its views. Plain timers (setTimeout) and no DOM, so it runs the
 * same under test with fake timers. The listener hears every change: a new entry, a pause, a resume.
 */
export class Playlist {
  private index = 0;
  private paused = false;
  private startedAt = Date.now();
  private rotateTimer: ReturnType<typeof setTimeout> | null = null;
  private resumeTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly entries: readonly PlaylistEntry[],
    private readonly options: PlaylistOptions,
    private readonly listener: (state: PlaylistState) => void,
  ) {
    if (entries.length === 0) throw new Error('A playlist needs at least one entry.');
    this.schedule();
  }

  get state(): PlaylistState {
    return {
      index: this.index,
      entry: this.entries[this.index],
      paused: this.paused,
      startedAt: this.startedAt,
      durationMs: this.durationOf(this.index),
    };
  }

  /** Pointer or key activity: hold the current view, and go on once it has been quiet for a while. */
  interact(): void {
    if (this.disposed || !this.rotates()) return;
    this.holdUntilQuiet();
    if (this.paused) return;
    this.paused = true;
    this.notify();
  }

  /** Puts one entry up at once (someone chose it), held like any other interaction. */
  show(index: number): void {
    if (this.disposed || !this.rotates() || index < 0 || index >= this.entries.length) return;
    this.holdUntilQuiet();
    if (this.paused && index === this.index) return;
    this.paused = true;
    this.index = index;
    this.startedAt = Date.now();
    this.notify();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
  }

  /** A single view has nowhere to rotate to: it never pauses either. */
  private rotates(): boolean {
    return this.entries.length > 1;
  }

  private durationOf(index: number): number {
    return (this.entries[index].seconds ?? this.options.intervalSeconds) * 1000;
  }

  private schedule(): void {
    if (!this.rotates()) return;
    this.rotateTimer = setTimeout(() => this.advance(), this.durationOf(this.index));
  }

  private advance(): void {
    this.rotateTimer = null;
    this.index = (this.index + 1) % this.entries.length;
    this.startedAt = Date.now();
    this.schedule();
    this.notify();
  }

  private holdUntilQuiet(): void {
    this.clearTimers();
    this.resumeTimer = setTimeout(() => this.resume(), this.options.resumeAfterSeconds * 1000);
  }

  /** The view that was held gets its full time again: whoever looked at it has only just stopped. */
  private resume(): void {
    this.resumeTimer = null;
    this.paused = false;
    this.startedAt = Date.now();
    this.schedule();
    this.notify();
  }

  private clearTimers(): void {
    if (this.rotateTimer !== null) clearTimeout(this.rotateTimer);
    if (this.resumeTimer !== null) clearTimeout(this.resumeTimer);
    this.rotateTimer = null;
    this.resumeTimer = null;
  }

  private notify(): void {
    this.listener(this.state);
  }
}
