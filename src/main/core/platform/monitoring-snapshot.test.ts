import { describe, expect, it } from 'vitest';
import { MachineSchema } from '../../../shared/fleet';
import { MAX_NAME_LENGTH, normaliseMonitoring, type MonitoringSnapshot } from './monitoring-snapshot';

const TAKEN_AT = Date.parse('2025-06-01T08:00:00Z');

/** The older controller's reply (RVM model's cached monitoring data), secrets and all. */
function olderBody(rvms: unknown[]): unknown {
  return {
    success: true,
    data: {
      total_rvms: 2,
      status_counts: { active: 1, full: 1 },
      active_sessions: 1,
      total_sessions_today: 9,
      total_deposits_today: 31,
      rvms,
    },
  };
}

/** The newer controller's reply: calculated status, fill level, preformatted `last_seen`. */
function newerBody(rvms: unknown[]): unknown {
  return {
    success: true,
    data: {
      statistics: { total_rvm: 2, active_sessions: 1, deposits_today: 175.5, total_issues: 1 },
      rvms,
    },
    cached: false,
  };
}

const olderRow = {
  id: 7,
  name: '  RVM Kantin Timur ',
  location: 'Gedung A, lantai 1',
  status: 'full',
  created_at: '2025-01-02T03:04:05.000000Z',
  last_status_change: '2025-06-01T07:55:12.123456Z',
  active_sessions: 1,
  total_sessions_today: 6,
  deposits_today: 20,
  remote_access_enabled: true,
  kiosk_mode_enabled: false,
  api_key: 'rvm_live_9c1f0e-secret-api-key',
  status_info: { label: 'Full', color: 'red', description: 'RVM storage is full', icon: 'exclamation-triangle' },
};

const newerRow = {
  id: 8,
  name: 'RVM Lobi',
  location: 'Lobby Building A',
  capacity: 75.5,
  status: 'active',
  special_status: null,
  status_info: { status: 'active', label: 'Active', class: 'success', icon: 'check', color: '#28a745', description: '', priority: 1 },
  last_seen: '2025-06-01 14:55:00',
};

function snapshotOf(body: unknown): MonitoringSnapshot {
  const result = normaliseMonitoring(body, TAKEN_AT);
  if (!result.ok) throw new Error(`expected a snapshot, got: ${result.message}`);
  return result.snapshot;
}

describe('normaliseMonitoring: the older shape', () => {
  it('reads machines, their counts and the fleet figures', () => {
    const snapshot = snapshotOf(olderBody([olderRow, { ...olderRow, id: '9', name: 'RVM Parkir', status: 'active' }]));
    expect(snapshot.shape).toBe('older');
    expect(snapshot.takenAt).toBe(TAKEN_AT);
    expect(snapshot.machines[0]).toEqual({
      id: '7',
      name: 'RVM Kantin Timur',
      location: 'Gedung A, lantai 1',
      status: 'full',
      capacity: null,
      lastChange: '2025-06-01T07:55:12.123Z',
      activeSessions: 1,
      sessionsToday: 6,
      depositsToday: 20,
      factAt: TAKEN_AT,
      removed: false,
    });
    expect(snapshot.machines.map((machine) => machine.id)).toEqual(['7', '9']);
    expect(snapshot.figures).toEqual({
      totalMachines: 2,
      activeSessions: 1,
      sessionsToday: 9,
      depositsToday: 31,
      statusCounts: { active: 1, full: 1 },
      asOf: TAKEN_AT,
    });
    expect(snapshot.rejected).toEqual({ count: 0, reasons: {} });
    for (const machine of snapshot.machines) expect(MachineSchema.safeParse(machine).success).toBe(true);
  });

  it('never carries the row secrets the older server sends along', () => {
    const snapshot = snapshotOf(olderBody([olderRow]));
    expect(JSON.stringify(snapshot)).not.toContain('secret-api-key');
  });

  it('keeps a time only when it is ISO with a zone', () => {
    const rows = [
      { ...olderRow, id: 1, last_status_change: '2025-06-01 07:55:12' },
      { ...olderRow, id: 2, last_status_change: 'kemarin' },
      { ...olderRow, id: 3, last_status_change: '2025-13-40T99:00:00Z' },
      { ...olderRow, id: 4, last_status_change: 1717228800 },
      { ...olderRow, id: 5, last_status_change: '2025-06-01T14:55:12+07:00' },
    ];
    const lastChanges = snapshotOf(olderBody(rows)).machines.map((machine) => machine.lastChange);
    expect(lastChanges).toEqual([null, null, null, null, '2025-06-01T07:55:12.000Z']);
  });

  it('reads PHP decimal text as numbers and anything else odd as unknown', () => {
    const rows = [
      { ...olderRow, id: 1, deposits_today: '12.50', active_sessions: -1, total_sessions_today: 'banyak' },
      { ...olderRow, id: 2, deposits_today: Number.POSITIVE_INFINITY, active_sessions: { n: 1 }, total_sessions_today: null },
    ];
    const machines = snapshotOf(olderBody(rows)).machines;
    expect(machines.map((m) => [m.depositsToday, m.activeSessions, m.sessionsToday])).toEqual([
      [12.5, null, null],
      [null, null, null],
    ]);
  });
});

