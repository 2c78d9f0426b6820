import type { CommandResult } from '../../../shared/contract';
import { failure } from '../../../shared/contract';
import { COMMAND_EVENT } from '../../../shared/fleet';
import type { RvmStatus } from '../../../shared/statuses';
import { normaliseStatus } from '../../../shared/statuses';
import type { FleetState, MachineChange } from '../fleet/fleet-state';
import type { ServerSession } from '../session/server-session';

export interface StatusCommandResult {
  id: string;
  oldStatus: RvmStatus | null;
  newStatus: RvmStatus;
  changedAt: string;
}

/**
 * Sets a machine's status on the server. Our socket id goes along as `X-Socket-ID`, so the server
 * leaves us out of the broadcast that follows: the reply itself is applied to the fleet. Every
 * attempt, allowed or not, is written to the audit table.
 */
export async function setMachineStatus(input: {
  session: ServerSession;
  fleet: FleetState;
  id: string;
  status: RvmStatus;
  statusChanged(change: MachineChange, at: number): void;
}): Promise<CommandResult<StatusCommandResult>> {
  const { session, fleet, id, status } = input;
  const started = Date.now();
  const reply = await session.client.setStatus(id, status, session.socketId());
  const audit = {
    time: started,
    user: session.user.email,
    role: session.user.roleSlug,
    machineId: id,
    action: 'set-status',
    args: { status },
  };
  if (!reply.ok) {
    session.store.recordCommand({ ...audit, ok: false, code: reply.code, message: reply.message });
    return failure(reply.code, reply.message);
  }
  const changedAt = Date.parse(reply.value.changed_at);
  const at = Number.isFinite(changedAt) ? changedAt : Date.now();
  const newStatus = normaliseStatus(reply.value.new_status);
  const oldStatus = reply.value.old_status === null ? null : normaliseStatus(reply.value.old_status);
  session.store.recordCommand({ ...audit, ok: true, code: null, message: `${oldStatus ?? '?'} → ${newStatus}` });
  session.store.append({
    time: at,
    machineId: id,
    type: COMMAND_EVENT,
    status: newStatus,
    payload: { by: session.user.email, from: oldStatus, to: newStatus },
  });
  const change = fleet.applyStatus({ id, status: newStatus, at });
  if (change?.statusChanged) input.statusChanged(change, at);
  return { ok: true, value: { id: reply.value.rvm_id, oldStatus, newStatus, changedAt: new Date(at).toISOString() } };
}
