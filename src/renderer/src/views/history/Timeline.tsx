import type { KeyboardEvent, PointerEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAbsolute } from '../../format/time';
import { useTimezone } from '../desk/hooks';
import { useHistoryStore } from './history-store';
import { pause, seek } from './replay-player';
import type { TimelineData } from './use-history-data';
import { useTimelineData } from './use-history-data';

const BUCKETS = 300;
const TICKS = 5;
/** The SVG's own coordinates; it is stretched to the track's size. */
const WIDTH = 1000;
const HEIGHT = 100;

const tickFormats = new Map<string, Intl.DateTimeFormat>();

/** Axis labels: the time of day for a short range, the date too for a long one. */
function formatTick(time: number, timeZone: string, language: string, withDate: boolean): string {
  const key = `${language}|${timeZone}|${withDate}`;
  let format = tickFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      timeZone,
      hourCycle: 'h23',
      ...(withDate ? { day: '2-digit', month: 'short' } : { second: '2-digit' }),
      hour: '2-digit',
      minute: '2-digit',
    });
    tickFormats.set(key, format);
  }
  return format.format(time);
}

/**
 * The chosen range as a strip: how many events each slice holds (bars), when the app was not
 * connected (hatched spans), and the replay cursor. The strip is a slider: click or drag it, or
 * use the arrow keys (1 % of the range; with Shift, one second), Page Up/Down (10 %), Home and End.
 */
export function Timeline() {
  const { t, i18n } = useTranslation();
  const from = useHistoryStore((state) => state.from);
  const to = useHistoryStore((state) => state.to);
  const cursor = useHistoryStore((state) => state.cursor);
  const revision = useHistoryStore((state) => state.revision);
  const timezone = useTimezone();
  const timeline = useTimelineData(from, to, BUCKETS, revision);
  const trackRef = useRef<HTMLDivElement>(null);
  const span = Math.max(1, to - from);
  const shown = cursor !== null && cursor >= from && cursor <= to ? cursor : null;
  const value = shown ?? to;
  const at = (time: number) => ((time - from) / span) * 100;

  const timeAt = (clientX: number): number => {
    const box = trackRef.current!.getBoundingClientRect();
    const fraction = box.width > 0 ? (clientX - box.left) / box.width : 0;
    return from + Math.min(1, Math.max(0, fraction)) * span;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    pause();
    seek(timeAt(event.clientX));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) seek(timeAt(event.clientX));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const small = event.shiftKey ? 1000 : span / 100;
    const moves: Record<string, number> = {
      ArrowLeft: value - small,
      ArrowDown: value - small,
      ArrowRight: value + small,
      ArrowUp: value + small,
      PageDown: value - span / 10,
      PageUp: value + span / 10,
      Home: from,
      End: to,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    pause();
    seek(moves[event.key]);
  };

  const withDate = span > 86_400_000;
  const ticks = Array.from({ length: TICKS }, (_, i) => from + (span * i) / (TICKS - 1));
  return (
    <div className="history-timeline">
      <div
        ref={trackRef}
        className={`timeline-track${shown === null ? ' is-live' : ''}`}
        role="slider"
        tabIndex={0}
        aria-label={t('history.timeline.label')}
        aria-valuemin={from}
        aria-valuemax={to}
        aria-valuenow={Math.round(value)}
        aria-valuetext={formatAbsolute(value, timezone, i18n.language)}
        data-testid="replay-slider"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        {timeline.state === 'ready' && <Density data={timeline.data} from={from} span={span} />}
        {timeline.state === 'ready' &&
          timeline.data.gaps.map((gap) => {
            if (gap.to < from || gap.from > to) return null;
            const left = Math.max(0, at(gap.from));
            const right = Math.min(100, at(gap.to));
            return (
              <div
                key={`${gap.from}-${gap.to}`}
                className="timeline-gap"
                style={{ left: `${left}%`, width: `max(3px, ${right - left}%)` }}
                title={t('history.timeline.gapTitle', {
                  from: formatAbsolute(gap.from, timezone, i18n.language),
                  to: formatAbsolute(gap.to, timezone, i18n.language),
                })}
              />
            );
          })}
        <div className="timeline-cursor" style={{ left: `${at(value)}%` }} aria-hidden="true">
          <span className="timeline-handle" />
        </div>
      </div>
      <div className="timeline-axis" aria-hidden="true">
        {ticks.map((tick, i) => (
          <span key={i} style={{ left: `${(i / (TICKS - 1)) * 100}%` }}>
            {formatTick(tick, timezone, i18n.language, withDate)}
          </span>
        ))}
      </div>
      <TimelineLegend timeline={timeline} />
    </div>
  );
}

/** Bars of events per slice, scaled to the busiest slice. */
function Density({ data, from, span }: { data: TimelineData; from: number; span: number }) {
  const peak = Math.max(1, ...data.buckets);
  const slot = WIDTH / Math.max(1, data.buckets.length);
  // Data before the cache's first event or after its last is not "quiet": it is unknown. Shade it.
  const unknownBefore = data.first === null ? WIDTH : Math.max(0, Math.min(WIDTH, ((data.first - from) / span) * WIDTH));
  const unknownAfter = data.last === null ? 0 : Math.max(0, Math.min(WIDTH, ((data.last - from) / span) * WIDTH));
  return (
    <svg className="timeline-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
      {unknownBefore > 0 && <rect className="timeline-uncached" x={0} y={0} width={unknownBefore} height={HEIGHT} />}
      {data.last !== null && unknownAfter < WIDTH && (
        <rect className="timeline-uncached" x={unknownAfter} y={0} width={WIDTH - unknownAfter} height={HEIGHT} />
      )}
      {data.buckets.map((count, i) =>
        count > 0 ? (
          <rect
            key={i}
            className="timeline-bar"
            x={i * slot}
            width={Math.max(1, slot * 0.8)}
            y={HEIGHT - Math.max(4, (count / peak) * (HEIGHT - 8))}
            height={Math.max(4, (count / peak) * (HEIGHT - 8))}
          />
        ) : null,
      )}
    </svg>
  );
}

function TimelineLegend({ timeline }: { timeline: ReturnType<typeof useTimelineData> }) {
  const { t, i18n } = useTranslation();
  if (timeline.state === 'loading') return <p className="timeline-legend">{t('history.loading')}</p>;
  if (timeline.state === 'failed')
    return (
      <p className="timeline-legend history-error" role="alert">
        {t('history.timeline.failed', { message: timeline.message })}
      </p>
    );
  const events = timeline.data.buckets.reduce((sum, count) => sum + count, 0);
  const peak = Math.max(0, ...timeline.data.buckets);
  return (
    <p className="timeline-legend" data-testid="timeline-legend">
      <span className="timeline-key timeline-key-bar" aria-hidden="true" />
      {t('history.timeline.events', { count: events, formatted: events.toLocaleString(i18n.language), peak: peak.toLocaleString(i18n.language) })}
      <span className="timeline-key timeline-key-gap" aria-hidden="true" />
      {t('history.timeline.gaps', { count: timeline.data.gaps.length })}
      <span className="timeline-key timeline-key-uncached" aria-hidden="true" />
      {t('history.timeline.uncached')}
    </p>
  );
}
