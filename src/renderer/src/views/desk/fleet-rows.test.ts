import { describe, expect, it } from 'vitest';
import type { Machine } from '../../../../shared/fleet';
import type { RowQuery } from './fleet-rows';
import { deriveRows } from './fleet-rows';
import { testMachine } from '../../../../shared/testing/test-machine';

const machine = testMachine;

function fleet(...machines: Machine[]): Map<string, Machine> {
  return new Map(machines.map((m) => [m.id, m]));
}

const query = (fields: Partial<RowQuery> = {}): RowQuery => ({
  statusFilter: new Set(),
  search: '',
  sort: { key: 'name', direction: 'asc' },
  language: 'en',
  ...fields,
});

describe('deriveRows', () => {
  it('leaves removed machines out of the rows, the counts and the total', () => {
    const rows = deriveRows(fleet(machine('1'), machine('2', { removed: true, status: 'error' })), query());
    expect(rows.ids).toEqual(['1']);
    expect(rows.total).toBe(1);
    expect(rows.counts.error).toBe(0);
  });

  it('searches name and location without regard to case', () => {
    const machines = fleet(
      machine('1', { name: 'RVM Pasar Minggu' }),
      machine('2', { name: 'RVM Gubeng', location: 'Jl. Pasar Baru' }),
      machine('3', { name: 'RVM Dago' }),
    );
    expect(deriveRows(machines, query({ search: '  PASAR ' })).ids).toEqual(['2', '1']);
  });

  it('counts per status before the status filter, then filters', () => {
    const machines = fleet(machine('1'), machine('2', { status: 'error' }), machine('3', { status: 'error' }));
    const rows = deriveRows(machines, query({ statusFilter: new Set(['error'] as const) }));
    expect(rows.ids).toEqual(['2', '3']);
    expect(rows.counts).toMatchObject({ active: 1, error: 2, full: 0 });
  });

  it('sorts numbers numerically, nulls last in both directions, ties by name', () => {
    const machines = fleet(
      machine('a', { name: 'B', capacity: 10 }),
      machine('b', { name: 'A', capacity: 10 }),
      machine('c', { name: 'C', capacity: null }),
      machine('d', { name: 'D', capacity: 9 }),
    );
    expect(deriveRows(machines, query({ sort: { key: 'capacity', direction: 'asc' } })).ids).toEqual(['d', 'b', 'a', 'c']);
    expect(deriveRows(machines, query({ sort: { key: 'capacity', direction: 'desc' } })).ids).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts names in natural order and statuses by their priority', () => {
    const machines = fleet(
      machine('1', { name: 'RVM 10', status: 'active' }),
      machine('2', { name: 'RVM 9', status: 'error' }),
      machine('3', { name: 'RVM 100', status: 'full' }),
    );
    expect(deriveRows(machines, query()).ids).toEqual(['2', '1', '3']);
    expect(deriveRows(machines, query({ sort: { key: 'status', direction: 'desc' } })).ids).toEqual(['2', '3', '1']);
  });
});
