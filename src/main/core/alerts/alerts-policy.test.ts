import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationRequestSchema, type NotificationRequest } from '../../../shared/notifications';
import type { RvmStatus } from '../../../shared/statuses';
import { AlertsPolicy, DEFAULT_ALERT_SETTINGS, type AlertsPolicyOptions } from './alerts-policy';

const START = Date.parse('2025-06-01T08:00:00.000Z');

let policy: AlertsPolicy;
let sent: NotificationRequest[];

function setUp(options: AlertsPolicyOptions = {}): AlertsPolicy {
  policy?.dispose();
  policy = new AlertsPolicy(options);
  sent = [];
  policy.onNotification((request) => sent.push(request));
  return policy;
}

function change(id: string | number, to: RvmStatus, from: RvmStatus | null = 'active', name = `RVM ${id}`): void {
  policy.machineChanged({ id: id as string, name, from, to, at: Date.now() });
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  setUp();
});

afterEach(() => {
  policy.dispose();
  vi.useRealTimers();
});

describe('AlertsPolicy: grouping', () => {
  it('tells of 20 machines turning full within 2 s in exactly one notification', () => {
    for (let index = 1; index <= 20; index++) {
      change(index, 'full');
      vi.advanceTimersByTime(100);
    }
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'full',
      severity: 'critical',
      title: '20 machines full',
      body: 'RVM 1, RVM 2, RVM 3 and 17 more',
    });
    expect(sent[0].machineIds).toEqual(Array.from({ length: 20 }, (_, index) => String(index + 1)));
    expect(NotificationRequestSchema.safeParse(sent[0]).success).toBe(true);
    vi.advanceTimersByTime(10 * 60_000);
    expect(sent).toHaveLength(1);
  });

  it('names a single machine in the title and lists up to four in full', () => {
    change('7', 'full', 'active', 'RVM Kantin');
    vi.advanceTimersByTime(3_000);
    expect(sent[0]).toMatchObject({ title: 'RVM Kantin is full', body: 'It cannot take deposits until it is emptied.' });

    ['A', 'B', 'C', 'D'].forEach((name) => change(name, 'error', 'active', `RVM ${name}`));
    vi.advanceTimersByTime(3_000);
    expect(sent[1]).toMatchObject({ kind: 'error', title: '4 machines report errors', body: 'RVM A, RVM B, RVM C and RVM D' });
  });

  it('holds a repeat back until the interval ends, then tells it once', () => {
    change(1, 'full');
    vi.advanceTimersByTime(3_000);
    expect(sent).toHaveLength(1);

    vi.advanceTimersByTime(10_000);
    change(2, 'full');
    vi.advanceTimersByTime(20_000);
    change(3, 'full');
    vi.advanceTimersByTime(29_999);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ title: '2 machines full', machineIds: ['2', '3'] });
  });

  it('groups each kind on its own', () => {
    change(1, 'full');
    change(2, 'error');
    change(3, 'inactive');
    vi.advanceTimersByTime(3_000);
    expect(sent.map((request) => [request.kind, request.severity])).toEqual([
      ['full', 'critical'],
      ['error', 'critical'],
      ['offline', 'warning'],
    ]);
  });

  it('leaves out a machine that recovers before its group speaks', () => {
    change(1, 'full');
    change(2, 'full');
    vi.advanceTimersByTime(1_000);
    change(1, 'active', 'full');
    vi.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ title: 'RVM 2 is full', machineIds: ['2'] });
  });

  it('says nothing when every machine in the group recovered', () => {
    change(1, 'error');
    change(1, 'maintenance', 'error');
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);
  });

  it('does not tell of a status the machine already had, or of a first sighting', () => {
    change(1, 'full', 'full');
    change(2, 'full', null);
    change(3, 'inactive', null);
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);
  });

  it('tells of machines that went offline or left the fleet together', () => {
    change(1, 'inactive');
    policy.machineRemoved({ id: '2', name: 'RVM Lama', at: Date.now() });
    vi.advanceTimersByTime(3_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'offline', title: '2 machines offline', body: 'RVM 1 and RVM Lama', machineIds: ['1', '2'] });
  });

  it('drops a removed machine from a pending full group', () => {
    change(1, 'full');
    policy.machineRemoved({ id: '1', name: 'RVM 1', at: Date.now() });
    vi.advanceTimersByTime(3_000);
    expect(sent.map((request) => request.kind)).toEqual(['offline']);
  });

  it('stamps a notification with the time of its newest fact', () => {
    policy.machineChanged({ id: '1', name: 'A', from: 'active', to: 'full', at: START - 5_000 });
    policy.machineChanged({ id: '2', name: 'B', from: 'active', to: 'full', at: START - 1_000 });
    vi.advanceTimersByTime(3_000);
    expect(sent[0].at).toBe(START - 1_000);
    expect(sent[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('AlertsPolicy: names are plain text', () => {
  it('keeps markup as text and cuts long or multi-line names', () => {
    change(1, 'full', 'active', '<img src=x onerror=alert(1)>');
    change(2, 'full', 'active', `Line one\nline two\u202Egnp.exe ${'x'.repeat(1024 * 1024)}`);
    change(3, 'full', 'active', '   ');
    vi.advanceTimersByTime(3_000);
    expect(sent[0].body).toContain('<img src=x onerror=alert(1)>, ');
    const long = sent[0].body.split(', ')[1].split(' and ')[0];
    expect(long).toHaveLength(60);
    expect(long.startsWith('Line one line twognp.exe xxx')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    expect(sent[0].body).toMatch(/ and RVM 3$/);
  });

  it('ignores changes without a usable id', () => {
    policy.machineChanged({ id: '', name: 'A', from: 'active', to: 'full', at: 0 });
    policy.machineChanged({ id: { x: 1 }, name: 'A', from: 'active', to: 'full', at: 0 } as unknown as Parameters<AlertsPolicy['machineChanged']>[0]);
    policy.machineChanged(null as unknown as Parameters<AlertsPolicy['machineChanged']>[0]);
    vi.advanceTimersByTime(3_000);
    expect(sent).toEqual([]);
  });
});

describe('AlertsPolicy: the connection', () => {
  it('tells of a connection lost for more than 30 s, once, then of its return', () => {
    policy.connectionChanged('reconnecting', Date.now());
    vi.advanceTimersByTime(29_000);
    expect(sent).toEqual([]);
    policy.connectionChanged('offline', Date.now());
    vi.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'connection-lost',
      severity: 'warning',
      title: 'Connection to the server lost',
      machineIds: [],
      at: START,
    });
    vi.advanceTimersByTime(5 * 60_000);
    expect(sent).toHaveLength(1);

    policy.connectionChanged('live', Date.now());
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ kind: 'connection-restored', severity: 'info', title: 'Connection restored' });
  });

  it('says nothing about an outage of 29 s', () => {
    policy.connectionChanged('reconnecting', Date.now());
    vi.advanceTimersByTime(29_000);
    policy.connectionChanged('public-only', Date.now());
    vi.advanceTimersByTime(5 * 60_000);
    expect(sent).toEqual([]);
  });

  it('counts from when the connection was lost, even when told late', () => {
    policy.connectionChanged('offline', Date.now() - 31_000);
    vi.advanceTimersByTime(0);
    expect(sent.map((request) => request.kind)).toEqual(['connection-lost']);
  });

  it('treats signing out as a choice, not an outage', () => {
    policy.connectionChanged('reconnecting', Date.now());
    vi.advanceTimersByTime(31_000);
    policy.connectionChanged('signed-out', Date.now());
    vi.advanceTimersByTime(60_000);
    expect(sent.map((request) => request.kind)).toEqual(['connection-lost']);
  });

  it('does not repeat the lost notice for a flapping connection within the interval', () => {
    policy.connectionChanged('reconnecting', Date.now());
    vi.advanceTimersByTime(31_000);
    policy.connectionChanged('live', Date.now());
    policy.connectionChanged('reconnecting', Date.now());
    vi.advanceTimersByTime(31_000);
    expect(sent.map((request) => request.kind)).toEqual(['connection-lost', 'connection-restored']);
    policy.connectionChanged('live', Date.now());
    vi.advanceTimersByTime(60_000);
    expect(sent.map((request) => request.kind)).toEqual(['connection-lost', 'connection-restored']);
  });

  it('ignores a phase it does not know', () => {
    policy.connectionChanged('exploded' as 'offline', Date.now());
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);
  });
});

