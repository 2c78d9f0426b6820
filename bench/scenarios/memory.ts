// Memory: the core's resident memory with a large fleet live and a large cache, measured in a
// process of its own (bench/probes/memory-probe.ts) so nothing of the bench itself is counted.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { MemoryJob, MemoryReading } from '../probes/memory-probe';
import { startDemoProcess } from '../lib/demo-process';
import { BENCH_BUNDLE_DIR } from '../lib/paths';
import type { Measurement, Scenario } from '../lib/scenario';
import { seededCache } from '../lib/seeded-cache';
import { median } from '../lib/stats';

const MB = 1e6;

function runProbe(job: MemoryJob): Promise<MemoryReading> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(BENCH_BUNDLE_DIR, 'memory-probe.mjs')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_PROBE: JSON.stringify(job) },
    });
    let out = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`the memory probe exited with ${code}: ${errors.trim().slice(-2000)}`));
      else resolve(JSON.parse(line) as MemoryReading);
    });
  });
}

export const memory: Scenario = {
  name: 'memory',
  rows: [
    {
      name: 'memory',
      metric: 'core RSS after GC, 10,000 machines live, 1M events cached (2,000 and 20k with --quick)',
      unit: 'MB',
      target: 200,
      targetOp: '<=',
      baselineIs: 'the same, with every cached event also held in memory',
    },
  ],
  async run(context): Promise<Measurement[]> {
    const plan = context.quick
      ? { rvms: 2_000, events: 20_000, rate: 100, settleMs: 500, repeats: 1 }
      : { rvms: 10_000, events: 1_000_000, rate: 500, settleMs: 5_000, repeats: 2 };
    const cache = seededCache(context, plan.events, 1_000);
    const server = await startDemoProcess({ rvms: plan.rvms, rate: plan.rate, seed: 'bench' });
    const readings: Record<'ours' | 'baseline', MemoryReading[]> = { ours: [], baseline: [] };
    try {
      for (let i = 0; i < plan.repeats; i++) {
        for (const keepEvents of [false, true]) {
          const reading = await runProbe({ server, rvms: plan.rvms, cachePath: cache.path, keepEvents, settleMs: plan.settleMs });
          context.log(
            `memory ${keepEvents ? 'baseline' : 'ours'} #${i + 1}: RSS ${(reading.rssBytes / MB).toFixed(0)} MB, heap ${(reading.heapUsedBytes / MB).toFixed(0)} MB, ` +
              `${reading.machines} machines, ${reading.eventsInMemory} events in memory`,
          );
          readings[keepEvents ? 'baseline' : 'ours'].push(reading);
        }
      }
    } finally {
      await server.stop();
    }
    const pick = (side: 'ours' | 'baseline', key: keyof MemoryReading) => median(readings[side].map((reading) => Number(reading[key])));
    return [
      {
        name: 'memory',
        value: pick('ours', 'rssBytes') / MB,
        baseline: pick('baseline', 'rssBytes') / MB,
        note:
          `A ControlRoom alone in a Node process (--expose-gc, two GCs before reading), signed in to a demo server with ${plan.rvms.toLocaleString('en-US')} machines ` +
          `at ${plan.rate} events/s, on a cache of ${cache.stored.toLocaleString('en-US')} events, read ${plan.settleMs / 1000} s after going live; median of ${plan.repeats}. ` +
          'RSS includes Node itself (about 40 MB for an empty process).',
        details: {
          'heap used MB': pick('ours', 'heapUsedBytes') / MB,
          'external MB': pick('ours', 'externalBytes') / MB,
          'baseline heap used MB': pick('baseline', 'heapUsedBytes') / MB,
          'machines in the fleet': pick('ours', 'machines'),
        },
      },
    ];
  },
};
