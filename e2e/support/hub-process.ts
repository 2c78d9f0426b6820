import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface HubProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..');
/** The build under test: `out/` unless RVM_OUT_DIR names another (a folder inside the project). */
const OUT_DIR = process.env.RVM_OUT_DIR ?? 'out';

/**
 * Starts the built hub as users do (`node out/main/hub.js`) and waits for its JSON line. Each hub
 * gets a fresh data folder unless `dataDir` names one (a restart on the same cache).
 */
export async function startHub(args: string[] = [], timeoutMs = 20_000, dataDir = mkdtempSync(join(tmpdir(), 'rvm-hub-'))): Promise<HubProcess> {
  const child = spawn(process.execPath, [join(ROOT, OUT_DIR, 'main', 'hub.js'), '--port', '0', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start in ${timeoutMs} ms:\n${errors}`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited with ${code}:\n${errors}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const message = JSON.parse(line) as { event: string; url: string };
      if (message.event !== 'listening') reject(new Error(`unexpected first line: ${line}`));
      else resolve(message.url);
    });
  });
  return {
    url,
    dataDir,
    child,
    stderr: () => errors,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
