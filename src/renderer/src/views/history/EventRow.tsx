import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FleetEvent, Machine } from '../../../../shared/fleet';
import { RVM_STATUSES } from '../../../../shared/statuses';
import { StatusBadge } from '../../components/StatusBadge';
import { formatAbsolute } from '../../format/time';
import { summariseEvent, machineNameOf } from './event-summary';
import { typeLabelKey } from './event-types';
import { seek } from './replay-player';

/** Fixed heights: the virtualiser places rows by arithmetic, never by measuring them. */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 36;

const KNOWN_STATUSES = new Set<string>(RVM_STATUSES);

/** "3 min 20 s" in the page's language, for a gap's length. */
function formatDuration(ms: number, language: string): string {
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${unit(minutes, 'minute')} ${unit(seconds % 60, 'second')}`;
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute')}`;
}

/** The payload in one line of plain text. */
export function summaryText(event: FleetEvent, t: TFunction, language: string): string {
  const summary = summariseEvent(event);
  if ('raw' in summary) return summary.raw;
  const values: Record<string, string> = { ...summary.values };
  for (const [name, status] of Object.entries(summary.statuses ?? {})) {
    values[name] = KNOWN_STATUSES.has(status) ? t(`status.${status}`) : status;
  }
  if (summary.durationMs !== undefined) values.duration = summary.durationMs === null ? '—' : formatDuration(summary.durationMs, language);
  return t(`history.summary.${summary.key}`, values);
}

interface EventRowProps {
  event: FleetEvent;
  index: number;
  top: number;
  machines: ReadonlyMap<string, Machine>;
  timezone: string;
}

/** One cached event; its time is a button that shows the fleet as it was at that moment. */
export const EventRow = memo(function EventRow({ event, index, top, machines, timezone }: EventRowProps) {
  const { t, i18n } = useTranslation();
  const time = formatAbsolute(event.time, timezone, i18n.language);
  const typeKey = typeLabelKey(event.type);
  const summary = summaryText(event, t, i18n.language);
  return (
    <div
      role="row"
      className="history-row"
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${top}px)` }}
      data-seq={event.seq}
      data-type={event.type}
      data-time={event.time}
      data-machine-id={event.machineId ?? undefined}
      data-status={event.status ?? undefined}
    >
      <div role="cell">
        <button type="button" className="history-time-button" onClick={() => seek(event.time)} title={t('history.list.replayHere')}>
          {time}
          <span className="visually-hidden">: {t('history.list.replayHere')}</span>
        </button>
      </div>
      <div role="cell" className="history-cell-machine">
        {machineNameOf(event, machines)}
      </div>
      <div role="cell">{typeKey ? t(typeKey) : event.type}</div>
      <div role="cell">{event.status ? <StatusBadge status={event.status} /> : <span className="history-muted">—</span>}</div>
      <div role="cell" className="history-cell-summary" title={summary}>
        {summary}
      </div>
    </div>
  );
});
