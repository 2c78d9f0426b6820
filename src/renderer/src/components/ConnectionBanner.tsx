import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge';
import { useAppStore } from '../store/app-store';

/** Re-renders every second while a countdown is shown, so "reconnecting in N s" is true. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * The honest state of the link, always visible. `data-connection-state` is part of the app's
 * interface (DESIGN.md): scripts and tests read it.
 */
export function ConnectionBanner() {
  const { t, i18n } = useTranslation();
  const connection = useAppStore((state) => state.connection);
  const link = useAppStore((state) => state.link);
  const phase = connection?.phase ?? 'connecting';
  const now = useNow(phase === 'reconnecting');
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);

  let text: string;
  if (link === 'unauthorised') text = t('connection.hubUnauthorised');
  else if (link !== 'open') text = t('connection.hubLost');
  else if (phase === 'reconnecting' && connection?.nextAttemptAt) {
    const seconds = Math.max(0, Math.ceil((Date.parse(connection.nextAttemptAt) - now) / 1000));
    text = t('connection.reconnectingIn', { seconds });
  } else if (phase === 'offline' && connection) text = t('connection.offline', { time: time(connection.since) });
  else text = t(`connection.${phase}`);

  return (
    <div
      className={`connection-banner connection-${link === 'open' ? phase : 'hub-lost'}`}
      data-connection-state={phase}
      role="status"
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text">{text}</span>
      {connection?.reason && link === 'open' && phase !== 'live' && (
        <span className="connection-reason">{connection.reason}</span>
      )}
      {connection?.fix && (
        <details className="connection-fix">
          <summary>{t('connection.fix')}</summary>
          <code>{connection.fix}</code>
        </details>
      )}
      {connection?.dataAsOf && phase !== 'live' && phase !== 'signed-out' && (
        <span className="connection-age">
          {t('connection.dataAge', { time: time(connection.dataAsOf) })} · {t(`connection.source.${connection.source}`)}
        </span>
      )}
      {link === 'open' && (phase === 'reconnecting' || phase === 'offline' || phase === 'connecting') && (
        <button type="button" className="button button-small" onClick={() => void bridge().connectionReconnect()}>
          {t('connection.reconnectNow')}
        </button>
      )}
    </div>
  );
}
