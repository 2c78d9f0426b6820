import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ControlRoom } from '../core/control-room';
import { MemorySecretStore } from '../core/profiles/secret-store';
import { HubAccess } from './access';
import type { RunningHub } from './hub-server';
import { startHubServer } from './hub-server';

const TOKEN = 'desk-token-0123456789abcdef';
const DISPLAY_KEY = 'lobby-display-key-0123456';

let hub: RunningHub;
let room: ControlRoom;
let exportsDir: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rvm-hub-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  exportsDir = join(dataDir, 'exports');
  mkdirSync(exportsDir);
  writeFileSync(join(exportsDir, 'rvm-events-1.csv'), 'seq,time\r\n');
  ({ controlRoom: room } = await ControlRoom.open({ dataDir, runtime: 'hub', secrets: new MemorySecretStore() }));
  hub = await startHubServer({ controlRoom: room, access: new HubAccess(TOKEN, [DISPLAY_KEY]), rendererDir, exportsDir, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await hub.stop();
  await room.close();
});

/** Opens the contract socket with a key, sends commands, and collects the answers by id. */
async function ask(key: string, commands: Array<{ name: string; args: unknown }>) {
  const socket = new WebSocket(`ws://127.0.0.1:${hub.port}/bridge?token=${key}`);
  const frames: Array<{ type: string; id?: number; access?: string; result?: { ok: boolean; code?: string } }> = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve) => socket.once('open', resolve));
  commands.forEach((command, id) => socket.send(JSON.stringify({ type: 'command', id, ...command })));
  await expect.poll(() => frames.filter((frame) => frame.type === 'result').length).toBe(commands.length);
  socket.close();
  return { access: frames.find((frame) => frame.type === 'welcome')?.access, results: commands.map((_, id) => frames.find((frame) => frame.id === id)?.result) };
}

describe('the hub’s keys', () => {
  it('lets a display key read but never command', async () => {
    const { access, results } = await ask(DISPLAY_KEY, [
      { name: 'app.info', args: {} },
      { name: 'machine.set-status', args: { id: '1', status: 'error' } },
      { name: 'session.sign-out', args: {} },
      { name: 'wall.layout', args: {} },
    ]);
    expect(access).toBe('read');
    expect(results.map((result) => result?.ok)).toEqual([true, false, false, true]);
    expect(results[1]).toMatchObject({ code: 'read-only' });
    expect(results[2]).toMatchObject({ code: 'read-only' });
  });

  it('lets the access token operate', async () => {
    const { access, results } = await ask(TOKEN, [{ name: 'session.sign-out', args: {} }]);
    expect(access).toBe('operate');
    expect(results[0]).toMatchObject({ ok: true });
  });

  it('serves exports only to the access token, never to a display key', async () => {
    const url = (key: string) => `http://127.0.0.1:${hub.port}/exports/rvm-events-1.csv?token=${key}`;
    expect((await fetch(url(DISPLAY_KEY))).status).toBe(401);
    const download = await fetch(url(TOKEN));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/attachment/);
    expect((await fetch(`http://127.0.0.1:${hub.port}/exports/..%2f..%2fsecrets.json?token=${TOKEN}`)).status).toBe(404);
  });
});