describe('normaliseMonitoring: the newer shape', () => {
  it('reads the calculated status and fill level, and leaves misnamed figures unknown', () => {
    const snapshot = snapshotOf(
      newerBody([newerRow, { ...newerRow, id: 9, name: 'RVM Gerbang', status: 'full', capacity: 100 }]),
    );
    expect(snapshot.shape).toBe('newer');
    expect(snapshot.machines[0]).toEqual({
      id: '8',
      name: 'RVM Lobi',
      location: 'Lobby Building A',
      status: 'active',
      capacity: 75.5,
      lastChange: null,
      activeSessions: null,
      sessionsToday: null,
      depositsToday: null,
      factAt: TAKEN_AT,
      removed: false,
    });
    expect(snapshot.machines[1]).toMatchObject({ id: '9', status: 'full', capacity: 100 });
    // deposits_today (175.5) is a sum of fill levels and active_sessions counts active machines.
    expect(snapshot.figures).toEqual({
      totalMachines: 2,
      activeSessions: null,
      sessionsToday: null,
      depositsToday: null,
      statusCounts: null,
      asOf: TAKEN_AT,
    });
  });

  it('does not read last_seen as a status change time, even when it looks like one', () => {
    const snapshot = snapshotOf(newerBody([{ ...newerRow, last_seen: '2025-06-01T07:55:12Z' }]));
    expect(snapshot.machines[0].lastChange).toBeNull();
  });

  it('clamps the fill level to 0–100 and treats non-numbers as unknown', () => {
    const rows = [150, -4, '87.5', 'full', null, Number.NaN, [50]].map((capacity, index) => ({
      ...newerRow,
      id: index + 1,
      capacity,
    }));
    expect(snapshotOf(newerBody(rows)).machines.map((machine) => machine.capacity)).toEqual([
      100,
      0,
      87.5,
      null,
      null,
      null,
      null,
    ]);
  });

  it('accepts the rows as an object, as Laravel sends a collection with gaps in its keys', () => {
    const body = { success: true, data: { statistics: { total_rvm: 2 }, rvms: { 0: newerRow, 2: { ...newerRow, id: 3 } } } };
    expect(snapshotOf(body).machines.map((machine) => machine.id)).toEqual(['8', '3']);
  });
});

