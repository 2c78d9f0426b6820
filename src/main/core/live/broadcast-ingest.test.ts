import { describe, expect, it } from 'vitest';
import type { NewFleetEvent } from '../../../shared/fleet';
import { FleetState } from '../fleet/fleet-state';
import { BroadcastIngest, eventTime } from './broadcast-ingest';

function setUp() {
  const fleet = new FleetState();
  const recorded: NewFleetEvent[] = [];
  const changes: string[] = [];
  const ingest = new BroadcastIngest(fleet, {
    record: (event) => recorded.push(event),
    statusChanged: (change) => changes.push(`${change.machine.id}:${change.from}->${change.machine.status}`),
  }, () => Date.parse('2026-11-27T03:00:00Z'));
  return { fleet, recorded, changes, ingest };
}

const status = (extra: Record<string, unknown> = {}) => ({
  rvm_id: 7,
  rvm_name: 'RVM Pasar Minggu',
  status: 'full',
  timestamp: '2026-11-27T02:59:59.000Z',
  location: null,
  ...extra,
});

describe('BroadcastIngest', () => {
  it('applies a status update with its id as a string, and records it', () => {
    const { fleet, recorded, changes, ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', status());
    expect(fleet.get('7')).toMatchObject({ id: '7', name: 'RVM Pasar Minggu', status: 'full' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ machineId: '7', type: 'rvm.status.updated', status: 'full', time: Date.parse('2026-11-27T02:59:59Z') });
    expect(changes).toEqual(['7:null->full']);
  });

  it('stores the double delivery on both channels once', () => {
    const { recorded, ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', status());
    ingest.receive('private-admin-dashboard', 'rvm.status.updated', status());
    expect(recorded).toHaveLength(1);
    expect(ingest.counters).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('keeps an unknown status as unknown', () => {
    const { fleet, ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', status({ status: 'exploded' }));
    expect(fleet.get('7')?.status).toBe('unknown');
  });

  it('keeps markup in names as plain text', () => {
    const { fleet, ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', status({ rvm_name: '<img src=x onerror=alert(1)>' }));
    expect(fleet.get('7')?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['wrong types', status({ rvm_id: { $gt: 1 } })],
    ['missing fields', { rvm_id: 7 }],
    ['a 1 MB name', status({ rvm_name: 'x'.repeat(1024 * 1024) })],
    ['not an object', 'full'],
    ['null', null],
  ])('counts and drops a payload with %s, and goes on', (_label, payload) => {
    const { fleet, recorded, ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', payload);
    ingest.receive('rvm-status', 'rvm.status.updated', status({ rvm_id: 8 }));
    expect(Object.values(ingest.counters.rejected).reduce((a, b) => a + b, 0)).toBe(1);
    expect(recorded).toHaveLength(1);
    expect(fleet.get('8')?.status).toBe('full');
  });

  it('counts rejections by reason', () => {
    const { ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', status({ rvm_name: 42 }));
    ingest.receive('rvm-status', 'rvm.status.updated', status({ rvm_name: 43 }));
    ingest.receive('rvm-status', 'no.such.event', {});
    expect(Object.entries(ingest.counters.rejected)).toEqual([
      [expect.stringMatching(/^rvm\.status\.updated: rvm_name: /), 2],
      ['no.such.event: not a broadcast this app knows', 1],
    ]);
  });

  it('takes a machine channel event for its machine', () => {
    const { fleet, recorded, ingest } = setUp();
    ingest.receive('rvm-status', 'rvm.status.updated', status());
    ingest.receive('rvm.7', 'deposit.completed', { deposit_id: 1, session_id: 2, timestamp: '2026-11-27T02:59:59Z', waste_type: 'plastic', weight: 0.02, reward_amount: 100 });
    expect(recorded[1]).toMatchObject({ machineId: '7', type: 'deposit.completed' });
    expect(fleet.get('7')?.depositsToday).toBe(1);
  });

  it('updates the fleet figures from the dashboard broadcast', () => {
    const { fleet, ingest } = setUp();
    ingest.receive('private-admin-dashboard', 'dashboard.data.updated', {
      total_rvms: 24,
      status_counts: { active: 20, full: 4 },
      active_sessions: 3,
      total_sessions_today: 40,
      total_deposits_today: 512,
      timestamp: '2026-11-27T02:59:59Z',
    });
    expect(fleet.figures).toMatchObject({ totalMachines: 24, depositsToday: 512, activeSessions: 3 });
  });

  it('trusts our clock over a timestamp that is far off or unreadable', () => {
    expect(eventTime('not a time', 1_000)).toBe(1_000);
    expect(eventTime('1999-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:00Z'))).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
});
