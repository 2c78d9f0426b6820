import { beforeEach, describe, expect, it } from 'vitest';
import type { Machine } from '../../../shared/fleet';
import { useFleetStore } from './fleet-store';
import { testMachine } from '../../../shared/testing/test-machine';

const machine = (id: string, status: Machine['status']): Machine => testMachine(id, { status });

describe('the renderer’s fleet store', () => {
  beforeEach(() => {
    useFleetStore.getState().leaveReplay();
    useFleetStore.getState().applyPatch({ reset: true, machines: [machine('1', 'active'), machine('2', 'active')], deleted: [], figures: null, eventCount: 0 });
  });

  it('applies only the machines a patch carries, and flashes those whose status moved', () => {
    const before = useFleetStore.getState().version;
    useFleetStore.getState().applyPatch({ reset: false, machines: [machine('2', 'full')], deleted: [], figures: null, eventCount: 3 });
    const state = useFleetStore.getState();
    expect(state.version).toBe(before + 1);
    expect(state.machines.get('2')?.status).toBe('full');
    expect(state.machines.get('1')?.status).toBe('active');
    expect([...state.changedAt.keys()]).toEqual(['2']);
    expect([...state.rate.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
  });

  it('shows a replay frame and ignores live patches until back to live', () => {
    useFleetStore.getState().showReplayFrame({ time: 5, machines: [machine('1', 'error')] });
    useFleetStore.getState().applyPatch({ reset: false, machines: [machine('1', 'active'), machine('3', 'full')], deleted: [], figures: null, eventCount: 1 });
    const state = useFleetStore.getState();
    expect(state.replay).toEqual({ time: 5 });
    expect([...state.machines.keys()]).toEqual(['1']);
    expect(state.machines.get('1')?.status).toBe('error');
  });
});
