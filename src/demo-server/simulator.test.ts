// The simulated fleet: determinism, figures that agree with the machines, scale and sustained rate.
import { describe, expect, it } from 'vitest';
import { FleetModel, RVM_STATUSES, statusOf, type RvmStatus } from './fleet-model';
import { startDemoServer } from './index';
import { FleetSimulator, simulate, type SimulatedEvent } from './simulator';
import { frameData, RawSocket, waitFor } from './test-support';

const START = Date.UTC(2025, 0, 6, 1, 0, 0);

describe('simulate()', () => {
  it('gives the same events for the same seed, and different ones for another', () => {
    const run = (seed: string): SimulatedEvent[] => [...simulate({ rvms: 30, seed, events: 3000, startTime: START, stepMs: 50 })];
    const first = run('alpha');
    expect(first).toHaveLength(3000);
    expect(run('alpha')).toEqual(first);
    expect(run('beta')).not.toEqual(first);
    expect(new Set(first.map((event) => event.name))).toEqual(
      new Set([
        'session.authorized',
        'session.guest-activated',
        'deposit.processing',
        'deposit.completed',
        'deposit.failed',
        'analisis.selesai',
        'rvm.status.updated',
        'system.notification.broadcast',
        'dashboard.data.updated',
      ]),
    );
  });

  it('puts each event on its contract channels with its contract fields and an ISO UTC timestamp', () => {
    const expected: Record<string, { channels: RegExp; fields: string[] }> = {
      'session.authorized': { channels: /^rvm\.\d+$/, fields: ['session_id', 'user_id', 'user_name', 'timestamp'] },
      'session.guest-activated': { channels: /^rvm\.\d+$/, fields: ['session_id', 'timestamp'] },
      'deposit.processing': { channels: /^rvm\.\d+$/, fields: ['deposit_id', 'session_id', 'timestamp'] },
      'deposit.completed': { channels: /^rvm\.\d+$/, fields: ['deposit_id', 'session_id', 'waste_type', 'weight', 'reward_amount', 'timestamp'] },
      'deposit.failed': { channels: /^rvm\.\d+$/, fields: ['deposit_id', 'session_id', 'message', 'timestamp'] },
      'analisis.selesai': { channels: /^private-rvm\.\d+$/, fields: ['deposit_id', 'rvm_id', 'waste_type', 'quality_grade', 'ai_confidence', 'reward_amount', 'status', 'analysis_details', 'timestamp'] },
      'rvm.status.updated': { channels: /^(rvm-status|private-admin-dashboard)$/, fields: ['rvm_id', 'rvm_name', 'status', 'timestamp', 'location'] },
      'dashboard.data.updated': { channels: /^private-admin-dashboard$/, fields: ['total_rvms', 'status_counts', 'active_sessions', 'total_sessions_today', 'total_deposits_today', 'timestamp'] },
      'system.notification.broadcast': { channels: /^admin-dashboard$/, fields: ['notification_id', 'title', 'message', 'type', 'category', 'data', 'timestamp'] },
    };
    for (const event of simulate({ events: 5000, startTime: START })) {
      const contract = expected[event.name];
      expect(contract, event.name).toBeDefined();
      for (const channel of event.channels) expect(channel).toMatch(contract?.channels ?? /never/);
      expect(Object.keys(event.payload).sort()).toEqual([...(contract?.fields ?? [])].sort());
      expect(new Date(event.payload.timestamp as string).getTime()).toBe(event.at);
    }
  });

  it('reports dashboard figures that agree with the status and deposit events before them', () => {
    const seed = 'agree';
    const rvms = 40;
    const fleet = new FleetModel({ rvms, seed, now: START });
    const statuses = new Map<number, RvmStatus>(fleet.all().map((machine) => [machine.id, statusOf(machine)]));
    let previous: Record<string, unknown> | undefined;
    let deposits = 0;
    let sessions = 0;
    let dashboards = 0;
    for (const event of simulate({ rvms, seed, events: 20_000, startTime: START, stepMs: 100 })) {
      const payload = event.payload;
      if (event.name === 'rvm.status.updated') statuses.set(payload.rvm_id as number, payload.status as RvmStatus);
      if (event.name === 'deposit.completed') deposits++;
      if (event.name === 'session.authorized' || event.name === 'session.guest-activated') sessions++;
      if (event.name !== 'dashboard.data.updated') continue;
      dashboards++;
      const counts: Record<string, number> = {};
      for (const status of statuses.values()) counts[status] = (counts[status] ?? 0) + 1;
      expect(payload.status_counts).toEqual(counts);
      expect(payload.total_rvms).toBe(rvms);
      if (previous) {
        expect(payload.total_deposits_today).toBe((previous.total_deposits_today as number) + deposits);
        expect(payload.total_sessions_today).toBe((previous.total_sessions_today as number) + sessions);
      }
      previous = payload;
      deposits = 0;
      sessions = 0;
    }
    expect(dashboards).toBe(399);
  });

  it('fills bins with deposits until full, and empties them when serviced', () => {
    const fleet = new FleetModel({ rvms: 5, seed: 'bins', now: START });
    const simulator = new FleetSimulator(fleet, 'bins');
    let filled = 0;
    let emptied = 0;
    let previous: SimulatedEvent['name'] | undefined;
    for (let i = 0, at = START; i < 20_000; i++, at += 1000) {
      const event = simulator.next(at);
      const machine = fleet.get(event.payload.rvm_id as number);
      if (event.name === 'rvm.status.updated' && machine) {
        if (event.payload.status === 'full') {
          expect(machine.capacity).toBe(100);
          if (previous === 'deposit.completed') filled++;
        }
        if (event.payload.status === 'active') {
          expect(machine.capacity).toBeLessThan(100);
          if (machine.capacity === 0) emptied++;
        }
      }
      for (const each of fleet.all()) expect(each.capacity >= 0 && each.capacity <= 100).toBe(true);
      previous = event.name;
    }
    expect(filled).toBeGreaterThan(0);
    expect(emptied).toBeGreaterThan(0);
  });

  it('builds 50,000 machines with distinct Indonesian names and addresses', () => {
    const fleet = new FleetModel({ rvms: 50_000, seed: 'big', now: START });
    const machines = fleet.all();
    expect(new Set(machines.map((machine) => machine.name)).size).toBe(50_000);
    expect(machines[0]?.name).toBe('RVM Pasar Minggu');
    for (const machine of machines.slice(0, 200)) {
      expect(machine.location_description).toMatch(/^Jl\. .+ No\. \d+, .+, (Jakarta (Selatan|Pusat|Barat|Timur|Utara)|Bandung|Surabaya|Yogyakarta|Semarang|Medan|Denpasar|Makassar|Malang|Bogor|Palembang|Surakarta)$/);
    }
    expect(fleet.summary(START).total_rvms).toBe(50_000);
    expect(() => new FleetModel({ rvms: 50_001, seed: 'x', now: START })).toThrow(RangeError);
    const counts = fleet.summary(START).status_counts;
    for (const status of Object.keys(counts)) expect(RVM_STATUSES).toContain(status);
  });
});

