import { describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../main/app/testing/fake-electron';
import { COMMAND_NAMES, EVENT_NAMES } from '../shared/contract';
import { listenerName, methodName } from '../shared/bridge';
import { signedOutState } from '../shared/connection';

let fake: typeof FakeElectron;

/** A fresh module graph per test: the preload and the fake `electron` it sees are new each time. */
async function loadPreload(): Promise<Record<string, (...args: unknown[]) => unknown>> {
  vi.resetModules();
  fake = (await import('electron')) as unknown as typeof FakeElectron;
  await import('./index');
  return fake.exposed.get('rvm') as Record<string, (...args: unknown[]) => unknown>;
}

describe('the preload bridge', () => {
  it('exposes only named functions under window.rvm', async () => {
    const bridge = await loadPreload();
    expect([...fake.exposed.keys()]).toEqual(['rvm']);
    const expected = [...COMMAND_NAMES.map(methodName), ...EVENT_NAMES.map(listenerName)].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('sends a command on its own channel', async () => {
    const bridge = await loadPreload();
    await bridge.appInfo();
    expect(fake.ipcRenderer.invocations).toEqual([{ channel: 'app.info', args: [{}] }]);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', async () => {
    const bridge = await loadPreload();
    const seen: unknown[][] = [];
    const off = bridge.onConnectionState((...args: unknown[]) => seen.push(args)) as () => void;
    const state = signedOutState('test');
    fake.ipcRenderer.emit('event:connection.state', { sender: 'the IPC event' }, state);
    off();
    fake.ipcRenderer.emit('event:connection.state', { sender: 'the IPC event' }, state);
    expect(seen).toEqual([[state]]);
    expect(fake.ipcRenderer.listenerCount('event:connection.state')).toBe(0);
  });
});
