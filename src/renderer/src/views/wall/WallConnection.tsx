import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionPhase } from '../../../../shared/connection';
import { useAppStore } from '../../store/app-store';
import { useTimezone } from '../desk/hooks';

type Tone = 'ok' | 'warn' | 'danger';

const TONES: Record<ConnectionPhase, Tone> = {
  live: 'ok',
  'public-only': 'ok',
  connecting: 'warn',
  reconnecting: 'warn',
  offline: 'danger',
  'signed-out': 'danger',
};

const ICONS: Record<Tone, string> = { ok: '●', warn: '◐', danger: '✖' };

const PHASE_KEYS: Record<ConnectionPhase, string> = {
  live: 'live',
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  offline: 'offlineSince',
  'public-only': 'publicOnly',
  'signed-out': 'signedOut',
};

/** Re-renders every second while a countdown is shown, so "reconnecting in N s" is true. */
function useTicking(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * The link to the server as the wall sees it, large: live, reconnecting, offline since when, and how
 * old the data is when it is not live. `data-connection-state` is part of the app's interface
 * (DESIGN.md): scripts and tests read it here as on the desk.
 */
export function WallConnection() {
  const { t, i18n } = useTranslation();
  const connection = useAppStore((state) => state.connection);
  const link = useAppStore((state) => state.link);
  const timezone = useTimezone();
  const phase = connection?.phase ?? 'connecting';
  const now = useTicking(phase === 'reconnecting' && link === 'open');
  const clock = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(i18n.language, { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
  }, [i18n.language, timezone]);

  let text: string;
  let tone: Tone = TONES[phase];
  if (link !== 'open') {
    text = t(link === 'unauthorised' ? 'wall.waiting.refused' : 'wall.connection.hubLost');
    tone = 'danger';
  } else if (phase === 'reconnecting' && connection?.nextAttemptAt) {
    text = t('wall.connection.reconnectingIn', { seconds: Math.max(0, Math.ceil((Date.parse(connection.nextAttemptAt) - now) / 1000)) });
  } else if (phase === 'offline' && connection) {
    text = t('wall.connection.offlineSince', { time: clock.format(Date.parse(connection.since)) });
  } else {
    text = t(`wall.connection.${PHASE_KEYS[phase]}`);
  }
  const stale = link === 'open' && phase !== 'live' && phase !== 'public-only' && connection?.dataAsOf ? connection.dataAsOf : null;

  return (
    <div className={`wall-connection wall-tone-${tone}`} data-connection-state={phase} data-link={link} role="status" aria-live="polite">
      <span className="wall-connection-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <span className="wall-connection-text">{text}</span>
      {stale && <span className="wall-connection-age">{t('wall.connection.stale', { time: clock.format(Date.parse(stale)) })}</span>}
    </div>
  );
}
