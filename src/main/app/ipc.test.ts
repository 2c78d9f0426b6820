import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as electron from 'electron';
import type * as FakeElectron from './testing/fake-electron';
import { COMMAND_NAMES } from '../../shared/contract';
import { ControlRoom } from '../core/control-room';
import { MemorySecretStore } from '../core/profiles/secret-store';
import type { IpcMainLike } from './ipc';
import { bindCommands, forwardEvents } from './ipc';
import { createSenderCheck, RENDERER_ORIGIN } from './trusted-sender';

const fake = electron as unknown as typeof FakeElectron;

async function setUp() {
  fake.resetFakeElectron();
  const dataDir = mkdtempSync(join(tmpdir(), 'rvm-ipc-'));
  const { controlRoom } = await ControlRoom.open({ dataDir, runtime: 'electron', secrets: new MemorySecretStore() });
  const ownWindows = new Set([7]);
  const unbind = bindCommands(fake.ipcMain as unknown as IpcMainLike, controlRoom.handlers, createSenderCheck(() => ownWindows, undefined));
  const call = (name: string, event: { sender: { id: number }; senderFrame: { url: string } | null }, args: unknown) =>
    fake.ipcMain.handlers.get(name)!(event, args);
  return { controlRoom, dataDir, unbind, call };
}

const ownPage = { sender: { id: 7 }, senderFrame: { url: `${RENDERER_ORIGIN}/index.html` } };

describe('the IPC binding', () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    ctx = await setUp();
  });
  afterEach(() => ctx.controlRoom.close());

  it('registers one handler per contract command', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('answers the app’s own page', async () => {
    const result = await ctx.call('app.info', ownPage, {});
    expect(result).toMatchObject({ ok: true, value: { runtime: 'electron', dataDir: ctx.dataDir } });
  });

  it('refuses a frame from another origin, even inside our window', async () => {
    const result = await ctx.call('app.info', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } }, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a web contents that is not one of our windows', async () => {
    const result = await ctx.call('app.info', { sender: { id: 99 }, senderFrame: { url: `${RENDERER_ORIGIN}/` } }, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a frame whose URL is unknown (a destroyed frame)', async () => {
    const result = await ctx.call('app.info', { sender: { id: 7 }, senderFrame: null }, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses invalid arguments with a message naming the problem', async () => {
    const result = await ctx.call('connection.get', ownPage, { phase: 'live' });
    expect(result).toMatchObject({ ok: false, code: 'invalid-arguments' });
    expect((result as { message: string }).message).toMatch(/connection\.get: .*phase/);
  });

  it('removes every handler when unbound', () => {
    ctx.unbind();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('forwards core events to the page until the window is gone', () => {
    const window = new fake.BrowserWindow({});
    const stop = forwardEvents(ctx.controlRoom.events, window.webContents);
    const state = ctx.controlRoom.connectionState();
    ctx.controlRoom.events.emit('connection.state', state);
    window.webContents.destroyed = true;
    ctx.controlRoom.events.emit('connection.state', state);
    stop();
    expect(window.webContents.sent).toEqual([{ channel: 'event:connection.state', payload: state }]);
  });
});
