// The command line: flag parsing, the one JSON line on stdout, a clean stop on a signal.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { main, parseArgs, type CliIo } from './cli';
import { waitFor } from './test-support';

function captureIo(): CliIo & { out: string[]; err: string[]; signals: EventEmitter } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    signals: new EventEmitter(),
  };
}

describe('parseArgs', () => {
  it('reads every flag, in both the spaced and the = form', () => {
    expect(parseArgs([])).toEqual({ ok: true, help: false, options: {} });
    expect(
      parseArgs([
        '--port', '0', '--host=0.0.0.0', '--rvms', '500', '--rate=2.5', '--seed', 'abc', '--stock-broadcast-auth',
        '--monitoring-shape', 'newer', '--control', '--app-id', 'app', '--key=k', '--secret', 's',
      ]),
    ).toEqual({
      ok: true,
      help: false,
      options: {
        port: 0, host: '0.0.0.0', rvms: 500, rate: 2.5, seed: 'abc', stockBroadcastAuth: true,
        monitoringShape: 'newer', control: true, appId: 'app', key: 'k', secret: 's',
      },
    });
    expect(parseArgs(['--help'])).toMatchObject({ ok: true, help: true });
  });

  it.each([
    [['--port', 'abc'], '--port must be an integer from 0 to 65535 (got "abc")'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535 (got "70000")'],
    [['--rvms', '50001'], '--rvms must be an integer from 1 to 50000 (got "50001")'],
    [['--rvms', '0'], '--rvms must be an integer from 1 to 50000 (got "0")'],
    [['--rate', '-1'], '--rate must be a number from 0 to 100000 (got "-1")'],
    [['--monitoring-shape', 'sideways'], '--monitoring-shape must be older or newer (got "sideways")'],
    [['--seed'], '--seed needs a value'],
    [['--control=yes'], '--control takes no value'],
    [['--verbose'], 'unknown option "--verbose" (see --help)'],
    [['--key', 'a/b'], '--key must be non-empty, without "/", "?", "#" or spaces (got "a/b")'],
  ])('refuses %j', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ ok: false, message });
  });
});

describe('main', () => {
  it('exits 2 with one clear line on stderr for a bad flag', async () => {
    const io = captureIo();
    expect(await main(['--rvms', 'lots'], io)).toBe(2);
    expect(io.err).toEqual(['demo-server: --rvms must be an integer from 1 to 50000 (got "lots")\n']);
    expect(io.out).toEqual([]);
  });

  it('prints exactly one JSON line when listening, serves, and stops with exit 0 on SIGTERM', async () => {
    const io = captureIo();
    const exit = main(['--port', '0', '--rate', '0', '--rvms', '3', '--control'], io);
    const line = await waitFor(() => io.out[0], 10_000, 'the listening line');
    expect(io.out).toHaveLength(1);
    expect(line.endsWith('\n')).toBe(true);
    const listening = JSON.parse(line) as Record<string, unknown>;
    expect(listening).toEqual({
      event: 'listening',
      url: `http://127.0.0.1:${String(listening.wsPort)}`,
      wsHost: '127.0.0.1',
      wsPort: expect.any(Number),
      appId: 'rvm-demo',
      key: 'rvm-demo-key',
      secret: 'rvm-demo-secret',
    });
    const truth = await fetch(`${String(listening.url)}/__control/truth`);
    expect(((await truth.json()) as { value: unknown[] }).value).toHaveLength(3);

    io.signals.emit('SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${String(listening.url)}/up`)).rejects.toThrow();
    expect(io.err.join('')).toContain('demo server stopped');
  });

  it('exits 1 with a hint when the port is taken', async () => {
    const first = captureIo();
    const running = main(['--port', '0', '--rate', '0'], first);
    const { wsPort } = JSON.parse(await waitFor(() => first.out[0], 10_000, 'the first server')) as { wsPort: number };
    const second = captureIo();
    expect(await main(['--port', String(wsPort)], second)).toBe(1);
    expect(second.err).toEqual([`demo-server: cannot start: port ${wsPort} is already in use (try --port 0)\n`]);
    first.signals.emit('SIGINT');
    expect(await running).toBe(0);
  });
});
