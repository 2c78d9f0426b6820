// `npm start`: the desktop app. Where the Electron binary cannot be had (no network), say so plainly
// and point at the hub, which runs the same app in a browser.
import { spawn } from 'node:child_process';
import { buildIfStale, root } from './build-state.mjs';
import { electronBinary, ensureElectronSqlite, tryDownloadElectron } from './electron-runtime.mjs';

const binary = electronBinary() ?? (tryDownloadElectron() ? electronBinary() : null);
if (!binary) {
  process.stderr.write(
    [
      'RVM Control Room cannot start: the Electron runtime is not installed',
      '(node_modules/electron/dist is missing) and could not be downloaded from here.',
      '',
      '  On a machine with network access, fetch it with:   npx install-electron',
      '  Meanwhile, use the app in a browser:               npm run hub -- --demo',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

let nativeBinding;
try {
  nativeBinding = ensureElectronSqlite();
} catch (error) {
  process.stderr.write(`RVM Control Room cannot start: ${error.message}.\n`);
  process.exit(1);
}
buildIfStale();
const child = spawn(binary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, RVM_SQLITE_BINDING: nativeBinding },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
