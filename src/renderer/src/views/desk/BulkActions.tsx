import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RvmStatus } from '../../../../shared/statuses';
import { RVM_STATUSES } from '../../../../shared/statuses';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';
import { BulkResults, type BulkOutcome } from './BulkResults';
import { useCommandStore } from './command-store';
import { ConfirmDialog } from './ConfirmDialog';
import { OperateReason, useOperatePermission } from './StatusCommands';

/** Commands in flight at once: enough to finish a selection quickly, few enough not to flood the server. */
const CONCURRENCY = 4;

interface BulkRun {
  status: RvmStatus;
  ids: string[];
  outcomes: Record<string, BulkOutcome>;
  done: boolean;
}

/** A status for every selected machine: choose, confirm, then watch each machine's result. */
export function BulkActions() {
  const { t } = useTranslation();
  const selection = useUiStore((state) => state.selection);
  const setSelection = useUiStore((state) => state.setSelection);
  const setStatus = useCommandStore((state) => state.setStatus);
  const { canOperate, reason } = useOperatePermission();
  const [target, setTarget] = useState<RvmStatus | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [run, setRun] = useState<BulkRun | null>(null);
  const selectId = useId();
  const reasonId = useId();

  const start = async (status: RvmStatus) => {
    const { machines } = useFleetStore.getState();
    const ids = [...selection].filter((id) => machines.get(id)?.removed === false);
    const outcomes: Record<string, BulkOutcome> = Object.fromEntries(ids.map((id) => [id, { state: 'waiting' }]));
    setRun({ status, ids, outcomes, done: false });
    const record = (id: string, outcome: BulkOutcome) =>
      setRun((current) => current && { ...current, outcomes: { ...current.outcomes, [id]: outcome } });

    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        record(id, { state: 'running' });
        const reply = await setStatus(id, status, { quiet: true });
        record(id, reply.ok ? { state: 'ok' } : { state: 'failed', message: reply.message });
        if (reply.ok) {
          // The machines that made it leave the selection; the failed ones stay, ready for another try.
          const { selection: current } = useUiStore.getState();
          const remaining = new Set(current);
          remaining.delete(id);
          setSelection(remaining);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
    setRun((current) => current && { ...current, done: true });
  };

  if (selection.size === 0 && !run) return null;
  return (
    <div className="desk-bulk" role="group" aria-label={t('desk.bulk.label')} data-testid="bulk-actions">
      <span className="desk-bulk-count">{t('desk.count.selected', { count: selection.size })}</span>
      <label htmlFor={selectId} className="visually-hidden">
        {t('desk.bulk.choose')}
      </label>
      <select
        id={selectId}
        value={target}
        disabled={!canOperate}
        aria-describedby={canOperate ? undefined : reasonId}
        onChange={(event) => setTarget(event.target.value as RvmStatus | '')}
      >
        <option value="">{t('desk.bulk.placeholder')}</option>
        {RVM_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-primary"
        disabled={!canOperate || target === '' || selection.size === 0}
        aria-describedby={canOperate ? undefined : reasonId}
        onClick={() => setConfirming(true)}
      >
        {t('desk.bulk.apply', { count: selection.size })}
      </button>
      <button type="button" className="button" disabled={selection.size === 0} onClick={() => setSelection(new Set())}>
        {t('desk.bulk.clear')}
      </button>
      {!canOperate && <OperateReason id={reasonId} reason={reason} />}
      {confirming && target !== '' && (
        <ConfirmDialog
          title={t('desk.bulk.confirmTitle', { count: selection.size, status: t(`status.${target}`) })}
          body={t('desk.bulk.confirmBody')}
          confirmLabel={t('desk.commands.confirm', { status: t(`status.${target}`) })}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void start(target);
          }}
        />
      )}
      {run && <BulkResults status={run.status} ids={run.ids} outcomes={run.outcomes} done={run.done} onClose={() => setRun(null)} />}
    </div>
  );
}
