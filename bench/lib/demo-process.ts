import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { DemoStats } from '../../src/demo-server/index';
import type { ServerAddress } from './live-client';
import { DEMO_SERVER_JS } from './paths';

/** The built demo server in a child process of its own (so it has a core of its own), with its control surface. */
export interface DemoProcess extends ServerAddress {
  child: ChildProcess;
  setRate(eventsPerSecond: number): Promise<void>;
  stats(): Promise<DemoStats>;
  stop(): Promise<void>;
}

/** Starts `node <out>/main/demo-server.js --port 0 --control …` and waits for its JSON line. */
export async function startDemoProcess(args: { rvms: number; rate: number; seed: string }): Promise<DemoProcess> {
  const child = spawn(
    process.execPath,
    [DEMO_SERVER_JS, '--port', '0', '--rvms', String(args.rvms), '--rate', String(args.rate), '--seed', args.seed, '--control'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start in 15 s:\n${errors}`)), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited with ${code}:\n${errors}`));
    });
    createInterface({ input: child.stdout! }).once('line', (text) => {
      clearTimeout(timer);
      resolve(text);
    });
  });
  const listening = JSON.parse(line) as ServerAddress & { event: string };
  if (listening.event !== 'listening') throw new Error(`unexpected first line from the demo server: ${line}`);
  const control = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${listening.url}/__control${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const reply = (await response.json()) as { ok: boolean; value?: unknown; message?: string };
    if (!reply.ok) throw new Error(`demo server control ${path}: ${reply.message}`);
    return reply.value;
  };
  return {
    url: listening.url,
    wsHost: listening.wsHost,
    wsPort: listening.wsPort,
    key: listening.key,
    child,
    setRate: async (eps) => void (await control('POST', '/simulator/rate', { eps })),
    stats: async () => (await control('GET', '/stats')) as DemoStats,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
