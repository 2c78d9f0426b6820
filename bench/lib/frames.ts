import type { Browser } from 'playwright-core';
import { openPage } from './browser';
import type { FrameRecord } from './page-probes';
import { refreshPeriod } from './page-probes';
import { percentile } from './stats';

export interface FrameStats {
  /** p95 of frame times counted in whole display refreshes, ms. */
  p95: number;
  /** p95 of the raw intervals between animation frames, ms. */
  rawP95: number;
  /** Per cent of frames that took longer than one refresh. */
  slowShare: number;
  frames: number;
  longTasks: number;
  longTaskMs: number;
  refreshMs: number;
}

/**
 * The display's refresh period, from an idle blank page (a busy page would skew it), to a whole
 * refresh rate: Chromium rounds animation-frame times to 0.1 ms, so 60 Hz reads 16.6 to 16.8 ms.
 */
export async function displayRefresh(browser: Browser): Promise<number> {
  const { page, context } = await openPage(browser, 'about:blank');
  try {
    return 1000 / Math.round(1000 / (await page.evaluate(refreshPeriod)));
  } finally {
    await context.close();
  }
}

/**
 * Each interval between animation frames counted in display refreshes (rounded): an on-time frame
 * is one refresh (16.67 ms at 60 Hz), a frame that missed one is two. The raw intervals jitter by
 * about ±0.1 ms around the refresh even on an idle page, which would read every on-time frame as
 * either side of a 16.7 ms budget; their p95 is reported beside.
 */
export function frameStats(record: FrameRecord, refreshMs: number): FrameStats {
  const refreshes = record.intervals.map((interval) => Math.max(1, Math.round(interval / refreshMs)));
  return {
    p95: percentile(refreshes, 95) * refreshMs,
    rawP95: percentile(record.intervals, 95),
    slowShare: (100 * refreshes.filter((count) => count > 1).length) / Math.max(1, refreshes.length),
    frames: refreshes.length,
    longTasks: record.longTasks.length,
    longTaskMs: record.longTasks.reduce((sum, ms) => sum + ms, 0),
    refreshMs,
  };
}
