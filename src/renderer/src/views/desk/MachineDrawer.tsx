import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '../../../../shared/fleet';
import { StatusBadge } from '../../components/StatusBadge';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';
import { CapacityBar } from './CapacityBar';
import { useCommandStore } from './command-store';
import { useNow, useTimezone } from './hooks';
import { MachineDetails } from './MachineDetails';
import { MachineEvents } from './MachineEvents';
import { PendingMark } from './PendingMark';
import { StatusCommands } from './StatusCommands';
import { TimeAgo } from './TimeAgo';

const CLOCK_MS = 15_000;

function Overview({ machine }: { machine: Machine }) {
  const { t } = useTranslation();
  const pending = useCommandStore((state) => state.pending[machine.id]);
  const now = useNow(CLOCK_MS);
  const timezone = useTimezone();
  const number = (value: number | null) => (value === null ? '—' : String(value));
  return (
    <dl className="facts desk-facts desk-overview" data-testid="drawer-overview">
      <div className="desk-fact">
        <dt>{t('desk.drawer.status')}</dt>
        <dd data-status={machine.status}>
          <StatusBadge status={machine.status} large /> {pending && <PendingMark status={pending} />}
        </dd>
      </div>
      <div className="desk-fact">
        <dt>{t('desk.drawer.location')}</dt>
        <dd>{machine.location ?? '—'}</dd>
      </div>
      <div className="desk-fact">
        <dt>{t('desk.drawer.capacity')}</dt>
        <dd>
          <CapacityBar percent={machine.capacity} />
        </dd>
      </div>
      <div className="desk-fact">
        <dt>{t('desk.drawer.lastChange')}</dt>
        <dd>
          <TimeAgo iso={machine.lastChange} now={now} timezone={timezone} />
        </dd>
      </div>
      <div className="desk-fact">
        <dt>{t('desk.drawer.activeSessions')}</dt>
        <dd>{number(machine.activeSessions)}</dd>
      </div>
      <div className="desk-fact">
        <dt>{t('desk.drawer.sessionsToday')}</dt>
        <dd>{number(machine.sessionsToday)}</dd>
      </div>
      <div className="desk-fact">
        <dt>{t('desk.drawer.depositsToday')}</dt>
        <dd>{number(machine.depositsToday)}</dd>
      </div>
    </dl>
  );
}

/**
 * The open machine, beside the table: its live fields, the commands, the API's details and the
 * cached history. Not modal (the table stays usable); focus moves in when it opens, and Escape or
 * Close hands it back to the machine's row through `onClose`.
 */
export function MachineDrawer({ onClose }: { onClose(id: string): void }) {
  const { t } = useTranslation();
  const id = useUiStore((state) => state.openMachineId);
  // Machines are replaced, never mutated, when they change: this re-renders only for this machine.
  const machine = useFleetStore((state) => (id === null ? undefined : state.machines.get(id)));
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (id !== null) headingRef.current?.focus();
  }, [id]);

  if (id === null) return null;
  const close = () => onClose(id);
  const onKeyDown = (event: KeyboardEvent) => {
    // A confirm dialog inside handles its own Escape.
    if (event.key !== 'Escape' || event.defaultPrevented || (event.target as Element).closest('dialog')) return;
    event.preventDefault();
    close();
  };

  return (
    <aside
      className="desk-drawer"
      role="dialog"
      aria-modal="false"
      aria-label={t('desk.drawer.label', { name: machine?.name ?? id })}
      data-testid="machine-drawer"
      data-rvm-drawer-id={id}
      onKeyDown={onKeyDown}
    >
      <header className="desk-drawer-header">
        <h2 ref={headingRef} tabIndex={-1} className="desk-drawer-title">
          {machine?.name ?? id}
        </h2>
        <button type="button" className="button desk-drawer-close" onClick={close} aria-label={t('desk.drawer.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {!machine ? (
        <p className="desk-muted">{t('desk.drawer.gone')}</p>
      ) : (
        <div className="desk-drawer-body">
          {machine.removed && <p className="desk-notice">{t('desk.drawer.removed')}</p>}
          <Overview machine={machine} />
          {!machine.removed && <StatusCommands machine={machine} />}
          <MachineDetails key={`details-${id}`} id={id} status={machine.status} />
          <MachineEvents key={`events-${id}`} machine={machine} />
        </div>
      )}
    </aside>
  );
}
