import { describe, expect, it } from 'vitest';
import type { FleetFigures, Machine } from '../../../../shared/fleet';
import { capacityHistogram, countStatuses, depositsToday, ratePoints } from './fleet-figures';
import { testMachine } from '../../../../shared/testing/test-machine';

const machine = (fields: Partial<Machine>): Machine => testMachine('x', { name: 'RVM', ...fields });

const figures = (depositsToday: number | null): FleetFigures => ({
  totalMachines: null,
  activeSessions: null,
  sessionsToday: null,
  depositsToday,
  statusCounts: null,
  asOf: null,
});

describe('the dashboard figures', () => {
  it('count machines per status, leaving out removed ones', () => {
    const counts = countStatuses([
      machine({ status: 'active' }),
      machine({ status: 'full' }),
      machine({ status: 'error' }),
      machine({ status: 'error' }),
      machine({ status: 'maintenance', removed: true }),
    ]);
    expect(counts).toEqual({ total: 4, active: 1, full: 1, maintenance: 0, inactive: 0, error: 2, unknown: 0 });
  });

  it('put fill levels in ten buckets, 100 % in the last, and count the machines without one', () => {
    const histogram = capacityHistogram([
      machine({ capacity: 0 }),
      machine({ capacity: 9.9 }),
      machine({ capacity: 10 }),
      machine({ capacity: 89 }),
      machine({ capacity: 90 }),
      machine({ capacity: 100 }),
      machine({ capacity: null }),
      machine({ capacity: 50, removed: true }),
    ]);
    expect(histogram.buckets).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(histogram.unknown).toBe(1);
  });

  it('give sixty minutes of events, oldest first, with 0 for the quiet ones', () => {
    const now = Date.UTC(2026, 0, 1, 12, 30, 42);
    const current = Date.UTC(2026, 0, 1, 12, 30);
    const rate = new Map([
      [current, 5],
      [current - 60_000, 3],
      [current - 60 * 60_000, 99],
    ]);
    const points = ratePoints(rate, now, 60);
    expect(points).toHaveLength(60);
    expect(points[0].minute).toBe(current - 59 * 60_000);
    expect(points.at(-1)).toEqual({ minute: current, count: 5 });
    expect(points.at(-2)?.count).toBe(3);
    expect(points.reduce((sum, point) => sum + point.count, 0)).toBe(8);
  });

  it("take deposits today from the server's figures, else the machines' sum, else nothing", () => {
    const machines = [machine({ depositsToday: 4 }), machine({ depositsToday: null }), machine({ depositsToday: 6 })];
    expect(depositsToday(figures(0), machines)).toBe(0);
    expect(depositsToday(figures(null), machines)).toBe(10);
    expect(depositsToday(null, [machine({})])).toBeNull();
  });
});
