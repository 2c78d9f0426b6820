import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ControlRoom, secretsFile } from '../core/control-room';
import { applyLaunchOptions } from '../core/launch';
import { FileSecretStore } from '../core/profiles/secret-store';
import { loadWallLayout } from '../core/wall/layout-loader';
import { defaultDataDir, parseHubArgs } from '../core/launch-options';
import { PRODUCT_NAME } from '../core/product';
import { HubAccess } from './access';
import { startHubServer } from './hub-server';

/**
 * `npm run hub`: the same core as the desktop app, headless, serving the renderer to browsers.
 * One JSON line on stdout when listening; everything else goes to stderr.
 */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseHubArgs(argv);
  if (!parsed.ok) {
    console.error(`hub: ${parsed.message}`);
    return 2;
  }
  const options = parsed.value;
  const rendererDir = join(__dirname, '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`hub: the renderer is not built (no ${rendererDir}/index.html): run "npm run build" first.`);
    return 1;
  }
  const dataDir = options.dataDir ?? defaultDataDir(PRODUCT_NAME);
  mkdirSync(dataDir, { recursive: true });
  const wallLayout = loadWallLayout(dataDir, options.layout);
  if (wallLayout.problem) console.error(`hub: ${wallLayout.problem}`);
  const { controlRoom, notes } = await ControlRoom.open({
    dataDir,
    runtime: 'hub',
    secrets: new FileSecretStore(secretsFile(dataDir)),
    wallLayout,
  });
  notes.forEach((note) => console.error(`hub: ${note}`));
  const hub = await startHubServer({
    controlRoom,
    access: new HubAccess(options.token ?? HubAccess.generateToken(), options.displayKeys),
    rendererDir,
    exportsDir: join(dataDir, 'exports'),
    host: options.listen,
    port: options.port,
  });
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: hub.url })}\n`);
  console.error(`hub: serving ${PRODUCT_NAME} at ${hub.url} (data in ${dataDir})`);
  for (const key of options.displayKeys) {
    console.error(`hub: a read-only wall display opens ${hub.url.replace(/\?token=.*$/, `?key=${encodeURIComponent(key)}#wall`)}`);
  }
  const problem = await applyLaunchOptions(controlRoom, options);
  if (problem) console.error(`hub: ${problem}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.stop();
  await controlRoom.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`hub: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
