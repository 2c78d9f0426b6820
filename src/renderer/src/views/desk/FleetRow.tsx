import type { CSSProperties } from 'react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { useFleetStore } from '../../store/fleet-store';
import { CapacityBar } from './CapacityBar';
import { FLASH_MS } from './columns';
import { useCommandStore } from './command-store';
import { PendingMark } from './PendingMark';
import { TimeAgo } from './TimeAgo';

export interface FleetRowProps {
  id: string;
  /** Position in the filtered list (0-based). */
  index: number;
  top: number;
  now: number;
  timezone: string;
  stale: boolean;
  selected: boolean;
  /** This machine's drawer is open. */
  open: boolean;
  /** The one row reachable with Tab (roving tab index). */
  tabbable: boolean;
  onToggle(id: string): void;
}

/** The glow after a live status change; a negative delay resumes it where it was if the row re-renders. */
function Flash({ id }: { id: string }) {
  const changedAt = useFleetStore.getState().changedAt.get(id);
  if (changedAt === undefined) return null;
  const elapsed = performance.now() - changedAt;
  if (elapsed >= FLASH_MS) return null;
  return <span key={changedAt} className="desk-row-flash" style={{ animationDelay: `-${Math.round(elapsed)}ms` }} aria-hidden="true" />;
}

/**
 * One machine. It subscribes to its own machine: a patch re-renders the rows whose machine object
 * was replaced, not the table. Clicks and keys are handled by the table (event delegation).
 */
export const FleetRow = memo(function FleetRow({ id, index, top, now, timezone, stale, selected, open, tabbable, onToggle }: FleetRowProps) {
  const { t } = useTranslation();
  const machine = useFleetStore((state) => state.machines.get(id));
  const pending = useCommandStore((state) => state.pending[id]);
  if (!machine) return null;
  const style: CSSProperties = { transform: `translateY(${top}px)` };
  return (
    <div
      role="row"
      className={`desk-row${selected ? ' is-selected' : ''}${stale ? ' is-stale' : ''}${pending ? ' is-pending' : ''}${open ? ' is-open' : ''}`}
      style={style}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-rvm-id={id}
      data-status={machine.status}
      data-row-index={index}
    >
      <Flash id={id} />
      <div role="gridcell" className="desk-cell desk-cell-select">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          onChange={() => onToggle(id)}
          onClick={(event) => event.stopPropagation()}
          aria-label={t('desk.table.selectRow', { name: machine.name })}
        />
      </div>
      <div role="gridcell" className="desk-cell desk-cell-name" title={machine.name}>
        {machine.name}
      </div>
      <div role="gridcell" className="desk-cell desk-cell-location" title={machine.location ?? undefined}>
        {machine.location ?? <span className="desk-muted">{t('desk.table.noLocation')}</span>}
      </div>
      <div role="gridcell" className="desk-cell desk-cell-status">
        <StatusBadge status={machine.status} />
        {pending && <PendingMark status={pending} />}
        {stale && (
          <span className="desk-stale" title={t('desk.table.staleTitle')}>
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden">{t('desk.table.stale')}</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="desk-cell desk-cell-capacity">
        <CapacityBar percent={machine.capacity} />
      </div>
      <div role="gridcell" className="desk-cell desk-cell-lastChange">
        <TimeAgo iso={machine.lastChange} now={now} timezone={timezone} />
      </div>
      <div role="gridcell" className="desk-cell desk-cell-activeSessions desk-cell-number">
        {machine.activeSessions ?? <span className="desk-muted">—</span>}
      </div>
    </div>
  );
});
