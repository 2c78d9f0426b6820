import { join, resolve } from 'node:path';

/** The project folder (this file is bench/lib/paths.ts; the bundler keeps `__dirname` per source file). */
export const ROOT = resolve(__dirname, '..', '..');

/** The build under test: `out/` unless RVM_OUT_DIR names another folder inside the project. */
export const OUT_DIR = resolve(ROOT, process.env.RVM_OUT_DIR ?? 'out');

export const RESULTS_DIR = join(ROOT, 'bench', 'results');

/** The built entries, run as users run them. */
export const DEMO_SERVER_JS = join(OUT_DIR, 'main', 'demo-server.js');
export const BENCH_BUNDLE_DIR = join(OUT_DIR, 'bench');
