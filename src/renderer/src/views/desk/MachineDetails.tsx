import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge';
import { formatAbsolute } from '../../format/time';
import { useTimezone } from './hooks';

type Details = { machine: Record<string, unknown>; recentActivity: unknown[] };
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; details: Details };

/** The API fields worth a glance, in reading order. Anything else the server sends stays out of view. */
const FIELDS = [
  'id',
  'serial_number',
  'location_description',
  'latitude',
  'longitude',
  'capacity',
  'special_status',
  'remote_access_enabled',
  'kiosk_mode_enabled',
  'last_status_change',
  'last_capacity_update',
  'created_at',
  'updated_at',
] as const;
const TIME_FIELDS: ReadonlySet<string> = new Set(['last_status_change', 'last_capacity_update', 'created_at', 'updated_at']);
const ACTIVITY_SHOWN = 5;

/** Server values become plain text: primitives only, nested objects are not shown. */
function useFieldText(): (key: string, value: unknown) => string | null {
  const { t, i18n } = useTranslation();
  const timezone = useTimezone();
  return (key, value) => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'boolean') return value ? t('desk.drawer.yes') : t('desk.drawer.no');
    if (TIME_FIELDS.has(key) && typeof value === 'string') return formatAbsolute(value, timezone, i18n.language);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return null;
  };
}

function field(record: unknown, key: string): unknown {
  return record && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
}

/** The machine as the API describes it (secrets already stripped by the core), loaded on opening and after a status change. */
export function MachineDetails({ id, status }: { id: string; status: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const text = useFieldText();
  const headingId = useId();

  useEffect(() => {
    let current = true;
    // A refresh after a status change keeps the previous answer on screen until the new one comes.
    setLoad((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    void bridge()
      .machineDetails({ id })
      .then((reply) => {
        if (!current) return;
        setLoad(reply.ok ? { state: 'ready', details: reply.value } : { state: 'failed', message: reply.message });
      });
    return () => {
      current = false;
    };
  }, [id, attempt, status]);

  return (
    <section className="desk-drawer-section" aria-labelledby={headingId} aria-busy={load.state === 'loading'}>
      <h3 id={headingId}>{t('desk.drawer.details')}</h3>
      {load.state === 'loading' && <p className="desk-muted">{t('desk.drawer.detailsLoading')}</p>}
      {load.state === 'failed' && (
        <div className="desk-load-failed" role="alert">
          <p>{t('desk.drawer.detailsFailed', { message: load.message })}</p>
          <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
            {t('desk.drawer.detailsRetry')}
          </button>
        </div>
      )}
      {load.state === 'ready' && (
        <>
          <dl className="facts desk-facts" data-testid="machine-details">
            {FIELDS.map((key) => {
              const value = text(key, load.details.machine[key]);
              return value === null ? null : (
                <div key={key} className="desk-fact">
                  <dt>{t(`desk.drawer.detail.${key}`)}</dt>
                  <dd>{value}</dd>
                </div>
              );
            })}
          </dl>
          <h4>{t('desk.drawer.recentActivity')}</h4>
          {load.details.recentActivity.length === 0 ? (
            <p className="desk-muted">{t('desk.drawer.noActivity')}</p>
          ) : (
            <ul className="desk-activity">
              {load.details.recentActivity.slice(0, ACTIVITY_SHOWN).map((entry, index) => (
                <li key={index}>
                  <span className="desk-activity-time">{text('created_at', field(entry, 'created_at')) ?? '—'}</span>{' '}
                  {t('desk.drawer.session', {
                    type: text('session_type', field(entry, 'session_type')) ?? '?',
                    status: text('status', field(entry, 'status')) ?? '?',
                    deposits: text('total_deposits', field(entry, 'total_deposits')) ?? '0',
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
