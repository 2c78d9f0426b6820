import { describe, expect, it } from 'vitest';
import type { Machine } from '../../../../shared/fleet';
import { areaOf, criticalMachines, durationText, matchesLocations, shortLabel } from './wall-fleet';
import { testMachine } from '../../../../shared/testing/test-machine';

const machine = (fields: Partial<Machine>): Machine => testMachine('1', { name: 'RVM', ...fields });

describe('what a wall display shows of the fleet', () => {
  it('keeps the machines of its locations, ignoring case; all when it names none', () => {
    const kemang = machine({ location: 'Jl. Kemang Raya No. 3, Kemang, Jakarta Selatan' });
    expect(matchesLocations(kemang, ['jakarta'])).toBe(true);
    expect(matchesLocations(kemang, ['Bandung', 'KEMANG'])).toBe(true);
    expect(matchesLocations(kemang, ['Bandung'])).toBe(false);
    expect(matchesLocations(machine({ location: null }), ['Bandung'])).toBe(false);
    expect(matchesLocations(machine({ location: null }), undefined)).toBe(true);
    expect(matchesLocations(kemang, [])).toBe(true);
  });

  it('finds the area at the end of a location', () => {
    expect(areaOf('Jl. Kemang Raya No. 3, Kemang, Jakarta Selatan')).toBe('Jakarta Selatan');
    expect(areaOf('Bandung')).toBe('Bandung');
    expect(areaOf('Jl. X, ')).toBeNull();
    expect(areaOf(null)).toBeNull();
  });

  it('lists the critical machines, longest-standing first, unknown starts last', () => {
    const list = criticalMachines([
      machine({ id: 'a', status: 'full', lastChange: '2025-06-01T10:00:00Z' }),
      machine({ id: 'b', status: 'error', lastChange: '2025-06-01T08:00:00Z' }),
      machine({ id: 'c', status: 'active', lastChange: '2025-06-01T07:00:00Z' }),
      machine({ id: 'd', status: 'error', lastChange: null }),
      machine({ id: 'e', status: 'full', lastChange: '2025-06-01T07:30:00Z', removed: true }),
      machine({ id: 'f', status: 'full', lastChange: 'not a time' }),
    ]);
    expect(list.map((m) => m.id)).toEqual(['b', 'a', 'd', 'f']);
  });

  it('says durations with the big unit first', () => {
    expect(durationText(30_000)).toEqual({ key: 'seconds' });
    expect(durationText(-5_000)).toEqual({ key: 'seconds' });
    expect(durationText(45 * 60_000)).toEqual({ key: 'minutes', minutes: 45 });
    expect(durationText((2 * 60 + 15) * 60_000 + 59_000)).toEqual({ key: 'hours', hours: 2, minutes: 15 });
    expect(durationText((3 * 24 + 5) * 3_600_000)).toEqual({ key: 'days', days: 3, hours: 5 });
  });

  it('shortens a tile’s label to the id, or the initials of a long id’s name', () => {
    expect(shortLabel({ id: '1742', name: 'RVM Pasar Minggu' })).toBe('1742');
    expect(shortLabel({ id: 'rvm-000123', name: 'Stasiun pasar Minggu' })).toBe('SPM');
    expect(shortLabel({ id: 'rvm-000123', name: '123 456' })).toBe('0123');
  });
});
