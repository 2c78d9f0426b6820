import { useTranslation } from 'react-i18next';
import type { RvmStatus } from '../../../../shared/statuses';

/** The status a command has asked for, shown until the server confirms it ("→ Maintenance…"). */
export function PendingMark({ status }: { status: RvmStatus }) {
  const { t } = useTranslation();
  const word = t(`status.${status}`);
  return (
    <span className="desk-pending" data-pending-status={status}>
      <span aria-hidden="true">{t('desk.table.pending', { status: word })}</span>
      <span className="visually-hidden">{t('desk.table.pendingLong', { status: word })}</span>
    </span>
  );
}
