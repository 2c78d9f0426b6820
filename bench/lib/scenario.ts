import type { Browser } from 'playwright-core';
import type { ScenarioResult } from './report';

/** What a scenario's row is measured against, declared before anything runs (a failed run still reports it). */
export interface RowSpec {
  name: string;
  metric: string;
  unit: string;
  target: number;
  targetOp: '<=' | '>=';
  ratioTarget?: number;
  /** What the naive baseline is, in a few words. */
  baselineIs: string;
}

/** What a scenario measured for one row. */
export interface Measurement {
  name: string;
  value: number;
  baseline: number;
  note?: string;
  details?: ScenarioResult['details'];
  resolution?: number;
}

export interface BenchContext {
  /** Every scenario small, for the tests and a quick look; never compared with full runs. */
  quick: boolean;
  /** Profile the measured windows and report the largest costs. */
  profile: boolean;
  /** Where `.cpuprofile` files go. */
  profilesDir: string;
  /** A progress line on stderr. */
  log(message: string): void;
  /** A fresh temporary folder, removed when the run ends. */
  tempDir(prefix: string): string;
  /** Adds a profile summary to the report. */
  addProfile(summary: string): void;
  /** Headless Chromium, launched on first use and shared by the scenarios (each opens its own context). */
  browser(): Promise<Browser>;
}

export interface Scenario {
  name: string;
  rows: RowSpec[];
  run(context: BenchContext): Promise<Measurement[]>;
}
