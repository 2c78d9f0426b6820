import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_INFO } from '../../../../shared/statuses';
import { STATUS_ICONS } from '../../components/StatusBadge';
import { useFleetStore } from '../../store/fleet-store';
import { useFleetVersion } from './chart-clock';
import { countStatuses, depositsToday } from './fleet-figures';
import './stat-cards.css';

interface CardProps {
  stat: string;
  label: string;
  value: number | null;
  icon: string;
  /** The status colour behind the icon and the edge; the label always says what it is. */
  colour?: string;
  alert?: boolean;
  detail?: React.ReactNode;
}

function StatCard({ stat, label, value, icon, colour, alert = false, detail }: CardProps) {
  const { t, i18n } = useTranslation();
  const format = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  return (
    <div
      className={`stat-card${alert ? ' stat-card-alert' : ''}`}
      data-stat={stat}
      style={colour ? ({ '--stat-colour': colour } as React.CSSProperties) : undefined}
    >
      <dt className="stat-label">
        <span className="stat-icon" aria-hidden="true">
          {icon}
        </span>
        {label}
      </dt>
      <dd className="stat-value">
        {value === null ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{t('dashboard.notKnown')}</span>
          </>
        ) : (
          format.format(value)
        )}
      </dd>
      {detail && <dd className="stat-detail">{detail}</dd>}
    </div>
  );
}

/**
 * The fleet in six numbers. Reads the fleet store itself (counted on every patch while the fleet
 * is small, on the chart clock when it is large), so the desk and the wall display can show it too.
 */
export const StatCards = memo(function StatCards() {
  const { t } = useTranslation();
  const version = useFleetVersion();
  const figures = useFleetStore((state) => state.figures);
  // `version` stands for the mutable machine map: when it moves, count again.
  const counts = useMemo(() => countStatuses(useFleetStore.getState().machines.values()), [version]);
  const deposits = useMemo(() => depositsToday(figures, useFleetStore.getState().machines.values()), [figures, version]);
  const critical = counts.full + counts.error;
  const statusCount = (status: 'full' | 'error') => t('dashboard.cards.statusCount', { status: t(`status.${status}`), count: counts[status] });

  return (
    <dl className="stat-cards" aria-label={t('dashboard.cards.label')}>
      <StatCard
        stat="total"
        label={t('dashboard.cards.total')}
        value={counts.total}
        icon="◎"
        detail={counts.unknown > 0 ? t('dashboard.cards.totalUnknown', { count: counts.unknown }) : undefined}
      />
      <StatCard stat="active" label={t('status.active')} value={counts.active} icon={STATUS_ICONS.active} colour={STATUS_INFO.active.colour} />
      <StatCard
        stat="critical"
        label={t('dashboard.cards.critical')}
        value={critical}
        icon="⚠"
        colour={STATUS_INFO.error.colour}
        alert={critical > 0}
        detail={`${statusCount('full')} · ${statusCount('error')}`}
      />
      <StatCard
        stat="maintenance"
        label={t('status.maintenance')}
        value={counts.maintenance}
        icon={STATUS_ICONS.maintenance}
        colour={STATUS_INFO.maintenance.colour}
      />
      <StatCard stat="inactive" label={t('status.inactive')} value={counts.inactive} icon={STATUS_ICONS.inactive} colour={STATUS_INFO.inactive.colour} />
      <StatCard stat="deposits" label={t('dashboard.cards.deposits')} value={deposits} icon="♻" />
    </dl>
  );
});
