import i18next from 'i18next';
import { create } from 'zustand';
import type { CommandResult, CommandResponse } from '../../../../shared/contract';
import type { RvmStatus } from '../../../../shared/statuses';
import { bridge } from '../../bridge';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';

export type StatusReply = CommandResult<CommandResponse<'machine.set-status'>>;

/** Statuses whose change takes a machine out of service: the operator confirms them first. */
export const DISRUPTIVE: ReadonlySet<RvmStatus> = new Set<RvmStatus>(['maintenance', 'inactive']);

/** How long a confirmed change may wait for the fleet patch that shows it before the mark goes anyway. */
const CONFIRM_GRACE_MS = 5_000;

interface CommandState {
  /** Status commands on their way: machine id → the status asked for (shown optimistically). */
  pending: Readonly<Record<string, RvmStatus>>;
  /** The server's answer to the last failed command per machine, shown inline until the next try. */
  failures: Readonly<Record<string, string>>;
  /**
   * Asks the server for a new status. `quiet` leaves the toasts out (a bulk action reports once for
   * all of them).
   */
  setStatus(id: string, status: RvmStatus, options?: { quiet?: boolean }): Promise<StatusReply>;
}

function without<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  const next = { ...record };
  delete next[id];
  return next;
}

function machineName(id: string): string {
  return useFleetStore.getState().machines.get(id)?.name ?? id;
}

function statusWord(status: RvmStatus): string {
  return i18next.t(`status.${status}`);
}

export const useCommandStore = create<CommandState>((set, get) => {
  /**
   * The reply can come before the fleet patch that carries the new status; the optimistic mark stays
   * until the row really shows it, so the row never flickers back to the old status in between.
   */
  function releaseWhenShown(id: string, status: RvmStatus): void {
    const release = () => {
      unsubscribe();
      clearTimeout(timer);
      if (get().pending[id] === status) set({ pending: without(get().pending, id) });
    };
    const shown = () => useFleetStore.getState().machines.get(id)?.status === status;
    const unsubscribe = useFleetStore.subscribe(() => {
      if (shown()) release();
    });
    const timer = setTimeout(release, CONFIRM_GRACE_MS);
    if (shown()) release();
  }

  return {
    pending: {},
    failures: {},
    async setStatus(id, status, options = {}) {
      const before = useFleetStore.getState().machines.get(id)?.status;
      set({ pending: { ...get().pending, [id]: status }, failures: without(get().failures, id) });
      let reply: StatusReply;
      try {
        reply = await bridge().machineSetStatus({ id, status });
      } catch (error) {
        reply = { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
      }
      const { toast } = useUiStore.getState();
      if (reply.ok) {
        releaseWhenShown(id, reply.value.newStatus);
        if (!options.quiet) {
          toast({
            tone: 'success',
            text: i18next.t('desk.commands.succeeded', { name: machineName(id), status: statusWord(reply.value.newStatus) }),
            group: null,
          });
        }
        return reply;
      }
      // Roll back: the row shows the fleet's status again, and the server's reason stays beside the buttons.
      set({ pending: without(get().pending, id), failures: { ...get().failures, [id]: reply.message } });
      if (!options.quiet) {
        toast({
          tone: 'error',
          text: i18next.t('desk.commands.failed', {
            name: machineName(id),
            status: before ? statusWord(before) : '?',
            message: reply.message,
          }),
          group: null,
        });
      }
      return reply;
    },
  };
});