describe('AlertsPolicy: settings', () => {
  it('emits nothing while muted, and keeps nothing back for later', () => {
    change(1, 'full');
    expect(policy.configure({ muted: true }).ok).toBe(true);
    change(2, 'full');
    policy.connectionChanged('offline', Date.now());
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);

    policy.configure({ muted: false });
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);
    change(3, 'full');
    vi.advanceTimersByTime(3_000);
    expect(sent.map((request) => request.machineIds)).toEqual([['3']]);
  });

  it('turns single kinds off, and applies new timings', () => {
    policy.configure({ kinds: { offline: false }, groupWaitMs: 500 });
    change(1, 'inactive');
    change(2, 'error');
    vi.advanceTimersByTime(500);
    expect(sent.map((request) => request.kind)).toEqual(['error']);
    expect(policy.settings.kinds).toEqual({ ...DEFAULT_ALERT_SETTINGS.kinds, offline: false });
  });

  it.each([
    [{ groupWaitMs: -1 }, /groupWaitMs must be a whole number of milliseconds from 0 to 600000/],
    [{ repeatIntervalMs: 1.5 }, /repeatIntervalMs must be a whole number/],
    [{ muted: 'yes' }, /muted must be true or false/],
    [{ kinds: { full: 'on' } }, /kinds must map full, error, offline/],
    [{ kinds: { explosions: true } }, /kinds must map/],
    [{ volume: 11 }, /no alert setting named 'volume'/],
    ['mute', /must be an object/],
  ])('refuses %j, changing nothing', (patch, message) => {
    const result = policy.configure(patch);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(policy.settings).toEqual(DEFAULT_ALERT_SETTINGS);
  });

  it('refuses invalid settings given at construction', () => {
    expect(() => new AlertsPolicy({ settings: { groupWaitMs: -5 } })).toThrow(/groupWaitMs/);
  });
});

