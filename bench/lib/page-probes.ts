// Instruments that run inside the page (Chromium), passed to Playwright as functions: each must be
// self-contained (it is serialised), reads the DOM only, and keeps what it measures on `window`.
// Times are wall-clock epoch ms (performance.timeOrigin + performance.now()), comparable with the
// bench process's Date.now() after the offset `pageClockOffset` measures.

/**
 * One row's status change as the page showed it: machine id, new status, the time of the change the
 * row now shows (its `<time datetime>`: the machine's last status change, which is the event's own
 * time, to the millisecond), when the DOM changed, and when the frame holding it had been painted.
 */
export type PaintRecord = [id: string, status: string, changedAt: number, mutatedAt: number, paintedAt: number];

export interface FrameRecord {
  /** Intervals between consecutive animation frames, ms. */
  intervals: number[];
  /** Durations of long tasks (over 50 ms), ms. */
  longTasks: number[];
}

/**
 * Installed before the page's own scripts: every change of a row's `data-status` is recorded with the
 * change time the row shows, and once the frame that shows it has been rendered (a requestAnimationFrame, then a message, which
 * runs after that frame's style, layout and paint), its paint time. Also notes when the first
 * fleet row was painted, for the start-up scenario.
 */
export function installPaintProbe(): void {
  const page = window as unknown as { __benchPaints: PaintRecord[]; __benchFirstRowPaintedAt: number | null };
  page.__benchPaints = [];
  page.__benchFirstRowPaintedAt = null;
  const now = () => performance.timeOrigin + performance.now();
  const pending: PaintRecord[] = [];
  let firstRowPending = false;
  let scheduled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const paintedAt = now();
    for (const record of pending) record[4] = paintedAt;
    page.__benchPaints.push(...pending);
    pending.length = 0;
    if (firstRowPending) {
      page.__benchFirstRowPaintedAt = paintedAt;
      firstRowPending = false;
    }
    scheduled = false;
  };
  const afterPaint = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => channel.port2.postMessage(0));
  };
  new MutationObserver((records) => {
    const mutatedAt = now();
    for (const record of records) {
      if (record.type !== 'attributes') continue;
      const row = record.target as Element;
      const id = row.getAttribute('data-rvm-id');
      if (id === null) continue;
      const changedAt = Date.parse(row.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');
      pending.push([id, row.getAttribute('data-status') ?? '', changedAt, mutatedAt, 0]);
    }
    if (page.__benchFirstRowPaintedAt === null && !firstRowPending && document.querySelector('[data-rvm-id][data-status]')) firstRowPending = true;
    if (pending.length > 0 || firstRowPending) afterPaint();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
}

/** Starts recording frame intervals and long tasks. */
export function startFrameProbe(): void {
  const page = window as unknown as { __benchFrames: FrameRecord & { running: boolean } };
  const frames = { intervals: [] as number[], longTasks: [] as number[], running: true };
  page.__benchFrames = frames;
  let last = 0;
  const tick = (time: number) => {
    if (!frames.running) return;
    if (last > 0) frames.intervals.push(time - last);
    last = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    if (!frames.running) return observer.disconnect();
    for (const entry of list.getEntries()) frames.longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
}

export function stopFrameProbe(): FrameRecord {
  const page = window as unknown as { __benchFrames: FrameRecord & { running: boolean } };
  page.__benchFrames.running = false;
  return { intervals: page.__benchFrames.intervals, longTasks: page.__benchFrames.longTasks };
}

/** The page's records so far. */
export function takePaints(): PaintRecord[] {
  return (window as unknown as { __benchPaints: PaintRecord[] }).__benchPaints.splice(0);
}

export function firstRowPaintedAt(): number | null {
  return (window as unknown as { __benchFirstRowPaintedAt: number | null }).__benchFirstRowPaintedAt;
}

export function pageNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Median interval between animation frames over about a second: the display's refresh period. */
export function refreshPeriod(): Promise<number> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = 0;
    const tick = (time: number) => {
      if (last > 0) intervals.push(time - last);
      last = time;
      if (intervals.length < 60) requestAnimationFrame(tick);
      else resolve(intervals.sort((a, b) => a - b)[30]);
    };
    requestAnimationFrame(tick);
  });
}
