// `npm run bench [-- --quick] [-- --only ingest,history] [-- --profile]`: builds the app when its
// sources changed, bundles the benchmarks (bench/run.ts and the probes it starts as child processes)
// with esbuild, and runs them with the flags given. RVM_OUT_DIR=<folder> uses a build made there
// instead of out/ (whoever set it built it), and the bundle goes there too.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildIfStale, root } from './build-state.mjs';

const outDir = resolve(root, process.env.RVM_OUT_DIR ?? 'out');
if (process.env.RVM_OUT_DIR) {
  if (!existsSync(join(outDir, 'main', 'hub.js'))) {
    process.stderr.write(`bench: RVM_OUT_DIR=${process.env.RVM_OUT_DIR} holds no build (no main/hub.js): build there first, e.g.\n  npx electron-vite build --outDir ${outDir}\n`);
    process.exit(1);
  }
} else {
  buildIfStale();
}

/**
 * Bundled as ESM, a module that reads `__dirname` (the e2e helpers find the project from it) would
 * see nothing: give each such source file its own folder, as CommonJS would.
 */
const dirnamePerFile = {
  name: 'dirname-per-file',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('__dirname')) return undefined;
      return { contents: `const __dirname = ${JSON.stringify(dirname(args.path))};\n${source}`, loader: 'ts' };
    });
  },
};

const benchOut = join(outDir, 'bench');
await build({
  entryPoints: { run: join(root, 'bench', 'run.ts'), 'memory-probe': join(root, 'bench', 'probes', 'memory-probe.ts') },
  outdir: benchOut,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [dirnamePerFile],
});

const child = spawn(process.execPath, ['--expose-gc', join(benchOut, 'run.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  // Relative to the project, as the e2e helpers expect it.
  env: { ...process.env, RVM_OUT_DIR: relative(root, outDir) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