describe('AlertsPolicy: Bahasa Indonesia', () => {
  it('words grouped and single notifications in Indonesian', () => {
    setUp({ language: 'id' });
    for (let index = 1; index <= 7; index++) change(index, 'full', 'active', `RVM ${String.fromCharCode(64 + index)}`);
    change(8, 'inactive', 'active', 'RVM Gudang');
    vi.advanceTimersByTime(3_000);
    expect(sent[0]).toMatchObject({ title: '7 mesin penuh', body: 'RVM A, RVM B, RVM C dan 4 lainnya' });
    expect(sent[1]).toMatchObject({ title: 'RVM Gudang luring' });

    policy.connectionChanged('offline', Date.now());
    vi.advanceTimersByTime(31_000);
    policy.connectionChanged('live', Date.now());
    expect(sent.slice(2).map((request) => request.title)).toEqual(['Koneksi ke server terputus', 'Koneksi pulih']);
    expect(sent[2].body).toContain('lebih dari 30 detik');
  });

  it('switches language at run time', () => {
    expect(policy.setLanguage('id')).toBe(true);
    expect(policy.setLanguage('fr')).toBe(false);
    change(1, 'error', 'active', 'RVM A');
    vi.advanceTimersByTime(3_000);
    expect(sent[0].title).toBe('RVM A mengalami gangguan');
  });
});

describe('AlertsPolicy: lifetime', () => {
  it('stops telling a listener that unsubscribed, and keeps telling the others when one throws', () => {
    const quiet = vi.fn();
    const off = policy.onNotification(quiet);
    policy.onNotification(() => {
      throw new Error('broken listener');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    off();
    change(1, 'full');
    vi.advanceTimersByTime(3_000);
    expect(quiet).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    expect(error).toHaveBeenCalledOnce();
  });

  it('clears its timers on dispose', () => {
    change(1, 'full');
    policy.connectionChanged('offline', Date.now());
    expect(vi.getTimerCount()).toBe(2);
    policy.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual([]);
  });

  it('works with injected timers', () => {
    const pending: Array<() => void> = [];
    const injected = new AlertsPolicy({
      timers: { setTimeout: (callback) => pending.push(callback), clearTimeout: () => undefined },
      now: () => START,
    });
    const seen: NotificationRequest[] = [];
    injected.onNotification((request) => seen.push(request));
    injected.machineChanged({ id: '1', name: 'A', from: 'active', to: 'full', at: START });
    expect(seen).toEqual([]);
    pending.shift()?.();
    expect(seen.map((request) => request.title)).toEqual(['A is full']);
    injected.dispose();
  });
});
