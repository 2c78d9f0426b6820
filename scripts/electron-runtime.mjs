// Finds the Electron binary and, on first use, builds better-sqlite3 for Electron's ABI into
// native/electron/, leaving the Node build in node_modules untouched for the tests and the hub.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-state.mjs';

const electronDir = join(root, 'node_modules', 'electron');

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** The Electron executable, or null when its binary has not been downloaded. */
export function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Tries the download Electron itself would do; quiet, because failing here is expected offline. */
export function tryDownloadElectron() {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', timeout: 600_000 });
  return result.status === 0 && electronBinary() !== null;
}

export const electronNativeDir = join(root, 'native', 'electron');

/** better_sqlite3.node compiled against Electron's headers, built once per Electron version. */
export function ensureElectronSqlite() {
  const version = electronVersion();
  const target = join(electronNativeDir, version, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const work = join(root, 'native', 'work', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  const nodeGyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  process.stderr.write(`Building better-sqlite3 for Electron ${version} (once; about a minute)…\n`);
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (result.status !== 0) throw new Error('better-sqlite3 could not be built for Electron (see the compiler output above)');
  mkdirSync(join(electronNativeDir, version), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  return target;
}
