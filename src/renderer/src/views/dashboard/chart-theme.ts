import type { ApexOptions } from 'apexcharts';
import type { Theme } from '../../store/app-store';

/**
 * The chart colours of each theme. They mirror theme.css (--text, --text-muted, --border,
 * --surface, --accent): ApexCharts takes colours as values, and reading the CSS variables back
 * would race the theme switch (the page's `data-theme` is set after the charts have updated).
 */
export const CHART_PALETTE: Readonly<Record<Theme, { text: string; muted: string; grid: string; surface: string; accent: string }>> = {
  dark: { text: '#e6edf3', muted: '#9aa7b4', grid: '#2d3a47', surface: '#182029', accent: '#4da3ff' },
  light: { text: '#1f2328', muted: '#57606a', grid: '#d0d7de', surface: '#ffffff', accent: '#0969da' },
};

/** The chart height in pixels; the width follows the grid cell. */
export const CHART_HEIGHT = 280;

/**
 * What every dashboard chart shares: theme colours, no toolbar or zoom, a mount animation but
 * none on updates (a busy fleet must not keep the charts moving), and an accessible name in the
 * page's language. ApexCharts' own keyboard walk and live announcements speak English only, so
 * they are off: each chart has a table of its values next to it instead.
 */
export function baseChartOptions(theme: Theme, description: string): ApexOptions {
  const palette = CHART_PALETTE[theme];
  return {
    chart: {
      background: 'transparent',
      foreColor: palette.muted,
      fontFamily: 'inherit',
      toolbar: { show: false },
      zoom: { enabled: false },
      selection: { enabled: false },
      animations: {
        enabled: true,
        speed: 300,
        animateGradually: { enabled: false },
        dynamicAnimation: { enabled: false },
      },
      accessibility: {
        enabled: true,
        description,
        announcements: { enabled: false },
        keyboard: { enabled: false },
      },
    },
    theme: { mode: theme },
    grid: { borderColor: palette.grid },
    tooltip: { theme },
    legend: {
      labels: { colors: palette.text },
      onItemClick: { toggleDataSeries: false },
    },
    states: { active: { filter: { type: 'none' } } },
  };
}