describe('the live simulator', () => {
  it('sustains 20,000 events per second and broadcasts them with published_at_ms', async () => {
    const server = await startDemoServer({ port: 0, rate: 20_000 });
    const socket = await RawSocket.open(server);
    try {
      socket.send({ event: 'pusher:subscribe', data: { channel: 'rvm.1' } });
      await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
      const begin = { at: Date.now(), generated: server.control.stats().eventsGenerated };
      const end = await waitFor(() => {
        const at = Date.now();
        return at - begin.at >= 1000 && { at, generated: server.control.stats().eventsGenerated };
      }, 5000, 'one second to pass');
      const seconds = (end.at - begin.at) / 1000;
      expect(end.generated - begin.generated).toBeGreaterThanOrEqual(0.85 * 20_000 * seconds);
      const received = socket.frames.filter((f) => f.channel === 'rvm.1' && !f.event.startsWith('pusher'));
      expect(received.length).toBeGreaterThan(100);
      expect(frameData(received[0] ?? { event: '' }).published_at_ms).toEqual(expect.any(Number));
    } finally {
      socket.close();
      await server.stop();
    }
  });

  it('serves a 50,000-machine fleet over REST', async () => {
    const server = await startDemoServer({ port: 0, rate: 0, rvms: 50_000 });
    try {
      expect(server.control.truth()).toHaveLength(50_000);
      const login = await fetch(`${server.url}/api/v2/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.rvm', password: 'demo12345' }),
      });
      const token = ((await login.json()) as { data: { token: string } }).data.token;
      const list = await fetch(`${server.url}/api/v2/admin/rvm/list`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
      expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(50_000);
    } finally {
      await server.stop();
    }
  });
});
