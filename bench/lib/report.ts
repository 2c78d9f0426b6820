import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The machine the numbers were measured on: with 2 shared cores, the load says how noisy they are. */
export interface MachineInfo {
  cores: number;
  /** Total memory, e.g. "23.5 GiB". */
  memory: string;
  memoryBytes: number;
  node: string;
  platform: string;
  cpuModel: string;
  /** 1, 5 and 15-minute load averages when the run started. */
  loadAverage: number[];
}

/**
 * One measured number against its target and its naive baseline (bench/results/latest.json, DESIGN.md
 * "Interfaces others rely on"). `ratio` is how many times better ours is than the baseline, whichever
 * direction is better: baseline/value for times and sizes, value/baseline for rates.
 */
export interface ScenarioResult {
  name: string;
  metric: string;
  value: number;
  unit: string;
  target: number;
  /** Whether the value must be at most (`<=`) or at least (`>=`) the target. */
  targetOp: '<=' | '>=';
  baseline: number;
  /** What the baseline is, in a few words. */
  baselineIs: string;
  ratio: number;
  /** A required ratio, where the issue sets one (ingest: at least 10× the baseline). */
  ratioTarget?: number;
  pass: boolean;
  /** What a reader must know to trust the number: limits met, what was left out, why it failed. */
  note?: string;
  /** Secondary measurements, for the summary's details. */
  details?: Record<string, number | string>;
  /**
   * The smallest step the measurement can show (one frame in a share of frames): a value of 0 is
   * "less than this", so the ratio divides by it instead of by zero.
   */
  resolution?: number;
}

export interface BenchReport {
  machine: MachineInfo;
  mode: 'full' | 'quick';
  /** Profiled runs are slower: their numbers include the profilers' overhead. */
  profiled: boolean;
  startedAt: string;
  durationS: number;
  scenarios: ScenarioResult[];
  /** The 1-minute load average as each scenario started: other work on the shared cores skews the numbers. */
  loadAtStart: Record<string, number>;
  /** Scenarios that could not run at all, with the reason (they also appear as failed rows). */
  errors: { scenario: string; message: string }[];
  /** The largest costs found by the profiler where it ran (`--profile`). */
  profiles: string[];
}

export function machineInfo(): MachineInfo {
  const memoryBytes = totalmem();
  return {
    cores: cpus().length,
    memory: `${(memoryBytes / 1024 ** 3).toFixed(1)} GiB`,
    memoryBytes,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
  };
}

type Measured = Omit<ScenarioResult, 'ratio' | 'pass'>;

/** Completes a measurement with its ratio and verdict; the verdict is the numbers', never tuned. */
export function judge(measured: Measured): ScenarioResult {
  const { value, baseline, target, targetOp, ratioTarget } = measured;
  const floor = measured.resolution ?? 0;
  const ratio =
    targetOp === '>='
      ? value / Math.max(baseline, floor)
      : value <= floor && baseline <= floor
        ? 1
        : baseline / Math.max(value, floor);
  const meetsTarget = targetOp === '>=' ? value >= target : value <= target;
  const meetsRatio = ratioTarget === undefined || ratio >= ratioTarget;
  const pass = Number.isFinite(value) && meetsTarget && meetsRatio;
  return { ...measured, ratio, pass };
}

