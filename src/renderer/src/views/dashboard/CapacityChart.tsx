import type { ApexOptions } from 'apexcharts';
import { memo, useMemo } from 'react';
import Chart from 'react-apexcharts';
import { useTranslation } from 'react-i18next';
import { STATUS_INFO } from '../../../../shared/statuses';
import { useAppStore } from '../../store/app-store';
import { ChartPanel, ValuesTable } from './ChartPanel';
import { baseChartOptions, CHART_HEIGHT, CHART_PALETTE } from './chart-theme';
import type { CapacityHistogram } from './fleet-figures';
import { bucketRange, CAPACITY_BUCKETS } from './fleet-figures';

/** Nearly full machines are the ones to empty next: their columns take the warning colours. */
function bucketColour(index: number, accent: string): string {
  if (index === CAPACITY_BUCKETS - 1) return STATUS_INFO.full.colour;
  if (index === CAPACITY_BUCKETS - 2) return STATUS_INFO.maintenance.colour;
  return accent;
}

/** How full the machines are, in ten-percent ranges, and how many do not say. */
export const CapacityChart = memo(function CapacityChart({ histogram, machines }: { histogram: CapacityHistogram; machines: number }) {
  const { t, i18n } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  const numbers = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const labels = useMemo(
    () => Array.from({ length: CAPACITY_BUCKETS }, (_, index) => t('dashboard.capacity.bucket', bucketRange(index))),
    [t],
  );

  const options = useMemo<ApexOptions>(() => {
    const base = baseChartOptions(theme, t('dashboard.capacity.description'));
    const accent = CHART_PALETTE[theme].accent;
    return {
      ...base,
      colors: labels.map((_, index) => bucketColour(index, accent)),
      plotOptions: { bar: { distributed: true, columnWidth: '70%', borderRadius: 2 } },
      dataLabels: { enabled: false },
      legend: { show: false },
      xaxis: {
        categories: labels,
        labels: { rotate: -45, hideOverlappingLabels: false },
        title: { text: t('dashboard.capacity.axis'), style: { fontWeight: 500 } },
      },
      yaxis: { min: 0, forceNiceScale: true, labels: { formatter: (value) => numbers.format(Math.round(value)) } },
      tooltip: {
        ...base.tooltip,
        x: { formatter: (value) => `${value} %` },
        y: { formatter: (value) => numbers.format(value ?? 0) },
      },
    };
  }, [theme, t, labels, numbers]);

  const series = useMemo(() => [{ name: t('dashboard.capacity.series'), data: [...histogram.buckets] }], [histogram, t]);

  const note =
    machines === 0 || histogram.unknown === 0
      ? null
      : histogram.unknown >= machines
        ? t('dashboard.capacity.noData')
        : t('dashboard.capacity.partial', { count: histogram.unknown });

  return (
    <ChartPanel
      name="capacity"
      title={t('dashboard.capacity.title')}
      note={note}
      alternative={
        <ValuesTable
          caption={t('dashboard.capacity.title')}
          columns={[t('dashboard.capacity.columnRange'), t('dashboard.capacity.columnMachines')]}
          rows={histogram.buckets.map((count, index) => [labels[index], numbers.format(count)] as const)}
        />
      }
    >
      <Chart type="bar" height={CHART_HEIGHT} options={options} series={series} />
    </ChartPanel>
  );
});
