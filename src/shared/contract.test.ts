import { describe, expect, it } from 'vitest';
import { createBridge, listenerName, methodName } from './bridge';
import { COMMAND_NAMES, EVENT_NAMES, parseRequest } from './contract';

describe('the contract', () => {
  it('accepts the arguments a command declares', () => {
    expect(parseRequest('app.info', {})).toEqual({ ok: true, value: {} });
  });

  it('rejects arguments a command does not declare, naming the command and the field', () => {
    const result = parseRequest('app.info', { dataDir: '/etc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid-arguments');
    expect(result.message).toMatch(/^app\.info: /);
    expect(result.message).toMatch(/dataDir/);
  });

  it('rejects arguments of the wrong kind', () => {
    const result = parseRequest('connection.get', 'rm -rf /');
    expect(result).toMatchObject({ ok: false, code: 'invalid-arguments' });
  });
});

describe('the bridge built from the contract', () => {
  it('names functions after the commands and events', () => {
    expect(methodName('app.info')).toBe('appInfo');
    expect(methodName('status.set-bulk')).toBe('statusSetBulk');
    expect(listenerName('connection.state')).toBe('onConnectionState');
  });

  it('exposes exactly one named function per command and one listener per event, nothing generic', () => {
    const bridge = createBridge({ invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined });
    const expected = [...COMMAND_NAMES.map(methodName), ...EVENT_NAMES.map(listenerName)].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });

  it('passes each call to the transport under its contract name', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = createBridge({
      invoke: async (name, args) => {
        calls.push([name, args]);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    });
    await bridge.appInfo();
    await bridge.connectionGet({});
    expect(calls).toEqual([
      ['app.info', {}],
      ['connection.get', {}],
    ]);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge({ invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined });
    expect(() => bridge.onConnectionState('alert(1)' as never)).toThrow(/needs a function/);
  });
});
