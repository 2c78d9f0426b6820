import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RvmStatus } from '../../../../shared/statuses';
import { RVM_STATUSES, STATUS_INFO } from '../../../../shared/statuses';
import { STATUS_ICONS } from '../../components/StatusBadge';
import { useUiStore } from '../../store/ui-store';

/** One toggle per status with its count; none pressed shows every status. */
export function StatusChips({ counts }: { counts: Record<RvmStatus, number> }) {
  const { t } = useTranslation();
  const filter = useUiStore((state) => state.statusFilter);
  const toggle = useUiStore((state) => state.toggleStatus);
  return (
    <div className="desk-chips" role="group" aria-label={t('desk.filter.label')}>
      {RVM_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`desk-chip status-${status}`}
          style={{ '--status-colour': STATUS_INFO[status].colour } as CSSProperties}
          aria-pressed={filter.has(status)}
          data-filter-status={status}
          onClick={() => toggle(status)}
        >
          <span className="status-icon" aria-hidden="true">
            {STATUS_ICONS[status]}
          </span>
          {t('desk.filter.chip', { status: t(`status.${status}`), count: counts[status] })}
        </button>
      ))}
      {filter.size > 0 && (
        <button type="button" className="button button-small desk-chip-clear" onClick={() => useUiStore.setState({ statusFilter: new Set() })}>
          {t('desk.filter.clear')}
        </button>
      )}
    </div>
  );
}
