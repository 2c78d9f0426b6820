// `npm run bench [-- --quick] [-- --only a,b] [-- --profile]`: runs the scenarios one after the other,
// prints the table and writes bench/results/latest.{json,md} (quick.{json,md} with --quick).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/browser';
import { RESULTS_DIR } from './lib/paths';
import type { BenchReport, ScenarioResult } from './lib/report';
import { failedRow, formatTable, judge, machineInfo, writeReport } from './lib/report';
import type { BenchContext, Scenario } from './lib/scenario';
import { history } from './scenarios/history';
import { ingest } from './scenarios/ingest';
import { latency } from './scenarios/latency';
import { memory } from './scenarios/memory';
import { rendering } from './scenarios/rendering';
import { startup } from './scenarios/startup';

const SCENARIOS: Scenario[] = [ingest, latency, rendering, history, startup, memory];

const USAGE = `Usage: npm run bench -- [--quick] [--only ${SCENARIOS.map((scenario) => scenario.name).join(',')}] [--profile]

  --quick     every scenario small (under a minute); writes bench/results/quick.{json,md}
  --only      run only these scenarios (comma-separated); writes bench/results/partial.{json,md}
  --profile   profile the measured windows and add the largest costs to the summary;
              writes bench/results/profiled.{json,md} and the profiles under bench/results/profiles/
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, only: { type: 'string' }, profile: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown scenario ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const quick = values.quick === true;
  const selected = SCENARIOS.filter((scenario) => !only || only.includes(scenario.name));
  const temps: string[] = [];
  const profiles: string[] = [];
  const profilesDir = join(RESULTS_DIR, 'profiles');
  let browser = null as Promise<Browser> | null;
  if (values.profile) mkdirSync(profilesDir, { recursive: true });
  const context: BenchContext = {
    quick,
    profile: values.profile === true,
    profilesDir,
    log: (message) => process.stderr.write(`bench: ${message}\n`),
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), `rvm-bench-${prefix}`));
      temps.push(dir);
      return dir;
    },
    addProfile: (summary) => {
      profiles.push(summary);
      process.stderr.write(`${summary}\n`);
    },
    browser: () => (browser ??= launchChromium()),
  };

  const machine = machineInfo();
  const started = Date.now();
  context.log(`${quick ? 'quick' : 'full'} run on ${machine.cores} cores, ${machine.memory}, Node ${machine.node}, load ${machine.loadAverage.join(' ')}`);
  const scenarios: ScenarioResult[] = [];
  const errors: BenchReport['errors'] = [];
  const loadAtStart: Record<string, number> = {};
  try {
    for (const scenario of selected) {
      const begun = performance.now();
      loadAtStart[scenario.name] = loadavg()[0];
      context.log(`— ${scenario.name} (load ${loadAtStart[scenario.name].toFixed(1)})`);
      try {
        const measured = await scenario.run(context);
        for (const spec of scenario.rows) {
          const row = measured.find((measurement) => measurement.name === spec.name);
          scenarios.push(row ? judge({ ...spec, ...row }) : failedRow(spec.name, spec.metric, spec.unit, spec.target, spec.targetOp, 'no measurement'));
        }
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        context.log(`${scenario.name} failed: ${message}`);
        errors.push({ scenario: scenario.name, message: error instanceof Error ? error.message : String(error) });
        for (const spec of scenario.rows) scenarios.push(failedRow(spec.name, spec.metric, spec.unit, spec.target, spec.targetOp, error instanceof Error ? error.message : String(error)));
      }
      context.log(`${scenario.name} took ${((performance.now() - begun) / 1000).toFixed(1)} s`);
    }
  } finally {
    if (browser) await (await browser.catch(() => null))?.close();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  }

  const report: BenchReport = {
    machine,
    mode: quick ? 'quick' : 'full',
    profiled: context.profile,
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    scenarios,
    loadAtStart,
    errors,
    profiles,
  };
  // Only a whole, unprofiled full run writes the results the README quotes.
  const base = quick ? 'quick' : only ? 'partial' : context.profile ? 'profiled' : 'latest';
  const written = writeReport(RESULTS_DIR, base, report);
  process.stdout.write(`\n${formatTable(report)}\n\nWrote ${written.json} and ${written.markdown}\n`);
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
