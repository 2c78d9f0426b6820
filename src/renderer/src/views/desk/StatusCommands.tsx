import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../../../shared/fleet';
import type { RvmStatus } from '../../../../shared/statuses';
import { RVM_STATUSES } from '../../../../shared/statuses';
import { STATUS_ICONS } from '../../components/StatusBadge';
import { useSessionStore } from '../../store/session-store';
import { DISRUPTIVE, useCommandStore } from './command-store';
import { ConfirmDialog } from './ConfirmDialog';

/** Whether this session may send status commands, and the server-side reason when not. */
export function useOperatePermission(): { canOperate: boolean; reason: string | null } {
  const canOperate = useSessionStore((state) => state.session?.canOperate ?? false);
  const reason = useSessionStore((state) => state.session?.operateReason ?? null);
  return { canOperate, reason };
}

/** Why the buttons are disabled, next to them and tied to them with aria-describedby. */
export function OperateReason({ id, reason }: { id: string; reason: string | null }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="desk-operate-reason">
      {t('desk.commands.cannot', { reason: reason ?? '—' })}
    </p>
  );
}

/**
 * One button per status the machine could move to. Disruptive targets are confirmed first; while a
 * command is on its way, the buttons wait and the asked-for status shows as pending.
 */
export function StatusCommands({ machine }: { machine: Machine }) {
  const { t } = useTranslation();
  const { canOperate, reason } = useOperatePermission();
  const pending = useCommandStore((state) => state.pending[machine.id]);
  const failure = useCommandStore((state) => state.failures[machine.id]);
  const setStatus = useCommandStore((state) => state.setStatus);
  const [confirming, setConfirming] = useState<RvmStatus | null>(null);
  const labelId = useId();
  const reasonId = useId();
  const failureId = useId();
  const sectionRef = useRef<HTMLElement>(null);

  // The button that was pressed goes away once the status is the one it set: keep focus in the panel.
  useEffect(() => {
    if (document.activeElement === document.body) sectionRef.current?.focus();
  }, [machine.status]);

  const choose = (status: RvmStatus) => {
    if (pending !== undefined) return;
    if (DISRUPTIVE.has(status)) setConfirming(status);
    else void setStatus(machine.id, status);
  };
  const describedBy = [canOperate ? null : reasonId, failure ? failureId : null].filter(Boolean).join(' ') || undefined;

  return (
    <section className="desk-commands" aria-labelledby={labelId} ref={sectionRef} tabIndex={-1}>
      <h3 id={labelId}>{t('desk.commands.label')}</h3>
      <div className="desk-command-buttons" role="group" aria-labelledby={labelId}>
        {RVM_STATUSES.filter((status) => status !== machine.status).map((status) => (
          <button
            key={status}
            type="button"
            className={`button desk-command status-${status}${pending === status ? ' is-pending' : ''}`}
            disabled={!canOperate}
            // aria-disabled, not disabled, while waiting: a disabled button would drop the keyboard focus.
            aria-disabled={pending !== undefined || undefined}
            aria-busy={pending === status || undefined}
            aria-describedby={describedBy}
            data-command-status={status}
            onClick={() => choose(status)}
          >
            <span className="status-icon" aria-hidden="true">
              {STATUS_ICONS[status]}
            </span>
            {pending === status
              ? t('desk.commands.pending', { status: t(`status.${status}`) })
              : t('desk.commands.setTo', { status: t(`status.${status}`) })}
          </button>
        ))}
      </div>
      {!canOperate && <OperateReason id={reasonId} reason={reason} />}
      {failure && (
        <p id={failureId} className="desk-command-failure" role="alert" data-testid="command-failure">
          {t('desk.commands.failedInline', { message: failure })}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('desk.commands.confirmTitle', { name: machine.name, status: t(`status.${confirming}`) })}
          body={t(`desk.commands.confirmBody.${confirming as 'maintenance' | 'inactive'}`)}
          confirmLabel={t('desk.commands.confirm', { status: t(`status.${confirming}`) })}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void setStatus(machine.id, confirming);
          }}
        />
      )}
    </section>
  );
}
