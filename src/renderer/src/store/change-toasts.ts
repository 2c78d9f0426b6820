import i18next from 'i18next';
import type { Machine } from '../../../shared/fleet';
import { isCritical } from '../../../shared/statuses';
import { useCommandStore } from '../views/desk/command-store';
import { useFleetStore } from './fleet-store';
import { useUiStore } from './ui-store';

/**
 * In-app toasts for status changes, grouped: one change names the machine, a burst folds into
 * one toast that counts ("12 machines changed status"), never a toast per event.
 */
export function announceStatusChanges(changed: readonly Machine[]): void {
  const { machines } = useFleetStore.getState();
  const { toast } = useUiStore.getState();
  const { pending } = useCommandStore.getState();
  const moved = changed.filter((machine) => {
    const before = machines.get(machine.id);
    // The operator's own command has its own toast; this one is for changes made elsewhere.
    return before !== undefined && before.status !== machine.status && pending[machine.id] !== machine.status;
  });
  if (moved.length === 0) return;
  const critical = moved.some((machine) => isCritical(machine.status));
  const text =
    moved.length === 1
      ? i18next.t('toasts.oneChanged', { name: moved[0].name, status: i18next.t(`status.${moved[0].status}`) })
      : i18next.t('toasts.manyChanged', { count: moved.length });
  toast({ tone: critical ? 'warning' : 'info', text, group: 'status-changes' });
}
