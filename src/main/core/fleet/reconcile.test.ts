import { describe, expect, it } from 'vitest';
import type { Machine } from '../../../shared/fleet';
import { EMPTY_FIGURES, FleetState } from './fleet-state';
import { reconcile } from './reconcile';
import { testMachine } from '../../../shared/testing/test-machine';

const machine = (id: string, status: Machine['status'], factAt: number, extra: Partial<Machine> = {}): Machine =>
  testMachine(id, { status, factAt, ...extra });

describe('reconcile', () => {
  it('lets the snapshot correct what was missed, and keeps facts newer than the snapshot', () => {
    const fleet = new FleetState();
    fleet.reset([machine('1', 'active', 100), machine('2', 'active', 100), machine('3', 'error', 900)]);
    const result = reconcile(fleet, {
      takenAt: 500,
      machines: [machine('1', 'full', 500), machine('2', 'active', 500), machine('3', 'active', 500)],
      figures: EMPTY_FIGURES,
    });
    expect(fleet.get('1')?.status).toBe('full');
    expect(fleet.get('2')?.status).toBe('active');
    // The event at 900 arrived after the snapshot was asked for: it is the newer fact.
    expect(fleet.get('3')?.status).toBe('error');
    expect(result.keptNewer).toBe(1);
    expect(result.changed.map((c) => [c.machine.id, c.from, c.statusChanged])).toEqual([['1', 'active', true]]);
  });

  it('dates a row by its last status change, so a cached reply cannot undo a newer event', () => {
    const fleet = new FleetState();
    fleet.reset([machine('1', 'error', 400)]);
    reconcile(fleet, {
      takenAt: 500,
      machines: [machine('1', 'active', 500, { lastChange: new Date(300).toISOString() }), machine('2', 'full', 500, { lastChange: new Date(450).toISOString() })],
      figures: EMPTY_FIGURES,
    });
    expect(fleet.get('1')?.status).toBe('error');
    expect(fleet.get('2')).toMatchObject({ status: 'full', factAt: 450 });
  });

  it('adds new machines and marks vanished ones removed', () => {
    const fleet = new FleetState();
    fleet.reset([machine('1', 'active', 100), machine('gone', 'full', 100)]);
    const result = reconcile(fleet, { takenAt: 500, machines: [machine('1', 'active', 500), machine('new', 'maintenance', 500)], figures: EMPTY_FIGURES });
    expect(fleet.get('new')?.status).toBe('maintenance');
    expect(fleet.get('gone')?.removed).toBe(true);
    expect(result.removed.map((m) => m.id)).toEqual(['gone']);
    expect(fleet.statusCounts()).toMatchObject({ active: 1, maintenance: 1, full: 0 });
  });

  it('marks changed rows dirty for the outbox, and only those', () => {
    const fleet = new FleetState();
    fleet.reset([machine('1', 'active', 100), machine('2', 'active', 100)]);
    reconcile(fleet, { takenAt: 500, machines: [machine('1', 'active', 500), machine('2', 'error', 500)], figures: EMPTY_FIGURES });
    expect(fleet.takeChanges().machines.map((m) => m.id)).toEqual(['2']);
  });
});

describe('FleetState', () => {
  it('ignores a status fact older than the one it holds', () => {
    const fleet = new FleetState();
    fleet.applyStatus({ id: '1', status: 'full', at: 2_000 });
    expect(fleet.applyStatus({ id: '1', status: 'active', at: 1_000 })).toBeNull();
    expect(fleet.get('1')?.status).toBe('full');
  });

  it('records when the status last changed, not when it was last repeated', () => {
    const fleet = new FleetState();
    fleet.applyStatus({ id: '1', status: 'full', at: 1_000 });
    const repeat = fleet.applyStatus({ id: '1', status: 'full', at: 5_000 });
    expect(repeat?.statusChanged).toBe(false);
    expect(fleet.get('1')?.lastChange).toBe(new Date(1_000).toISOString());
  });
});
