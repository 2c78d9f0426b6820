import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetEvent, Machine } from '../../../../shared/fleet';
import { bridge } from '../../bridge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatAbsolute } from '../../format/time';
import { useTimezone } from './hooks';

const EVENT_LIMIT = 50;

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; events: FleetEvent[] };

/** The machine's history from the local cache, newest first, read again whenever the machine changes (keyed by id in the drawer). */
export function MachineEvents({ machine }: { machine: Machine }) {
  const { t, i18n } = useTranslation();
  const timezone = useTimezone();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const { id } = machine;
  const headingId = useId();

  // The fleet replaces a machine object when the machine changes: a new object means new history.
  useEffect(() => {
    let current = true;
    void bridge()
      .machineEvents({ id, limit: EVENT_LIMIT })
      .then((reply) => {
        if (!current) return;
        setLoad(reply.ok ? { state: 'ready', events: reply.value } : { state: 'failed', message: reply.message });
      });
    return () => {
      current = false;
    };
  }, [id, machine]);

  return (
    <section className="desk-drawer-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('desk.drawer.events')}</h3>
      {load.state === 'loading' && <p className="desk-muted">{t('desk.drawer.eventsLoading')}</p>}
      {load.state === 'failed' && (
        <p className="desk-load-failed" role="alert">
          {t('desk.drawer.eventsFailed', { message: load.message })}
        </p>
      )}
      {load.state === 'ready' && load.events.length === 0 && <p className="desk-muted">{t('desk.drawer.noEvents')}</p>}
      {load.state === 'ready' && load.events.length > 0 && (
        <table className="desk-events" data-testid="machine-events">
          <thead>
            <tr>
              <th scope="col">{t('desk.drawer.eventTime')}</th>
              <th scope="col">{t('desk.drawer.eventType')}</th>
              <th scope="col">{t('desk.drawer.eventStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {load.events.map((event) => (
              <tr key={event.seq}>
                <td className="desk-events-time">{formatAbsolute(event.time, timezone, i18n.language)}</td>
                <td className="desk-events-type">{event.type}</td>
                <td>{event.status ? <StatusBadge status={event.status} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
