import { afterEach, describe, expect, it } from 'vitest';
import type { Bridge } from '../../../../shared/bridge';
import type { Machine } from '../../../../shared/fleet';
import type { BridgeClient } from '../../bridge/client';
import { setBridgeClient } from '../../bridge';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';
import type { StatusReply } from './command-store';
import { useCommandStore } from './command-store';
import { testMachine } from '../../../../shared/testing/test-machine';

const machine: Machine = testMachine('7', { name: 'RVM Dago' });

/** A bridge whose status command answers when the test says so. */
function fakeBridge(): { answer(reply: StatusReply): void } {
  let answer: (reply: StatusReply) => void = () => undefined;
  const bridge = { machineSetStatus: () => new Promise<StatusReply>((resolve) => (answer = resolve)) } as unknown as Bridge;
  setBridgeClient({ bridge, runtime: 'hub', onLinkState: () => () => undefined } satisfies BridgeClient);
  return { answer: (reply) => answer(reply) };
}

function patch(status: Machine['status']): void {
  useFleetStore.getState().applyPatch({ reset: false, machines: [{ ...machine, status }], deleted: [], figures: null, eventCount: 0 });
}

describe('the status command store', () => {
  afterEach(() => {
    useCommandStore.setState({ pending: {}, failures: {} });
    useUiStore.setState({ toasts: [] });
  });

  it('shows the asked-for status while waiting, then rolls back with the server’s message on failure', async () => {
    patch('active');
    const server = fakeBridge();
    const sent = useCommandStore.getState().setStatus('7', 'maintenance');
    expect(useCommandStore.getState().pending['7']).toBe('maintenance');
    server.answer({ ok: false, code: 'not-found', message: 'RVM not found' });
    expect(await sent).toMatchObject({ ok: false });
    expect(useCommandStore.getState().pending['7']).toBeUndefined();
    expect(useCommandStore.getState().failures['7']).toBe('RVM not found');
    expect(useUiStore.getState().toasts).toMatchObject([{ tone: 'error' }]);
  });

  it('keeps the pending mark until the fleet shows the confirmed status', async () => {
    patch('active');
    const server = fakeBridge();
    const sent = useCommandStore.getState().setStatus('7', 'error');
    server.answer({ ok: true, value: { id: '7', oldStatus: 'active', newStatus: 'error', changedAt: new Date().toISOString() } });
    await sent;
    // The reply came before the patch: the row must not flick back to "active" meanwhile.
    expect(useCommandStore.getState().pending['7']).toBe('error');
    patch('error');
    expect(useCommandStore.getState().pending['7']).toBeUndefined();
    expect(useUiStore.getState().toasts).toMatchObject([{ tone: 'success' }]);
  });

  it('leaves the toasts to the caller when asked to be quiet (bulk actions)', async () => {
    patch('active');
    const server = fakeBridge();
    const sent = useCommandStore.getState().setStatus('7', 'full', { quiet: true });
    server.answer({ ok: false, code: 'network', message: 'The hub cannot be reached right now; try again in a moment.' });
    await sent;
    expect(useUiStore.getState().toasts).toEqual([]);
    expect(useCommandStore.getState().failures['7']).toMatch(/cannot be reached/);
  });
});
