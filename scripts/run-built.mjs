// `npm run hub|demo-server -- …`: build when the sources changed, then run the built entry with the
// given flags. stdout belongs to the entry (its one JSON line); build output goes to stderr.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-state.mjs';

const entries = {
  hub: 'out/main/hub.js',
  'demo-server': 'out/main/demo-server.js',
};

const [target, ...args] = process.argv.slice(2);
if (!Object.hasOwn(entries, target)) {
  process.stderr.write(`run-built: unknown target "${target}"; expected one of ${Object.keys(entries).join(', ')}\n`);
  process.exit(2);
}
buildIfStale();
const child = spawn(process.execPath, [join(root, entries[target]), ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
