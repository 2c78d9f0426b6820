import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, quoteExecArgument, SETTINGS_FILE, StartAtLogin, startedAtLogin, STARTED_AT_LOGIN_FLAG } from './login-item';

/** Electron's `app`, recording the login item settings it was given. */
class FakeApp {
  readonly calls: Array<{ openAtLogin: boolean; args?: string[] }> = [];
  refuse = false;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    if (this.refuse) throw new Error('access denied');
    this.calls.push(settings);
  }
}

function folders() {
  const dataDir = mkdtempSync(join(tmpdir(), 'rvm-login-'));
  const autostartDir = join(dataDir, 'autostart');
  return { dataDir, autostartDir, settings: join(dataDir, SETTINGS_FILE), entry: join(autostartDir, 'id.myrvm.controlroom.desktop') };
}

describe('start at login', () => {
  it('is off until chosen, and the choice survives a restart', async () => {
    const { dataDir } = folders();
    const app = new FakeApp();
    const { setting, note } = await StartAtLogin.open({ dataDir, app, platform: 'win32' });
    expect(note).toBeNull();
    expect(setting.enabled).toBe(false);
    expect(await setting.setEnabled(true)).toEqual({ ok: true });
    expect(app.calls).toEqual([{ openAtLogin: true, args: [STARTED_AT_LOGIN_FLAG] }]);

    const reopened = await StartAtLogin.open({ dataDir, app: new FakeApp(), platform: 'win32' });
    expect(reopened.setting.enabled).toBe(true);
  });

  it('registers with macOS login items, and removes itself when turned off', async () => {
    const { dataDir } = folders();
    const app = new FakeApp();
    const { setting } = await StartAtLogin.open({ dataDir, app, platform: 'darwin' });
    await setting.setEnabled(true);
    await setting.setEnabled(false);
    expect(app.calls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
    expect(setting.enabled).toBe(false);
  });

  it('writes an XDG autostart entry on Linux, and deletes it when turned off', async () => {
    const { dataDir, autostartDir, entry } = folders();
    const app = new FakeApp();
    const { setting } = await StartAtLogin.open({ dataDir, app, platform: 'linux', autostartDir, executable: '/opt/RVM Control Room/rvm-control-room' });
    await setting.setEnabled(true);
    const text = readFileSync(entry, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain(`Exec="/opt/RVM Control Room/rvm-control-room" ${STARTED_AT_LOGIN_FLAG}`);
    expect(app.calls).toEqual([]);
    await setting.setEnabled(false);
    expect(existsSync(entry)).toBe(false);
  });

  it('registers the saved choice again at start, where the program may have moved', async () => {
    const { dataDir, autostartDir, entry } = folders();
    writeFileSync(join(dataDir, SETTINGS_FILE), JSON.stringify({ startAtLogin: true }));
    const { setting } = await StartAtLogin.open({ dataDir, app: new FakeApp(), platform: 'linux', autostartDir, executable: '/new/place/rvm' });
    expect(await setting.apply()).toEqual({ ok: true });
    expect(readFileSync(entry, 'utf8')).toContain(`Exec=/new/place/rvm ${STARTED_AT_LOGIN_FLAG}`);
  });

  it('keeps the other settings in the file', async () => {
    const { dataDir, settings } = folders();
    writeFileSync(settings, JSON.stringify({ alerts: { muted: true } }));
    const { setting } = await StartAtLogin.open({ dataDir, app: new FakeApp(), platform: 'darwin' });
    await setting.setEnabled(true);
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ alerts: { muted: true }, startAtLogin: true });
  });

  it('sets a broken settings file aside instead of overwriting it, and says so', async () => {
    const { dataDir, settings } = folders();
    writeFileSync(settings, '{"startAtLogin": tru');
    const { setting, note } = await StartAtLogin.open({ dataDir, app: new FakeApp(), platform: 'darwin', now: () => Date.UTC(2026, 0, 2) });
    expect(setting.enabled).toBe(false);
    expect(note).toMatch(/was not a settings object: it was kept as .*unreadable-2026-01-02/);
    expect(readdirSync(dataDir).filter((name) => name.includes('unreadable'))).toHaveLength(1);
    expect(existsSync(settings)).toBe(false);
  });

  it('changes nothing when the system refuses, and says why', async () => {
    const { dataDir, settings } = folders();
    const app = new FakeApp();
    app.refuse = true;
    const { setting } = await StartAtLogin.open({ dataDir, app, platform: 'win32' });
    const result = await setting.setEnabled(true);
    expect(result).toEqual({ ok: false, message: 'The system refused to add the login item: access denied' });
    expect(setting.enabled).toBe(false);
    expect(existsSync(settings)).toBe(false);
  });

  it('undoes the registration when the choice cannot be saved', async () => {
    const { dataDir, settings } = folders();
    const app = new FakeApp();
    const { setting } = await StartAtLogin.open({ dataDir, app, platform: 'win32' });
    // A folder where the file should be: the write fails for every user, root included.
    mkdirSync(settings);
    const result = await setting.setEnabled(true);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/could not be saved to .*settings\.json/) });
    expect(app.calls.map((call) => call.openAtLogin)).toEqual([true, false]);
    expect(setting.enabled).toBe(false);
  });

  it('says it is not available where the system has no login items', async () => {
    const { dataDir } = folders();
    const { setting } = await StartAtLogin.open({ dataDir, app: new FakeApp(), platform: 'freebsd' });
    expect(setting.supported).toBe(false);
    expect(await setting.setEnabled(true)).toEqual({ ok: false, message: 'Starting at login is not available on freebsd.' });
  });

  it('knows a start from the login item, by flag or by macOS', () => {
    expect(startedAtLogin(['/opt/rvm', STARTED_AT_LOGIN_FLAG])).toBe(true);
    expect(startedAtLogin(['/opt/rvm'], { wasOpenedAtLogin: true })).toBe(true);
    expect(startedAtLogin(['/opt/rvm', '--demo'])).toBe(false);
  });
});

describe('the autostart entry', () => {
  it('quotes arguments the way the Desktop Entry Specification asks', () => {
    expect(quoteExecArgument('/usr/bin/rvm')).toBe('/usr/bin/rvm');
    expect(quoteExecArgument('/opt/My App/rvm')).toBe('"/opt/My App/rvm"');
    expect(quoteExecArgument('/opt/$HOME/"x"')).toBe('"/opt/\\$HOME/\\"x\\""');
    expect(quoteExecArgument('/opt/100%/rvm')).toBe('/opt/100%%/rvm');
  });

  it('writes a backslash inside quotes as four, as the file format and the quoting each escape it', () => {
    expect(autostartEntry('/opt/a\\b c/rvm')).toContain('Exec="/opt/a\\\\\\\\b c/rvm" --started-at-login');
  });
});
