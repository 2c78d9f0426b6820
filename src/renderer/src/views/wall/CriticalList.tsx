import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../../../shared/fleet';
import { STATUS_INFO } from '../../../../shared/statuses';
import { STATUS_ICONS } from '../../components/StatusBadge';
import { useNow } from '../desk/hooks';
import { useElementSize } from './use-element-size';
import type { DurationText } from './wall-fleet';
import { criticalMachines, durationText } from './wall-fleet';

/** Durations are in minutes: a clock that moves every 15 s keeps them true to the minute. */
const DURATION_TICK_MS = 15_000;

const MIN_ROW_HEIGHT = 64;
/** Pixels between rows (as in wall.css). */
const ROW_GAP = 8;
/** Two columns of rows only where each stays wide enough for a name and its duration. */
const TWO_COLUMNS_MIN_WIDTH = 1400;

function useDuration(): (text: DurationText) => string {
  const { t } = useTranslation();
  return (text) => t(`wall.duration.${text.key}`, text);
}

function CriticalRow({ machine, now }: { machine: Machine; now: number }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const since = machine.lastChange === null ? NaN : Date.parse(machine.lastChange);
  const status = t(`status.${machine.status}`);
  return (
    <li
      className={`wall-critical-row status-${machine.status}`}
      data-rvm-id={machine.id}
      data-status={machine.status}
      style={{ '--status-colour': STATUS_INFO[machine.status].colour } as React.CSSProperties}
    >
      <span className="wall-critical-status">
        <span aria-hidden="true">{STATUS_ICONS[machine.status]} </span>
        {status}
      </span>
      <span className="wall-critical-machine">
        <span className="wall-critical-name">{machine.name}</span>
        {machine.location && <span className="wall-critical-location">{machine.location}</span>}
      </span>
      <span className="wall-critical-since">
        {Number.isFinite(since)
          ? t('wall.critical.since', { status, duration: duration(durationText(Math.max(0, now - since))) })
          : t('wall.critical.sinceUnknown', { status })}
      </span>
    </li>
  );
}

/**
 * The machines that need someone now, full or in error, the longest-standing first, each with how
 * long it has been so. As many large rows as fit; the rest counted. "All clear" when there are none.
 */
export function CriticalList({ machines }: { machines: readonly Machine[] }) {
  const { t } = useTranslation();
  const now = useNow(DURATION_TICK_MS);
  const [ref, size] = useElementSize<HTMLElement>();
  const critical = useMemo(() => criticalMachines(machines), [machines]);

  if (critical.length === 0) {
    return (
      <section ref={ref} className="wall-critical wall-all-clear" data-testid="wall-all-clear">
        <span className="wall-all-clear-mark" aria-hidden="true">
          ✔
        </span>
        <h2 className="wall-all-clear-title">{t('wall.critical.allClear')}</h2>
        <p className="wall-all-clear-detail">{t('wall.critical.allClearDetail')}</p>
      </section>
    );
  }

  // Rows a ninth of the screen tall, 64 px at least. When they do not all fit, a wide screen
  // takes a second column (read down the first, then the second), and the last cell counts the rest.
  const rowHeight = Math.round(Math.max(MIN_ROW_HEIGHT, size.height / 9));
  const titleHeight = Math.round(rowHeight * 0.75);
  const rows = Math.max(1, Math.floor((size.height - titleHeight - ROW_GAP) / (rowHeight + ROW_GAP)));
  const columns = critical.length > rows && size.width >= TWO_COLUMNS_MIN_WIDTH ? 2 : 1;
  const cells = rows * columns;
  const shown = critical.length > cells ? critical.slice(0, cells - 1) : critical;
  const rest = critical.length - shown.length;

  return (
    <section
      ref={ref}
      className="wall-critical"
      aria-labelledby="wall-critical-title"
      data-critical-count={critical.length}
      style={{ '--title-h': `${titleHeight}px`, '--row-h': `${rowHeight}px`, '--rows': rows, '--columns': columns } as React.CSSProperties}
    >
      <h2 id="wall-critical-title" className="wall-critical-title">
        {t('wall.critical.title', { count: critical.length })}
      </h2>
      {size.height > 0 && (
        <ol className="wall-critical-rows">
          {shown.map((machine) => (
            <CriticalRow key={machine.id} machine={machine} now={now} />
          ))}
          {rest > 0 && (
            <li className="wall-critical-more">
              {t('wall.critical.more', { count: rest })}
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
