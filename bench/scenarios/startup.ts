// Start-up, two ways:
// (a) offline: the hub started on a data folder whose cache holds 10,000 machines while the server
//     is down, until the fleet's first row has been painted in Chromium; against a start without a
//     cache, the fleet fetched from the REST API (server up).
// (b) online: in this process, from the sign-in reply to live (subscribed to the status channel, the
//     snapshot taken after the subscription merged, the fleet equal to the server's); against the
//     naive order: sign in, then fetch the snapshot, then connect and subscribe.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Echo from 'laravel-echo';
import type { Browser } from 'playwright-core';
import Pusher from 'pusher-js';
import type { DemoServer } from '../../src/demo-server/index';
import { startDemoServer } from '../../src/demo-server/index';
import type { ControlRoom } from '../../src/main/core/control-room';
import { secretsFile } from '../../src/main/core/control-room';
import { normaliseMonitoring } from '../../src/main/core/platform/monitoring-snapshot';
import { PlatformClient } from '../../src/main/core/platform/platform-client';
import { FileSecretStore, MemorySecretStore } from '../../src/main/core/profiles/secret-store';
import { signIn } from '../../src/main/core/session/sign-in';
import { startHub } from '../../e2e/support/hub-process';
import { openPage, pageClockOffset } from '../lib/browser';
import { envFileFor, openRoom, saveProfile, signInOperator } from '../lib/control-room';
import { OPERATOR } from '../lib/live-client';
import { firstRowPaintedAt, installPaintProbe } from '../lib/page-probes';
import type { PageActivity } from '../lib/profile';
import { formatActivity, startPageTrace } from '../lib/profile';
import type { BenchContext, Measurement, Scenario } from '../lib/scenario';
import { median, sleep, until } from '../lib/stats';

// ---- (a) offline start to first paint ----

interface FirstRow {
  /** Spawn to the first row painted. */
  total: number;
  /** Spawn to the hub's address printed (Node's start, the bundle, the core, the cache). */
  listening: number;
  /** Spawn to the page's navigation start (the browser's new page, a renderer process of its own). */
  pageOpened: number;
  /** Spawn to the page's DOMContentLoaded (its HTML and its script bundle loaded and run). */
  pageLoaded: number;
}

/**
 * Starts the hub, opens its page, and times the spawn to the first fleet row painted. With
 * `traceFile`, the page's main thread is traced from its load to that paint.
 */