describe('normaliseMonitoring: hostile rows', () => {
  it('drops bad rows, counts them by reason and keeps the good ones', () => {
    const rows = [
      newerRow,
      null,
      'RVM 3',
      [newerRow],
      { ...newerRow, id: undefined },
      { ...newerRow, id: '   ' },
      { ...newerRow, id: { nested: 1 } },
      { ...newerRow, id: 1.5 },
      { ...newerRow, id: 'x'.repeat(65) },
      { ...newerRow, id: 10, name: 42 },
      { ...newerRow, id: 11, name: null },
      { id: 12 },
      { ...newerRow, id: '8', name: 'RVM Lobi (copy)' },
      { ...newerRow, id: 8, name: 'RVM Lobi again' },
    ];
    const snapshot = snapshotOf(newerBody(rows));
    expect(snapshot.machines).toHaveLength(1);
    expect(snapshot.machines[0].name).toBe('RVM Lobi');
    expect(snapshot.rejected).toEqual({
      count: 13,
      reasons: { 'row-not-object': 3, 'id-missing': 2, 'id-invalid': 3, 'name-not-text': 3, 'duplicate-id': 2 },
    });
  });

  it('keeps markup in names and locations verbatim, as text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const snapshot = snapshotOf(olderBody([{ ...olderRow, name: markup, location: `<b>${markup}</b>` }]));
    expect(snapshot.machines[0].name).toBe(markup);
    expect(snapshot.machines[0].location).toBe(`<b>${markup}</b>`);
  });

  it('caps a 1 MB name and a long location without splitting a character', () => {
    const huge = 'N'.repeat(1024 * 1024);
    const emoji = `${'a'.repeat(MAX_NAME_LENGTH - 1)}😀tail`;
    const snapshot = snapshotOf(
      newerBody([
        { ...newerRow, id: 1, name: huge, location: 'L'.repeat(1024 * 1024) },
        { ...newerRow, id: 2, name: emoji },
      ]),
    );
    expect(snapshot.machines[0].name).toHaveLength(MAX_NAME_LENGTH);
    expect(snapshot.machines[0].location).toHaveLength(500);
    expect(snapshot.machines[1].name).toBe('a'.repeat(MAX_NAME_LENGTH - 1));
  });

  it('shows unknown and missing statuses as unknown, never dropping the machine', () => {
    const rows = [
      { ...newerRow, id: 1, status: 'exploded' },
      { ...newerRow, id: 2, status: undefined },
      { ...newerRow, id: 3, status: 5 },
      { ...newerRow, id: 4, status: ' FULL ' },
    ];
    expect(snapshotOf(newerBody(rows)).machines.map((machine) => machine.status)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'full',
    ]);
  });

  it('turns a blank or non-text location into null', () => {
    const rows = [
      { ...olderRow, id: 1, location: '   ' },
      { ...olderRow, id: 2, location: 12 },
    ];
    expect(snapshotOf(olderBody(rows)).machines.map((machine) => machine.location)).toEqual([null, null]);
  });
});

describe('normaliseMonitoring: bodies it cannot use', () => {
  it.each([
    ['null', null],
    ['a string', '<html>Login</html>'],
    ['an array', [newerRow]],
    ['no data', { success: true }],
    ['data without rows', { success: true, data: { statistics: {} } }],
    ['rows without figures', { success: true, data: { rvms: [newerRow] } }],
    ['rows that are text', { success: true, data: { statistics: {}, rvms: 'none' } }],
  ])('refuses %s with a message', (_, body) => {
    const result = normaliseMonitoring(body, TAKEN_AT);
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toMatch(/monitoring reply/);
  });

  it('passes on what the server said when it refused', () => {
    const result = normaliseMonitoring({ success: false, message: 'Insufficient permissions. Required roles: admin' }, TAKEN_AT);
    expect(result).toEqual({
      ok: false,
      message: 'The server refused the monitoring request: "Insufficient permissions. Required roles: admin".',
    });
  });

  it('refuses a snapshot time that is not a number', () => {
    expect(normaliseMonitoring(newerBody([newerRow]), Number.NaN).ok).toBe(false);
  });

  it('accepts an empty fleet', () => {
    expect(snapshotOf(newerBody([])).machines).toEqual([]);
  });
});
