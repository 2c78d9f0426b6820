import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from './lib/report';

const ROOT = join(__dirname, '..');
const SCENARIOS = ['ingest', 'latency.core.p99', 'latency.paint.p99', 'rendering.frame-p95', 'history.query', 'history.replay', 'history.export', 'startup.offline', 'startup.online', 'memory'];

/**
 * The benchmarks must not rot: the quick run (every scenario, small) runs here as `npm run bench --
 * --quick` does, and every scenario must report numbers. Whether the targets are met is the full
 * run's business (bench/results/latest.md), not this test's: a slow CI machine is not a regression.
 */
describe('npm run bench -- --quick', () => {
  it('runs every scenario and reports a number, a unit, a target and a verdict for each', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(run.status, `the quick bench failed:\n${run.stderr.slice(-4000)}`).toBe(0);
    const report = JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'quick.json'), 'utf8')) as BenchReport;
    expect(report.mode).toBe('quick');
    expect(report.machine).toEqual(expect.objectContaining({ cores: expect.any(Number), memory: expect.any(String), node: process.version, platform: expect.any(String), cpuModel: expect.any(String) }));
    expect(report.errors).toEqual([]);
    const names = report.scenarios.map((scenario) => scenario.name);
    for (const name of SCENARIOS) expect(names).toContain(name);
    for (const scenario of report.scenarios) {
      const what = `${scenario.name}: ${JSON.stringify(scenario)}`;
      expect(Number.isFinite(scenario.value), what).toBe(true);
      expect(Number.isFinite(scenario.baseline), what).toBe(true);
      expect(Number.isFinite(scenario.ratio), what).toBe(true);
      expect(Number.isFinite(scenario.target), what).toBe(true);
      expect(scenario.unit, what).toMatch(/\S/);
      expect(scenario.metric, what).toMatch(/\S/);
      expect(typeof scenario.pass, what).toBe('boolean');
    }
    // The table and the summary say which targets were missed, whatever they are.
    const summary = readFileSync(join(ROOT, 'bench', 'results', 'quick.md'), 'utf8');
    expect(summary).toContain('| scenario | metric | value | target | baseline | ratio | result |');
    expect(run.stdout).toMatch(/Every target was met\.|Targets missed/);
  }, 180_000);
});