async function timeToFirstRow(context: BenchContext, browser: Browser, args: string[], traceFile?: string): Promise<FirstRow> {
  const spawnedAt = Date.now();
  const hub = await startHub(args);
  const listeningAt = Date.now();
  try {
    const tracing: { trace?: { stop(): Promise<PageActivity> } } = {};
    const { page, context: pageContext } = await openPage(browser, hub.url, [installPaintProbe], async (opened) => {
      if (traceFile) tracing.trace = await startPageTrace(browser, opened, traceFile);
    });
    await page.waitForFunction(firstRowPaintedAt, undefined, { timeout: 30_000, polling: 10 });
    const activity = await tracing.trace?.stop();
    if (activity) context.addProfile(formatActivity(activity, 'startup (offline): the page from its load to the first row painted'));
    const paintedAt = (await page.evaluate(firstRowPaintedAt))!;
    const navigation = await page.evaluate(() => ({
      openedAt: performance.timeOrigin,
      loadedAt: performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
    const offset = await pageClockOffset(page);
    await pageContext.close();
    const since = (at: number) => at - offset - spawnedAt;
    return { total: since(paintedAt), listening: listeningAt - spawnedAt, pageOpened: since(navigation.openedAt), pageLoaded: since(navigation.loadedAt) };
  } finally {
    await hub.stop();
  }
}

/**
 * A data folder as the hub leaves it after a session on `server`: signed in (the token in the
 * private secrets file the hub uses), the fleet cached, and a checkpoint written by a clean close.
 */
async function cachedDataDir(context: BenchContext, server: DemoServer, rvms: number): Promise<string> {
  const dataDir = context.tempDir('startup-cached-');
  const room = await openRoom(dataDir, new FileSecretStore(secretsFile(dataDir)));
  try {
    await signInOperator(room, await saveProfile(room, server));
    await until(() => room.connectionState().phase === 'live' && room.fleet.size === rvms, 30_000, 'the fleet to be cached', 20);
  } finally {
    await room.close();
  }
  return dataDir;
}

/** `--env-file` with the server's settings and the operator's sign-in. */
function envArgs(context: BenchContext, server: DemoServer): string[] {
  const file = join(context.tempDir('startup-env-'), '.env');
  writeFileSync(file, envFileFor(server));
  return ['--env-file', file];
}

async function offlineStart(context: BenchContext, browser: Browser, plan: { rvms: number; repeats: number; warmups: number }) {
  const earlier = await startDemoServer({ port: 0, rvms: plan.rvms, rate: 0, seed: 'bench' });
  let prepared: string;
  try {
    prepared = await cachedDataDir(context, earlier, plan.rvms);
  } finally {
    // Offline from here on: the server the cache came from is gone.
    await earlier.stop();
  }
  const ours: FirstRow[] = [];
  for (let i = -plan.warmups; i < plan.repeats; i++) {
    // Each start on a copy: a start changes the cache (a checkpoint on the way out).
    const dataDir = join(context.tempDir('startup-offline-'), 'data');
    cpSync(prepared, dataDir, { recursive: true });
    const traceFile = context.profile && i === 0 ? join(context.profilesDir, 'startup-offline.trace.json') : undefined;
    const run = await timeToFirstRow(context, browser, ['--data-dir', dataDir], traceFile);
    if (i >= 0) ours.push(run);
  }
  // The baseline: nothing cached, the server up, the fleet fetched over REST before anything shows.
  const server = await startDemoServer({ port: 0, rvms: plan.rvms, rate: 0, seed: 'bench' });
  const fetched: FirstRow[] = [];
  try {
    for (let i = -plan.warmups; i < plan.repeats; i++) {
      const run = await timeToFirstRow(context, browser, envArgs(context, server));
      if (i >= 0) fetched.push(run);
    }
  } finally {
    await server.stop();
  }
  return { ours, fetched };
}

// ---- (b) online start to live ----

interface Clock {
  /** When the sign-in's last reply (the role list) arrived. */
  signInReplyAt: number;
  /** Each monitoring request: when it started and ended, and whether the status channel was subscribed as it started. */
  monitoring: { startedAt: number; endedAt: number | null; afterSubscription: boolean }[];
}

/** Whether the newest pusher-js client (the control room's) has the status channel subscribed. */
function statusChannelSubscribed(): boolean {
  return Pusher.instances.at(-1)?.channel('rvm-status')?.subscribed === true;
}

/** Notes when the REST calls that matter start and end (the product calls the global fetch). */
function watchFetch(clock: Clock): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const entry = url.includes('/admin/rvm/monitoring')
      ? { startedAt: performance.now(), endedAt: null as number | null, afterSubscription: statusChannelSubscribed() }
      : null;
    if (entry) clock.monitoring.push(entry);
    const response = await original(input, init);
    if (entry) entry.endedAt = performance.now();
    if (url.endsWith('/users/roles')) clock.signInReplyAt = performance.now();
    return response;
  };
  return () => {
    globalThis.fetch = original;
  };
}

function fleetEquals(room: ControlRoom, truth: Map<string, string>): boolean {
  let count = 0;
  for (const machine of room.fleet.machines()) {
    if (machine.removed) continue;
    if (truth.get(machine.id) !== machine.status) return false;
    count++;
  }
  return count === truth.size;
}

interface OnlineStart {
  total: number;
  /** The session opened (cache, feed) and asked for the first snapshot. */
  firstSnapshotRequested: number;
  /** The state first turned live (the socket up and its channels confirmed). */
  live: number;
  /** The status channel subscribed and the snapshot that closes the gap asked for. */
  subscribedSnapshotRequested: number;
}

async function ourOnlineStart(context: BenchContext, server: DemoServer): Promise<OnlineStart> {
  const truth = new Map(server.control.truth().map((machine) => [String(machine.id), machine.status as string]));
  const room = await openRoom(context.tempDir('startup-online-'), new MemorySecretStore());
  const profileId = await saveProfile(room, server);
  const clock: Clock = { signInReplyAt: Number.NaN, monitoring: [] };
  const liveStates: number[] = [];
  room.events.on('connection.state', (state) => {
    if (state.phase === 'live') liveStates.push(performance.now());
  });
  const restore = watchFetch(clock);
  try {
    await signInOperator(room, profileId);
    // Live: the snapshot requested after the subscription has been merged (the feed publishes its
    // state right after merging), and the fleet is the server's.
    const merged = () => clock.monitoring.find((request) => request.afterSubscription && request.endedAt !== null);
    const liveAfter = () => liveStates.find((at) => at >= merged()!.endedAt!);
    await until(() => merged() !== undefined && liveAfter() !== undefined, 10_000, 'the merged snapshot after subscribing', 1);
    if (!fleetEquals(room, truth)) throw new Error('the fleet differs from the server after going live');
    const since = (at: number) => at - clock.signInReplyAt;
    return {
      total: since(liveAfter()!),
      firstSnapshotRequested: since(clock.monitoring[0].startedAt),
      live: since(liveStates[0]),
      subscribedSnapshotRequested: since(merged()!.startedAt),
    };
  } finally {
    restore();
    await room.close();
  }
}

/** The naive order: sign in, fetch the snapshot, only then connect and subscribe (pusher-js and Echo as the platform's page uses them). */
async function naiveOnlineStart(server: DemoServer): Promise<number> {
  const client = new PlatformClient(`${server.url}/api/v2`);
  const signedIn = await signIn(client, OPERATOR.email, OPERATOR.password);
  if (!signedIn.ok) throw new Error(signedIn.message);
  const repliedAt = performance.now();
  const reply = await client.monitoring();
  if (!reply.ok) throw new Error(reply.message);
  const snapshot = normaliseMonitoring(reply.value, Date.now());
  if (!snapshot.ok) throw new Error(snapshot.message);
  const fleet = new Map(snapshot.snapshot.machines.map((machine) => [machine.id, machine]));
  const echo = new Echo({
    broadcaster: 'reverb',
    key: server.key,
    wsHost: server.wsHost,
    wsPort: server.wsPort,
    forceTLS: false,
    enabledTransports: ['ws'],
    authEndpoint: `${server.url}/api/broadcasting/auth`,
    auth: { headers: { Authorization: `Bearer ${signedIn.token}`, Accept: 'application/json' } },
    disableStats: true,
    Pusher,
  });
  try {
    echo.private('admin-dashboard');
    await new Promise<void>((resolve) => echo.channel('rvm-status').subscribed(() => resolve()));
    if (fleet.size !== server.control.truth().length) throw new Error('the naive snapshot is incomplete');
    return performance.now() - repliedAt;
  } finally {
    echo.disconnect();
  }
}

async function onlineStart(context: BenchContext, plan: { onlineRvms: number; onlineRepeats: number }) {
  const server = await startDemoServer({ port: 0, rvms: plan.onlineRvms, rate: 0, seed: 'bench' });
  const ours: OnlineStart[] = [];
  const naive: number[] = [];
  try {
    // Interleaved after one warm-up each.
    for (let i = -1; i < plan.onlineRepeats; i++) {
      const our = await ourOnlineStart(context, server);
      const their = await naiveOnlineStart(server);
      await sleep(50);
      if (i < 0) continue;
      ours.push(our);
      naive.push(their);
    }
  } finally {
    await server.stop();
  }
  return { ours, naive };
}

/** The run whose total is nearest the median: its steps add up, where medians of each step need not. */
function nearest<T extends { total: number }>(runs: T[], total: number): T {
  return runs.reduce((best, run) => (Math.abs(run.total - total) < Math.abs(best.total - total) ? run : best));
}

export const startup: Scenario = {
  name: 'startup',
  rows: [
    {
      name: 'startup.offline',
      metric: 'hub start to first fleet row painted, offline, 10,000 machines cached (1,000 with --quick)',
      unit: 'ms',
      target: 1_000,
      targetOp: '<=',
      baselineIs: 'no cache: sign in and fetch the fleet over REST first',
    },
    {
      name: 'startup.online',
      metric: 'sign-in reply to live (subscribed, snapshot merged, fleet = server), 1,000 machines',
      unit: 'ms',
      target: 100,
      targetOp: '<=',
      baselineIs: 'sequential: snapshot, then connect and subscribe',
    },
  ],
  async run(context): Promise<Measurement[]> {
    const plan = context.quick
      ? { rvms: 1_000, repeats: 1, warmups: 0, onlineRvms: 1_000, onlineRepeats: 3 }
      : { rvms: 10_000, repeats: 5, warmups: 1, onlineRvms: 1_000, onlineRepeats: 10 };
    const online = await onlineStart(context, plan);
    const onlineTotal = median(online.ours.map((start) => start.total));
    const typicalStart = nearest(online.ours, onlineTotal);
    context.log(`startup.online: median ${onlineTotal.toFixed(1)} ms, naive ${median(online.naive).toFixed(1)} ms`);
    const offline = await offlineStart(context, await context.browser(), plan);
    const offlineTotal = median(offline.ours.map((run) => run.total));
    const typicalRow = nearest(offline.ours, offlineTotal);
    const fetchedTotal = median(offline.fetched.map((run) => run.total));
    context.log(`startup.offline: median ${offlineTotal.toFixed(0)} ms, from REST ${fetchedTotal.toFixed(0)} ms`);
    return [
      {
        name: 'startup.offline',
        value: offlineTotal,
        baseline: fetchedTotal,
        note:
          `From spawning \`node hub.js --data-dir …\` (server stopped) to the first row painted (MutationObserver + requestAnimationFrame), ` +
          `the page opened as soon as the hub printed its address; median of ${plan.repeats}${plan.warmups > 0 ? ' after a warm-up' : ''}. Includes Node's start, the cache load, a new browser page (its own renderer process) and the page's scripts.`,
        details: {
          'median run: hub listening at ms': typicalRow.listening,
          'median run: page opened at ms': typicalRow.pageOpened,
          'median run: page loaded (DOMContentLoaded) at ms': typicalRow.pageLoaded,
          'runs (ms)': offline.ours.map((run) => run.total.toFixed(0)).join(', '),
          'baseline runs (ms)': offline.fetched.map((run) => run.total.toFixed(0)).join(', '),
        },
      },
      {
        name: 'startup.online',
        value: onlineTotal,
        baseline: median(online.naive),
        note:
          `A ControlRoom in this process against an in-process demo server on loopback; from the sign-in's last reply to the connection state published after merging the snapshot ` +
          `fetched once the status channel was subscribed. Median of ${plan.onlineRepeats} after a warm-up. The naive client connects only after its snapshot and stops at subscribed: ` +
          'it takes one snapshot where ours takes two (one at once, one after subscribing, so nothing published in between is missed), and what changes between its snapshot and its subscription is lost.',
        details: {
          'median run: first snapshot requested at ms': typicalStart.firstSnapshotRequested,
          'median run: state first live (channels confirmed) at ms': typicalStart.live,
          'median run: status channel subscribed, second snapshot requested at ms': typicalStart.subscribedSnapshotRequested,
          'runs (ms)': online.ours.map((start) => start.total.toFixed(1)).join(', '),
          'baseline runs (ms)': online.naive.map((ms) => ms.toFixed(1)).join(', '),
        },
      },
    ];
  },
};
