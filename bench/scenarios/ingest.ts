// Ingest: how many server events per second the client takes from the WebSocket into the fleet
// state and the SQLite cache, sustained, with the store committing. The demo server runs in a child
// process (a core of its own) at its highest simulator rate; the client runs here.
import { join } from 'node:path';
import type { DemoProcess } from '../lib/demo-process';
import { startDemoProcess } from '../lib/demo-process';
import { countFrames } from '../lib/frame-counter';
import { LiveClient } from '../lib/live-client';
import { formatSummary, profileWhile } from '../lib/profile';
import type { BenchContext, Measurement, Scenario } from '../lib/scenario';
import { median, sleep, until } from '../lib/stats';

interface Plan {
  rvms: number;
  /** What the simulator is asked for, events/s. */
  rate: number;
  warmupMs: number;
  windowMs: number;
  /** How long the backlog left after the window may take to drain before it is counted. */
  drainMs: number;
  repeats: number;
}

interface Variant {
  label: 'ours' | 'baseline';
  patches: 'coalesced' | 'per-event';
  batchSize?: number;
}

const OURS: Variant = { label: 'ours', patches: 'coalesced' };
/** One transaction per event, one bridge message per event. */
const BASELINE: Variant = { label: 'baseline', patches: 'per-event', batchSize: 1 };

interface Window {
  /** Events accepted by the ingest (validated, de-duplicated, applied, queued for the store) per second. */
  accepted: number;
  /** Events made durable per second. */
  committed: number;
  /** Frames that reached the ingest per second (accepted + duplicates + rejected). */
  received: number;
  /** Simulator events the server generated per second (all of them, also those for channels we do not follow). */
  generated: number;
  /** Share of one core the client used. */
  clientCpu: number;
  /** Frames still on their way when the window ended (the server was ahead of the client); at least this many. */
  backlog: number;
  bridgeMessages: number;
}

function received(client: LiveClient): number {
  const { accepted, duplicates, rejected } = client.ingest.counters;
  return accepted + duplicates + Object.values(rejected).reduce((sum, count) => sum + count, 0);
}

