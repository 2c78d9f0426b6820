// Drives the simulator in real time at a set rate: one timer, a batch of events per tick.
// A per-event timer could not reach benchmark rates (tens of thousands per second).

/** After a stall (a busy event loop, a debugger) the feed skips ahead instead of bursting. */
const MAX_CATCH_UP_MS = 250;

export class LiveFeed {
  private timer: NodeJS.Timeout | undefined;
  private lastTick = 0;
  /** Fractional events owed from earlier ticks, so low rates still come out right on average. */
  private owed = 0;
  private generatedCount = 0;

  constructor(
    private readonly emit: (now: number) => void,
    private eventsPerSecond: number,
    private readonly tickMs: number,
  ) {}

  get rate(): number {
    return this.eventsPerSecond;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Events generated since the server started. */
  get generated(): number {
    return this.generatedCount;
  }

  setRate(eventsPerSecond: number): void {
    this.eventsPerSecond = eventsPerSecond;
  }

  start(): void {
    if (this.timer) return;
    this.lastTick = Date.now();
    this.owed = 0;
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Date.now();
    const elapsed = Math.min(now - this.lastTick, MAX_CATCH_UP_MS);
    this.lastTick = now;
    this.owed += (this.eventsPerSecond * elapsed) / 1000;
    const due = Math.floor(this.owed);
    this.owed -= due;
    for (let i = 0; i < due; i++) this.emit(now);
    this.generatedCount += due;
  }
}
