import type { ApexOptions } from 'apexcharts';
import { memo, useMemo } from 'react';
import Chart from 'react-apexcharts';
import { useTranslation } from 'react-i18next';
import type { RvmStatus } from '../../../../shared/statuses';
import { RVM_STATUSES, STATUS_INFO } from '../../../../shared/statuses';
import { useAppStore } from '../../store/app-store';
import { ChartPanel, ValuesTable } from './ChartPanel';
import { baseChartOptions, CHART_HEIGHT, CHART_PALETTE } from './chart-theme';
import type { StatusCounts } from './fleet-figures';

/**
 * Legend markers shaped like the status badges' glyphs (● ▲ ⚙ ■ ✖ ?) as far as ApexCharts has
 * shapes: full and error share a colour, so the shape and the word tell them apart.
 */
const MARKER_SHAPES: Record<RvmStatus, 'circle' | 'triangle' | 'star' | 'square' | 'cross' | 'diamond'> = {
  active: 'circle',
  full: 'triangle',
  maintenance: 'star',
  inactive: 'square',
  error: 'cross',
  unknown: 'diamond',
};

/** Machines per status as a donut, with the counts in the legend, the tooltip and a table. */
export const StatusDonut = memo(function StatusDonut({ counts }: { counts: StatusCounts }) {
  const { t, i18n } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  const format = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);

  const options = useMemo<ApexOptions>(() => {
    const base = baseChartOptions(theme, t('dashboard.status.description'));
    const palette = CHART_PALETTE[theme];
    const countAt = (w: { config: ApexOptions }, index: number) => Number(w.config.series?.[index] ?? 0);
    return {
      ...base,
      labels: RVM_STATUSES.map((status) => t(`status.${status}`)),
      colors: RVM_STATUSES.map((status) => STATUS_INFO[status].colour),
      // Error is hatched so it differs from full (the same red) on the ring itself.
      fill: { type: RVM_STATUSES.map((status) => (status === 'error' ? 'pattern' : 'solid')), pattern: { style: 'slantedLines', width: 6, height: 6, strokeWidth: 2 } },
      stroke: { colors: [palette.surface], width: 2 },
      legend: {
        ...base.legend,
        position: 'right',
        fontSize: '14px',
        markers: { shape: RVM_STATUSES.map((status) => MARKER_SHAPES[status]), strokeWidth: 1 },
        formatter: (name, opts) => (opts ? `${name}: ${format.format(countAt(opts.w, opts.seriesIndex))}` : name),
      },
      dataLabels: { enabled: false },
      tooltip: { ...base.tooltip, y: { formatter: (value) => t('dashboard.machines', { count: value }) } },
      plotOptions: {
        pie: {
          donut: {
            size: '62%',
            labels: {
              show: true,
              value: { color: palette.text, fontSize: '26px', fontWeight: 700 },
              total: {
                show: true,
                showAlways: true,
                label: t('dashboard.status.total'),
                color: palette.muted,
                formatter: (w) => format.format(((w.config.series ?? []) as number[]).reduce((sum, value) => sum + value, 0)),
              },
            },
          },
        },
      },
      noData: { text: t('dashboard.status.empty'), style: { color: palette.muted } },
    };
  }, [theme, t, format]);

  const series = useMemo(() => (counts.total === 0 ? [] : RVM_STATUSES.map((status) => counts[status])), [counts]);

  return (
    <ChartPanel
      name="status"
      title={t('dashboard.status.title')}
      alternative={
        <ValuesTable
          caption={t('dashboard.status.title')}
          columns={[t('dashboard.status.columnStatus'), t('dashboard.status.columnMachines')]}
          rows={RVM_STATUSES.map((status) => [t(`status.${status}`), format.format(counts[status])] as const)}
        />
      }
    >
      <Chart type="donut" height={CHART_HEIGHT} options={options} series={series} />
    </ChartPanel>
  );
});