/** A row for a scenario that failed to run: present, so nobody mistakes silence for success. */
export function failedRow(name: string, metric: string, unit: string, target: number, targetOp: '<=' | '>=', message: string): ScenarioResult {
  return { name, metric, value: Number.NaN, unit, target, targetOp, baseline: Number.NaN, baselineIs: '-', ratio: Number.NaN, pass: false, note: `did not run: ${message}` };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatRatio(result: ScenarioResult): string {
  const { ratio } = result;
  if (!Number.isFinite(ratio)) return 'n/a';
  // A value at the measurement's resolution (no slow frame at all) makes the ratio a lower bound.
  const atFloor = result.resolution !== undefined && result.value <= result.resolution && ratio > 1;
  return `${atFloor ? '≥ ' : ''}${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
}

function targetText(result: ScenarioResult): string {
  const base = `${result.targetOp === '<=' ? '≤' : '≥'} ${formatNumber(result.target)} ${result.unit}`;
  return result.ratioTarget === undefined ? base : `${base} and ≥ ${result.ratioTarget}× baseline`;
}

function describeMachine(machine: MachineInfo): string {
  return `${machine.cores} cores (${machine.cpuModel}), ${machine.memory}, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage.join(' / ')} at start`;
}

/** The plain-text table printed at the end of a run. */
export function formatTable(report: BenchReport): string {
  const header = ['scenario', 'metric', 'value', 'target', 'baseline', 'ratio', 'pass'];
  const rows = report.scenarios.map((result) => [
    result.name,
    result.metric,
    `${formatNumber(result.value)} ${result.unit}`,
    targetText(result),
    `${formatNumber(result.baseline)} ${result.unit}`,
    formatRatio(result),
    result.pass ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  const missed = report.scenarios.filter((result) => !result.pass);
  return [
    `Machine: ${describeMachine(report.machine)}`,
    `Mode: ${report.mode}${report.profiled ? " (profiled: numbers include the profilers' overhead)" : ''}, ${report.durationS.toFixed(0)} s`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    missed.length === 0 ? 'Every target was met.' : `Targets missed (${missed.length}): ${missed.map((result) => result.name).join(', ')}`,
    ...report.errors.map((error) => `Could not run ${error.scenario}: ${error.message}`),
  ].join('\n');
}

/** The markdown summary the README quotes. */
export function formatMarkdown(report: BenchReport): string {
  const lines = [
    `# Benchmark results (${report.mode})`,
    '',
    `Measured ${report.startedAt} on ${describeMachine(report.machine)}; the run took ${report.durationS.toFixed(0)} s.`,
    'Every value is a median of repeated runs after a warm-up (latencies: percentiles of every sample).',
    ...(report.profiled ? ["**This run was profiled (`--profile`): its numbers include the profilers' overhead.**"] : []),
    '"ratio" is how many times better than the naive baseline (baseline ÷ value for times and sizes, value ÷ baseline for rates).',
    `1-minute load average as each scenario started (${report.machine.cores} cores; above that, other work competed for them): ` +
      `${Object.entries(report.loadAtStart)
        .map(([name, load]) => `${name} ${load.toFixed(1)}`)
        .join(', ')}.`,
    '',
    '| scenario | metric | value | target | baseline | ratio | result |',
    '|---|---|---|---|---|---|---|',
    ...report.scenarios.map(
      (result) =>
        `| ${result.name} | ${result.metric} | ${formatNumber(result.value)} ${result.unit} | ${targetText(result)} | ` +
        `${formatNumber(result.baseline)} ${result.unit} (${result.baselineIs}) | ${formatRatio(result)} | ${result.pass ? 'pass' : '**missed**'} |`,
    ),
    '',
  ];
  const missed = report.scenarios.filter((result) => !result.pass);
  lines.push(missed.length === 0 ? 'Every target was met.' : `**Targets missed:** ${missed.map((result) => result.name).join(', ')}.`, '');
  for (const error of report.errors) lines.push(`- **${error.scenario} did not run:** ${error.message}`);
  const noted = report.scenarios.filter((result) => result.note || result.details);
  if (noted.length > 0) {
    lines.push('## Notes', '');
    for (const result of noted) {
      const details = result.details
        ? ` (${Object.entries(result.details)
            .map(([key, value]) => `${key}: ${typeof value === 'number' ? formatNumber(value) : value}`)
            .join('; ')})`
        : '';
      lines.push(`- **${result.name}**: ${result.note ?? ''}${details}`);
    }
    lines.push('');
  }
  if (report.profiles.length > 0) lines.push('## Profiles', '', '```', ...report.profiles, '```', '');
  return lines.join('\n');
}

/** Writes `<base>.json` and `<base>.md` into `dir`. */
export function writeReport(dir: string, base: string, report: BenchReport): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${base}.json`);
  const markdown = join(dir, `${base}.md`);
  // NaN is not JSON: a scenario that could not measure writes null, which readers see as missing.
  writeFileSync(json, `${JSON.stringify(report, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`);
  writeFileSync(markdown, formatMarkdown(report));
  return { json, markdown };
}
