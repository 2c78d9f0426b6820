import { useTranslation } from 'react-i18next';
import { CapacityChart } from './CapacityChart';
import { useChartClock } from './chart-clock';
import { EventRateChart } from './EventRateChart';
import { StatCards } from './StatCards';
import { StatusDonut } from './StatusDonut';
import './dashboard.css';

/** The fleet at a glance: the figures on top, then the charts, fed by one slow clock. */
export function DashboardView() {
  const { t } = useTranslation();
  const snapshot = useChartClock();
  return (
    <div className="dashboard">
      <h2 className="dashboard-heading">{t('dashboard.heading')}</h2>
      <StatCards />
      <div className="dashboard-charts">
        <StatusDonut counts={snapshot.counts} />
        <EventRateChart points={snapshot.rate} />
        <CapacityChart histogram={snapshot.capacity} machines={snapshot.counts.total} />
      </div>
    </div>
  );
}
