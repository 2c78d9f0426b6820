import { describe, expect, it } from 'vitest';
import type { FleetEvent, Machine } from '../../../../shared/fleet';
import { machineNameOf, summariseEvent } from './event-summary';

const event = (type: string, payload: unknown, machineId: string | null = '7'): FleetEvent => ({ seq: 1, time: 0, machineId, type, status: null, payload });

describe('one line for an event’s payload', () => {
  it('picks the fields that matter for each kind of event', () => {
    expect(summariseEvent(event('deposit.completed', { deposit_id: 12, waste_type: 'glass', weight: 0.4, reward_amount: 80 }))).toEqual({
      key: 'depositCompleted',
      values: { deposit: '12', waste: 'glass', weight: '0.4', reward: '80' },
    });
    expect(summariseEvent(event('command', { by: 'op@demo.rvm', from: 'active', to: 'maintenance' }))).toEqual({
      key: 'command',
      values: { by: 'op@demo.rvm' },
      statuses: { from: 'active', to: 'maintenance' },
    });
    expect(summariseEvent(event('gap', { durationMs: 65_000 }, null))).toEqual({ key: 'gap', values: {}, durationMs: 65_000 });
  });

  it('keeps markup as text, cuts long text short, and shows a dash for what is missing', () => {
    const summary = summariseEvent(event('deposit.failed', { deposit_id: 3, message: `<img src=x onerror=alert(1)>${'x'.repeat(300)}` }));
    expect(summary).toMatchObject({ key: 'depositFailed' });
    const message = 'values' in summary ? summary.values.message : '';
    expect(message.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(message.length).toBe(120);
    expect(summariseEvent(event('deposit.processing', {}))).toEqual({ key: 'depositProcessing', values: { deposit: '—' } });
  });

  it('falls back to compact JSON for a type it does not know', () => {
    expect(summariseEvent(event('something.new', { a: 1 }))).toEqual({ raw: '{"a":1}' });
  });

  it('names the machine from the fleet, else from the event, else by its id', () => {
    const fleet = new Map([['7', { id: '7', name: 'RVM Dago' } as Machine]]);
    expect(machineNameOf(event('deposit.processing', {}), fleet)).toBe('RVM Dago');
    expect(machineNameOf(event('rvm.status.updated', { rvm_name: 'RVM Old' }, '9'), fleet)).toBe('RVM Old');
    expect(machineNameOf(event('deposit.processing', {}, '9'), fleet)).toBe('9');
    expect(machineNameOf(event('dashboard.data.updated', {}, null), fleet)).toBe('—');
  });
});
