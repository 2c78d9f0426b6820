import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RvmStatus } from '../../../../shared/statuses';
import { useFleetStore } from '../../store/fleet-store';
import { ModalDialog } from './ModalDialog';

export type BulkOutcome = { state: 'waiting' } | { state: 'running' } | { state: 'ok' } | { state: 'failed'; message: string };

const MARKS: Record<BulkOutcome['state'], string> = { waiting: '…', running: '⟳', ok: '✔', failed: '✖' };

interface BulkResultsProps {
  status: RvmStatus;
  ids: readonly string[];
  outcomes: Readonly<Record<string, BulkOutcome>>;
  done: boolean;
  onClose(): void;
}

/** Each machine's result as it comes in; it can be closed once every command has answered. */
export function BulkResults({ status, ids, outcomes, done, onClose }: BulkResultsProps) {
  const { t } = useTranslation();
  const machines = useFleetStore.getState().machines;
  const closeRef = useRef<HTMLButtonElement>(null);
  // The Close button waits for the last answer; then the keyboard lands on it.
  useEffect(() => {
    if (done) closeRef.current?.focus();
  }, [done]);
  const finished = ids.filter((id) => outcomes[id]?.state === 'ok' || outcomes[id]?.state === 'failed');
  const failed = ids.filter((id) => outcomes[id]?.state === 'failed').length;
  return (
    <ModalDialog
      title={t('desk.bulk.resultsTitle', { status: t(`status.${status}`) })}
      onDismiss={done ? onClose : undefined}
      className="desk-bulk-results"
    >
      <p role="status" aria-live="polite" data-testid="bulk-progress">
        {done
          ? t('desk.bulk.summary', { ok: finished.length - failed, failed })
          : t('desk.bulk.progress', { done: finished.length, total: ids.length })}
      </p>
      <ul className="desk-results" data-testid="bulk-results">
        {ids.map((id) => {
          const outcome = outcomes[id] ?? { state: 'waiting' };
          return (
            <li key={id} className={`desk-result desk-result-${outcome.state}`} data-rvm-id={id} data-result={outcome.state}>
              <span className="desk-result-mark" aria-hidden="true">
                {MARKS[outcome.state]}
              </span>
              <span className="desk-result-name">{machines.get(id)?.name ?? id}</span>
              <span className="desk-result-state">{t(`desk.bulk.${outcome.state === 'running' ? 'running' : outcome.state}`)}</span>
              {outcome.state === 'failed' && <span className="desk-result-message">{outcome.message}</span>}
            </li>
          );
        })}
      </ul>
      <div className="desk-dialog-actions">
        <button type="button" className="button" disabled={!done} onClick={onClose} ref={closeRef}>
          {t('desk.bulk.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
