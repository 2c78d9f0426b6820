import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../../../shared/fleet';
import { CapacityChart } from '../dashboard/CapacityChart';
import { CHART_HEIGHT } from '../dashboard/chart-theme';
import { useChartClock } from '../dashboard/chart-clock';
import { EventRateChart } from '../dashboard/EventRateChart';
import type { CapacityHistogram, StatusCounts } from '../dashboard/fleet-figures';
import { capacityHistogram, countStatuses, sameCounts, sameHistogram } from '../dashboard/fleet-figures';
import { StatCards } from '../dashboard/StatCards';
import { StatusDonut } from '../dashboard/StatusDonut';
import { useElementSize } from './use-element-size';

/** Room for a chart's title and note around its drawing, in the panel's own pixels. */
const CHART_CHROME = 110;
/** Narrower than this (before zoom), the charts' axis labels start to crowd. */
const MIN_CHART_WIDTH = 330;

/**
 * The dashboard draws its charts at a fixed height for a desk. On a wall they are zoomed as a whole
 * (lines, labels, legend) to fill the space: text grows with the drawing, and stays readable.
 */
function chartZoom(area: { width: number; height: number }): number {
  if (area.width === 0 || area.height === 0) return 1;
  const byHeight = (area.height - CHART_CHROME) / CHART_HEIGHT;
  const byWidth = area.width / 3 / MIN_CHART_WIDTH;
  return Math.max(1, Math.min(byHeight, byWidth, 4));
}

/** Keeps the previous value while the new one is equal, so a chart redraws only when its data moved. */
function useSteady<T>(value: T, same: (a: T, b: T) => boolean): T {
  const kept = useRef(value);
  if (!same(kept.current, value)) kept.current = value;
  return kept.current;
}

/**
 * The dashboard's figures and charts, wall-sized. The donut and the fill levels count the machines
 * this display shows; the cards count the whole fleet (they read the store themselves), and say so
 * when the display shows only some areas.
 */
export function WallStats({ machines, locations }: { machines: readonly Machine[]; locations?: readonly string[] }) {
  const { t } = useTranslation();
  const { rate } = useChartClock();
  const counts = useSteady<StatusCounts>(useMemo(() => countStatuses(machines), [machines]), sameCounts);
  const capacity = useSteady<CapacityHistogram>(useMemo(() => capacityHistogram(machines), [machines]), sameHistogram);
  const filtered = Boolean(locations?.length);
  const [chartsRef, chartsSize] = useElementSize<HTMLDivElement>();

  return (
    <section className="wall-stats" aria-labelledby="wall-stats-title">
      <h2 id="wall-stats-title" className="visually-hidden">
        {t('wall.stats.title')}
      </h2>
      {filtered && <p className="wall-stats-scope">{t('wall.stats.wholeFleet')}</p>}
      <StatCards />
      {filtered && <p className="wall-stats-scope">{t('wall.stats.areas', { locations: locations?.join(', ') })}</p>}
      <div ref={chartsRef} className="wall-stats-charts" style={{ '--chart-zoom': chartZoom(chartsSize).toFixed(3) } as React.CSSProperties}>
        <StatusDonut counts={counts} />
        <EventRateChart points={rate} />
        <CapacityChart histogram={capacity} machines={counts.total} />
      </div>
    </section>
  );
}
