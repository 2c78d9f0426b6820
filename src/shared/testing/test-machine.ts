import type { Machine } from '../fleet';

/** A machine for tests: active, nothing else known, with the fields a test cares about set. */
export function testMachine(id: string, fields: Partial<Machine> = {}): Machine {
  return {
    id,
    name: `RVM ${id}`,
    location: null,
    status: 'active',
    capacity: null,
    lastChange: null,
    activeSessions: null,
    sessionsToday: null,
    depositsToday: null,
    factAt: 0,
    removed: false,
    ...fields,
  };
}