async function measureOnce(
  context: BenchContext,
  server: DemoProcess,
  variant: Variant,
  plan: Plan,
  profileAs: string | null,
): Promise<Window> {
  const client = await LiveClient.connect({
    server,
    dataDir: context.tempDir(`ingest-${variant.label}-`),
    patches: variant.patches,
    batchSize: variant.batchSize,
    followMachinesUpTo: plan.rvms,
  });
  try {
    await until(() => client.phase === 'live' && client.fleet.size === plan.rvms, 20_000, 'the bench client to go live');
    await server.setRate(plan.rate);
    await sleep(plan.warmupMs);
    const reading = async () => ({
      generated: (await server.stats()).eventsGenerated,
      accepted: client.ingest.counters.accepted,
      committed: client.committed,
      received: received(client),
      bridge: client.bridge.messages,
      cpu: process.cpuUsage(),
      at: performance.now(),
    });
    const before = await reading();
    const wait = () => sleep(plan.windowMs);
    if (profileAs) {
      const { summary } = await profileWhile(join(context.profilesDir, `${profileAs}.cpuprofile`), wait);
      context.addProfile(formatSummary(summary, `ingest (${variant.label}): the bench process during the measured window`));
    } else {
      await wait();
    }
    const after = await reading();
    await server.setRate(0);
    // What the server had sent but the client had not yet read: drained for a while, counted, not credited.
    const endReceived = after.received;
    const drainUntil = performance.now() + plan.drainMs;
    let last = -1;
    while (received(client) !== last && performance.now() < drainUntil) {
      last = received(client);
      await sleep(300);
    }
    const seconds = (after.at - before.at) / 1000;
    return {
      accepted: (after.accepted - before.accepted) / seconds,
      committed: (after.committed - before.committed) / seconds,
      received: (after.received - before.received) / seconds,
      generated: (after.generated - before.generated) / seconds,
      clientCpu: (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1e6 / seconds,
      backlog: last - endReceived,
      bridgeMessages: (after.bridge - before.bridge) / seconds,
    };
  } finally {
    await server.setRate(0);
    client.close();
  }
}

/**
 * What the server can deliver to a subscriber that does nothing but count: the ceiling any client
 * measured against it can reach (status events come twice, on two channels; the client gets them once).
 */
async function serverCeiling(server: DemoProcess, plan: Plan): Promise<number> {
  const channels = ['rvm-status', ...Array.from({ length: plan.rvms }, (_, index) => `rvm.${index + 1}`)];
  const counter = await countFrames(server, channels);
  try {
    await sleep(300);
    await server.setRate(plan.rate);
    await sleep(plan.warmupMs);
    const before = { frames: counter.frames(), at: performance.now() };
    await sleep(plan.windowMs);
    return ((counter.frames() - before.frames) * 1000) / (performance.now() - before.at);
  } finally {
    await server.setRate(0);
    counter.close();
    await sleep(300);
  }
}

export const ingest: Scenario = {
  name: 'ingest',
  rows: [
    {
      name: 'ingest',
      metric: 'events/s from the WebSocket into fleet state + store, sustained, 1,000 machines (200 at 5,000/s with --quick)',
      unit: 'events/s',
      target: 50_000,
      targetOp: '>=',
      ratioTarget: 10,
      baselineIs: 'a transaction and a JSON bridge message per event',
    },
  ],
  async run(context): Promise<Measurement[]> {
    const plan: Plan = context.quick
      ? { rvms: 200, rate: 5_000, warmupMs: 300, windowMs: 1_000, drainMs: 300, repeats: 1 }
      : { rvms: 1_000, rate: 100_000, warmupMs: 2_000, windowMs: 5_000, drainMs: 2_000, repeats: 3 };
    const server = await startDemoProcess({ rvms: plan.rvms, rate: 0, seed: 'bench' });
    const results: Record<Variant['label'], Window[]> = { ours: [], baseline: [] };
    let ceiling: number;
    try {
      ceiling = await serverCeiling(server, plan);
      context.log(`ingest: the server delivered ${ceiling.toFixed(0)} frames/s to a counting reader`);
      // Interleaved, so a noisy neighbour on the shared cores hurts both sides alike.
      for (let i = 0; i < plan.repeats; i++) {
        for (const variant of [OURS, BASELINE]) {
          const profileAs = context.profile && i === plan.repeats - 1 ? `ingest-${variant.label}` : null;
          const window = await measureOnce(context, server, variant, plan, profileAs);
          context.log(
            `ingest ${variant.label} #${i + 1}: accepted ${window.accepted.toFixed(0)}/s, committed ${window.committed.toFixed(0)}/s, ` +
              `received ${window.received.toFixed(0)}/s, server generated ${window.generated.toFixed(0)}/s, client CPU ${(window.clientCpu * 100).toFixed(0)}%, backlog ≥ ${window.backlog}`,
          );
          results[variant.label].push(window);
        }
      }
    } finally {
      await server.stop();
    }
    const pick = (label: Variant['label'], key: keyof Window) => median(results[label].map((window) => window[key]));
    /** Events per second of the client's own CPU time: what one free core would take. */
    const perCpuSecond = (label: Variant['label']) => median(results[label].map((window) => window.accepted / Math.max(window.clientCpu, 0.01)));
    const ours = pick('ours', 'accepted');
    const limits = [
      `The server delivered at most ${ceiling.toFixed(0)} frames/s to a reader that only counts them (status changes count twice there, once here)` +
        (ceiling < 50_000 ? ': the target cannot be reached against this server on this machine, whatever the client does.' : '.'),
      `The client used ${(pick('ours', 'clientCpu') * 100).toFixed(0)}% of a core and took ${perCpuSecond('ours').toFixed(0)} events per CPU-second ` +
        `(the baseline ${perCpuSecond('baseline').toFixed(0)}, using ${(pick('baseline', 'clientCpu') * 100).toFixed(0)}% of a core).`,
      pick('ours', 'backlog') > pick('ours', 'received') * 0.05
        ? `At least ${pick('ours', 'backlog').toFixed(0)} frames were still queued for the client when the window ended.`
        : 'The client kept up: nothing was left queued when the window ended.',
    ];
    return [
      {
        name: 'ingest',
        value: ours,
        baseline: pick('baseline', 'accepted'),
        note:
          `Demo server in a child process, ${plan.rvms} machines, simulator asked for ${plan.rate}/s; the client follows every machine channel; ` +
          `${plan.windowMs / 1000} s windows after ${plan.warmupMs / 1000} s warm-up, median of ${plan.repeats}. ${limits.join(' ')}`,
        details: {
          'committed/s': pick('ours', 'committed'),
          'received/s': pick('ours', 'received'),
          'server generated/s': pick('ours', 'generated'),
          'server delivery ceiling frames/s': ceiling,
          'client CPU %': pick('ours', 'clientCpu') * 100,
          'events per CPU-second': perCpuSecond('ours'),
          'bridge messages/s': pick('ours', 'bridgeMessages'),
          'baseline committed/s': pick('baseline', 'committed'),
          'baseline events per CPU-second': perCpuSecond('baseline'),
          'baseline bridge messages/s': pick('baseline', 'bridgeMessages'),
        },
      },
    ];
  },
};
