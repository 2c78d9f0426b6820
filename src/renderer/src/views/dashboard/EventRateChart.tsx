import type { ApexOptions } from 'apexcharts';
import { memo, useMemo } from 'react';
import Chart from 'react-apexcharts';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { useSessionStore } from '../../store/session-store';
import { ChartPanel, ValuesTable } from './ChartPanel';
import { baseChartOptions, CHART_HEIGHT, CHART_PALETTE } from './chart-theme';
import type { RatePoint } from './fleet-figures';

/** Hours and minutes in the profile's time zone; an unknown zone falls back to this computer's. */
function minuteFormat(language: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(language, options);
  }
}

/**
 * The x labels are the minutes as the profile's clock shows them ("13:40", or "13.40" in Bahasa
 * Indonesia), so a label ending in 0 is a ten-minute mark of that clock, whatever the zone's offset.
 */
function onTenMinuteMark(label: string): boolean {
  return label.endsWith('0');
}

function summarise(points: readonly RatePoint[]): { total: number; current: number; peak: RatePoint | null } {
  let total = 0;
  let peak: RatePoint | null = null;
  for (const point of points) {
    total += point.count;
    // The latest of equal peaks: the one an operator is more likely to remember.
    if (point.count > 0 && (!peak || point.count >= peak.count)) peak = point;
  }
  return { total, current: points.at(-1)?.count ?? 0, peak };
}

/** Events per minute over the last hour, one column a minute, the current minute last. */
export const EventRateChart = memo(function EventRateChart({ points }: { points: readonly RatePoint[] }) {
  const { t, i18n } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  const profileZone = useSessionStore((state) => state.session?.timezone);
  const format = useMemo(() => minuteFormat(i18n.language, profileZone), [i18n.language, profileZone]);
  const numbers = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const zone = format.resolvedOptions().timeZone;

  const options = useMemo<ApexOptions>(() => {
    const base = baseChartOptions(theme, t('dashboard.rate.description'));
    return {
      ...base,
      colors: [CHART_PALETTE[theme].accent],
      plotOptions: { bar: { columnWidth: '80%', borderRadius: 2 } },
      dataLabels: { enabled: false },
      legend: { show: false },
      xaxis: {
        type: 'category',
        // A label every ten minutes of the profile's clock: 13:10, 13:20, … rather than wherever they fall.
        labels: {
          rotate: 0,
          hideOverlappingLabels: false,
          formatter: (value) => (onTenMinuteMark(String(value)) ? String(value) : ''),
        },
        axisTicks: { show: false },
        title: { text: t('dashboard.rate.axis', { zone }), style: { fontWeight: 500 } },
      },
      yaxis: { min: 0, forceNiceScale: true, labels: { formatter: (value) => numbers.format(Math.round(value)) } },
      tooltip: {
        ...base.tooltip,
        // The axis hides most labels; the tooltip names every minute.
        x: { formatter: (value) => String(value) },
        y: { formatter: (value) => numbers.format(value ?? 0) },
      },
    };
  }, [theme, t, zone, numbers]);

  const series = useMemo(
    () => [{ name: t('dashboard.rate.series'), data: points.map((point) => ({ x: format.format(point.minute), y: point.count })) }],
    [points, format, t],
  );

  const { total, current, peak } = summarise(points);
  const summary =
    total === 0
      ? t('dashboard.rate.quiet')
      : t('dashboard.rate.summary', {
          total: numbers.format(total),
          current: numbers.format(current),
          peakTime: peak ? format.format(peak.minute) : '—',
          peak: numbers.format(peak?.count ?? 0),
        });

  return (
    <ChartPanel
      name="rate"
      title={t('dashboard.rate.title')}
      alternative={
        <>
          <p data-testid="rate-summary" data-total={total}>
            {summary}
          </p>
          <ValuesTable
            caption={t('dashboard.rate.title')}
            columns={[t('dashboard.rate.columnMinute'), t('dashboard.rate.columnEvents')]}
            rows={points.map((point) => [format.format(point.minute), numbers.format(point.count)] as const)}
          />
        </>
      }
    >
      <Chart type="bar" height={CHART_HEIGHT} options={options} series={series} />
    </ChartPanel>
  );
});
