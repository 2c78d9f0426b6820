import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseAppArgs, parseHubArgs } from './launch-options';

describe('launch options', () => {
  it('reads the shared flags and tolerates the switches Electron adds', () => {
    const parsed = parseAppArgs(['--data-dir', '/srv/rvm', '--kiosk', '--enable-logging', '--no-sandbox']);
    expect(parsed).toEqual({ ok: true, value: { dataDir: '/srv/rvm', demo: false, envFile: null, kiosk: true, layout: null } });
  });

  it('refuses --demo together with --env-file, saying why', () => {
    const parsed = parseHubArgs(['--demo', '--env-file', '.env']);
    expect(parsed).toMatchObject({ ok: false });
    expect((parsed as { message: string }).message).toMatch(/exclude each other/);
  });

  it('binds the hub to loopback by default', () => {
    const parsed = parseHubArgs(['--port', '0']);
    expect(parsed).toMatchObject({ ok: true, value: { port: 0, listen: '127.0.0.1' } });
  });

  it('takes display keys for read-only wall displays', () => {
    const parsed = parseHubArgs(['--display-key', 'lobby-tv-key-0123456', '--display-key', 'room-b-key-98765432']);
    expect(parsed).toMatchObject({ ok: true, value: { displayKeys: ['lobby-tv-key-0123456', 'room-b-key-98765432'] } });
    expect(parseHubArgs(['--display-key', 'short'])).toMatchObject({ ok: false });
  });

  it.each([['--port', 'eighty'], ['--port', '70000'], ['--listen', 'a b'], ['--token', 'short'], ['--bogus']])(
    'refuses %s %s with a message',
    (...args) => {
      const parsed = parseHubArgs(args.filter(Boolean));
      expect(parsed.ok).toBe(false);
      expect((parsed as { message: string }).message.length).toBeGreaterThan(5);
    },
  );

  it('keeps data where Electron would', () => {
    expect(defaultDataDir('RVM Control Room', 'linux', { XDG_CONFIG_HOME: '/home/op/.config' })).toBe(
      '/home/op/.config/RVM Control Room',
    );
    expect(defaultDataDir('RVM Control Room', 'win32', { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' })).toMatch(
      /RVM Control Room$/,
    );
  });
});
