import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { ROOT } from './paths';

/** The V8 CPU profile format (`.cpuprofile`), as far as the summary reads it. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileCost {
  /** Function and where it is defined (file:line, relative to the project). */
  what: string;
  /** Share of all samples spent in this function itself. */
  selfPercent: number;
  selfMs: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** The largest self costs, by function. */
  functions: ProfileCost[];
  /** The same samples, by source file or package. */
  modules: ProfileCost[];
}

function place(url: string): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (packaged) return packaged[1];
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

/** Self time per function and per module, largest first: where the CPU went. */
export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  // The in-process inspector building the profile itself (`dispatch` of Profiler.stop) is not the code's cost.
  for (const [id] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === 'dispatch' && frame.url === '') selfUs.delete(id);
  }
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0) || 1;
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const where = place(frame.url);
    const name = frame.functionName || '(anonymous)';
    const key = frame.url ? `${name} ${where}:${frame.lineNumber + 1}` : name;
    functions.set(key, (functions.get(key) ?? 0) + us);
    const module = frame.url ? where : name;
    modules.set(module, (modules.get(module) ?? 0) + us);
  }
  const rank = (costs: Map<string, number>): ProfileCost[] =>
    [...costs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, us]) => ({ what, selfPercent: (100 * us) / total, selfMs: us / 1000 }));
  return { file: relative(ROOT, file), totalMs: total / 1000, functions: rank(functions), modules: rank(modules) };
}

/** Profiles this process (the V8 sampling profiler through the inspector) while `work` runs. */
export async function profileWhile<T>(file: string, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let result: T;
  try {
    result = await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
  return { result, summary: summariseProfile(file) };
}

export function formatSummary(summary: ProfileSummary, title: string): string {
  const lines = [`${title} (${summary.file}, ${summary.totalMs.toFixed(0)} ms sampled)`, '  by function (self time):'];
  for (const cost of summary.functions) lines.push(`    ${cost.selfPercent.toFixed(1).padStart(5)}%  ${cost.what}`);
  lines.push('  by module:');
  for (const cost of summary.modules) lines.push(`    ${cost.selfPercent.toFixed(1).padStart(5)}%  ${cost.what}`);
  return lines.join('\n');
}

/** A child Node process's V8 profiler, reached through its inspector (`--inspect`). */
export interface RemoteProfiler {
  start(): Promise<void>;
  /** Stops, writes `file` and summarises it. */
  stop(file: string): Promise<ProfileSummary>;
}

/**
 * Starts a child Node process (through `start`, which must spawn before its first await) with its
 * inspector open on a free loopback port (`--cpu-prof` is not allowed in NODE_OPTIONS); `stderr`
 * reads what the child printed, where the inspector's address is.
 */
export async function withInspector<T>(start: () => Promise<T>, stderr: (child: T) => string): Promise<{ child: T; profiler: RemoteProfiler }> {
  const previous = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${previous ?? ''} --inspect=127.0.0.1:0`.trim();
  let started: Promise<T>;
  try {
    started = start();
  } finally {
    if (previous === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = previous;
  }
  const child = await started;
  const address = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(stderr(child))?.[0];
  if (!address) throw new Error('the child process did not open its inspector');
  const socket = new WebSocket(address);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const send = (method: string, params: object = {}): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        if (message.id !== id) return;
        socket.off('message', onMessage);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    child,
    profiler: {
      start: async () => {
        await send('Profiler.enable');
        await send('Profiler.setSamplingInterval', { interval: 200 });
        await send('Profiler.start');
      },
      stop: async (file) => {
        const { profile } = await send('Profiler.stop');
        socket.close();
        writeFileSync(file, JSON.stringify(profile));
        return summariseProfile(file);
      },
    },
  };
}

/** What the page's main thread did, by Chromium's trace phases, in ms per second of the window. */
export interface PageActivity {
  file: string;
  windowMs: number;
  /** Busy: every task the main thread ran. */
  busyMsPerSecond: number;
  phases: { name: string; msPerSecond: number }[];
}

/** Chromium's names for the main thread's work (nested inside tasks; script phases may nest in each other). */
const PHASES: Record<string, string> = {
  ParseHTML: 'HTML parsing',
  EvaluateScript: 'script evaluation (page load)',
  'v8.compileModule': 'module compile (page load)',
  'v8.evaluateModule': 'module evaluation (page load)',
  FunctionCall: 'script (FunctionCall)',
  TimerFire: 'timers',
  EventDispatch: 'event dispatch',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  MajorGC: 'GC (major)',
  MinorGC: 'GC (minor)',
};

/** Starts tracing the page's main thread (Chromium's timeline categories); `stop` sums up what it did. */
export async function startPageTrace(browser: Browser, page: Page, file: string): Promise<{ stop(): Promise<PageActivity> }> {
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  const started = performance.now();
  return {
    stop: async () => {
      await browser.stopTracing();
      return summariseTrace(file, performance.now() - started);
    },
  };
}

function summariseTrace(file: string, windowMs: number): PageActivity {
  const trace = JSON.parse(readFileSync(file, 'utf8')) as {
    traceEvents: { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }[];
  };
  const main = new Set(trace.traceEvents.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks: [number, number][] = [];
  const phases = new Map<string, number>();
  for (const event of trace.traceEvents) {
    if (event.ph !== 'X' || !event.dur || !main.has(`${event.pid}:${event.tid}`)) continue;
    if (event.name === 'RunTask') tasks.push([event.ts, event.ts + event.dur]);
    const phase = PHASES[event.name];
    if (phase) phases.set(phase, (phases.get(phase) ?? 0) + event.dur);
  }
  // Tasks nest (a task run inside another): busy time is the union of their intervals.
  tasks.sort((a, b) => a[0] - b[0]);
  let busyUs = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of tasks) {
    if (to <= end) continue;
    busyUs += to - Math.max(from, end);
    end = to;
  }
  return {
    file: relative(ROOT, file),
    windowMs,
    busyMsPerSecond: busyUs / windowMs,
    phases: [...phases.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, msPerSecond: us / windowMs })),
  };
}

/** Traces the page's main thread while `work` runs. */
export async function tracePageWhile<T>(browser: Browser, page: Page, file: string, work: () => Promise<T>): Promise<{ result: T; activity: PageActivity }> {
  const trace = await startPageTrace(browser, page, file);
  try {
    const result = await work();
    return { result, activity: await trace.stop() };
  } catch (error) {
    await trace.stop();
    throw error;
  }
}

export function formatActivity(activity: PageActivity, title: string): string {
  return [
    `${title} (${activity.file}, ${(activity.windowMs / 1000).toFixed(1)} s): main thread busy ${activity.busyMsPerSecond.toFixed(0)} ms per second`,
    ...activity.phases.map((phase) => `    ${phase.msPerSecond.toFixed(0).padStart(5)} ms/s  ${phase.name}`),
  ].join('\n');
}
