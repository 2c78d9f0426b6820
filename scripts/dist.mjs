// `npm run dist`: installers for Linux (AppImage, deb), Windows (nsis) and macOS (dmg). The
// Electron build of better-sqlite3 is made first and shipped as an extra resource.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, root } from './build-state.mjs';
import { electronNativeDir, ensureElectronSqlite } from './electron-runtime.mjs';

buildIfStale();
const binding = ensureElectronSqlite();
mkdirSync(join(electronNativeDir, 'current'), { recursive: true });
cpSync(binding, join(electronNativeDir, 'current', 'better_sqlite3.node'));
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
const result = spawnSync(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
