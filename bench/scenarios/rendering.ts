// Rendering: the desk in Chromium with 5,000 machines while 500 of them change status every
// second. Frame pacing comes from requestAnimationFrame intervals, long tasks from the
// PerformanceObserver. The demo server runs in this process (its control surface publishes the
// changes); the hub runs as users run it. The baseline is the platform's own way of showing the
// same stream: a full table and a querySelector plus a toast per event (bench/baseline/).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../src/demo-server/index';
import { startDemoServer } from '../../src/demo-server/index';
import { openPage, startHubFor, waitForLiveDesk } from '../lib/browser';
import type { FrameStats } from '../lib/frames';
import { displayRefresh, frameStats } from '../lib/frames';
import type { FrameRecord } from '../lib/page-probes';
import { startFrameProbe, stopFrameProbe } from '../lib/page-probes';
import { formatActivity, tracePageWhile } from '../lib/profile';
import type { BenchContext, Measurement, Scenario } from '../lib/scenario';
import { serveBaselinePage } from '../lib/static-server';
import { driveStatusChanges } from '../lib/status-driver';
import { sleep } from '../lib/stats';

const RATE = 500;
const FRAME_BUDGET_MS = 16.7;

interface Plan {
  rvms: number;
  warmupMs: number;
  windowMs: number;
}

/** Drives the changes for the warm-up, then records frames for the window. */
async function recordFrames(context: BenchContext, browser: Browser, page: Page, server: DemoServer, plan: Plan, label: string): Promise<FrameStats> {
  const refreshMs = await displayRefresh(browser);
  const ids = server.control.truth().map((machine) => machine.id);
  const driver = driveStatusChanges(server, ids, RATE, 'random');
  try {
    await sleep(plan.warmupMs);
    driver.take();
    await page.evaluate(startFrameProbe);
    const window = async () => {
      await sleep(plan.windowMs);
      return page.evaluate(stopFrameProbe);
    };
    let record: FrameRecord;
    if (context.profile) {
      // Chromium's trace splits the main thread's time into script, style, layout and paint.
      const traced = await tracePageWhile(browser, page, join(context.profilesDir, `rendering-${label}.trace.json`), window);
      context.addProfile(formatActivity(traced.activity, `rendering (${label}): the page's main thread during the window`));
      record = traced.result;
    } else {
      record = await window();
    }
    const published = driver.take().length;
    const stats = frameStats(record, refreshMs);
    context.log(
      `rendering ${label}: ${published} changes; frame p95 ${stats.p95.toFixed(1)} ms (raw ${stats.rawP95.toFixed(1)}), ` +
        `${stats.slowShare.toFixed(1)}% over ${FRAME_BUDGET_MS} ms, ${stats.longTasks} long tasks (${stats.longTaskMs.toFixed(0)} ms), ${stats.frames} frames`,
    );
    return stats;
  } finally {
    driver.stop();
  }
}

async function ours(context: BenchContext, browser: Browser, server: DemoServer, plan: Plan): Promise<FrameStats> {
  const hub = await startHubFor(context, server);
  try {
    const { page, context: pageContext } = await openPage(browser, hub.url);
    await waitForLiveDesk(page);
    await page.locator(`[data-testid="fleet-table"][data-row-count="${plan.rvms}"]`).waitFor({ timeout: 30_000 });
    const stats = await recordFrames(context, browser, page, server, plan, 'ours');
    await pageContext.close();
    return stats;
  } finally {
    await hub.stop();
  }
}

async function baseline(context: BenchContext, browser: Browser, server: DemoServer, plan: Plan): Promise<FrameStats> {
  const site = await serveBaselinePage({ key: server.key, wsHost: server.wsHost, wsPort: server.wsPort, machines: server.control.truth() });
  try {
    const { page, context: pageContext } = await openPage(browser, site.url);
    await page.waitForFunction(() => (window as unknown as { __benchReady?: boolean }).__benchReady === true, undefined, { timeout: 30_000 });
    const stats = await recordFrames(context, browser, page, server, plan, 'baseline');
    await pageContext.close();
    return stats;
  } finally {
    await site.stop();
  }
}

export const rendering: Scenario = {
  name: 'rendering',
  rows: [
    {
      name: 'rendering.frame-p95',
      metric: `frame time p95, 5,000 machines, ${RATE} status changes/s for 20 s (500 machines, 2 s with --quick)`,
      unit: 'ms',
      target: FRAME_BUDGET_MS,
      targetOp: '<=',
      baselineIs: 'full table, querySelector + toast per event',
    },
    {
      name: 'rendering.slow-frames',
      metric: 'share of frames over 16.7 ms (implied by the p95 target: at most 5%)',
      unit: '%',
      target: 5,
      targetOp: '<=',
      baselineIs: 'full table, querySelector + toast per event',
    },
  ],
  async run(context): Promise<Measurement[]> {
    const plan: Plan = context.quick ? { rvms: 500, warmupMs: 500, windowMs: 2_000 } : { rvms: 5_000, warmupMs: 3_000, windowMs: 20_000 };
    const server = await startDemoServer({ port: 0, rvms: plan.rvms, rate: 0, seed: 'bench' });
    const browser = await context.browser();
    try {
      // One after the other, never side by side: each page has the machine to itself.
      const our = await ours(context, browser, server, plan);
      const naive = await baseline(context, browser, server, plan);
      const common = `${plan.rvms.toLocaleString('en-US')} machines, ${RATE} random status changes/s, ${plan.windowMs / 1000} s after ${plan.warmupMs / 1000} s warm-up, headless Chromium (software rendering), 1440×900.`;
      const frameNote =
        `${common} Frame time = the interval between animation frames counted in display refreshes (${our.refreshMs.toFixed(2)} ms): ` +
        `an on-time frame is one refresh, a frame that missed one is two (raw rAF intervals read 16.6 to 16.8 ms for an on-time frame even on an idle page).`;
      const details = (stats: FrameStats, prefix: string) => ({
        [`${prefix}raw p95 ms`]: stats.rawP95,
        [`${prefix}long tasks`]: stats.longTasks,
        [`${prefix}long-task ms`]: stats.longTaskMs,
        [`${prefix}frames`]: stats.frames,
      });
      return [
        { name: 'rendering.frame-p95', value: our.p95, baseline: naive.p95, note: frameNote, details: { ...details(our, ''), ...details(naive, 'baseline ') } },
        { name: 'rendering.slow-frames', value: our.slowShare, baseline: naive.slowShare, resolution: 100 / Math.max(1, our.frames) },
      ];
    } finally {
      await server.stop();
    }
  },
};
