import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridgeClient } from '../bridge';
import { formatAbsolute } from '../format/time';
import { useFleetStore } from '../store/fleet-store';
import { returnToLive } from '../store/live-sync';
import { useSessionStore } from '../store/session-store';
import { useUiStore } from '../store/ui-store';
import './replay-bar.css';

/**
 * While the fleet shown is a replay, every view says so, loudly, across the top: nobody should take
 * a past status for the present one. One button goes back to the live fleet.
 */
export function ReplayBar() {
  const { t, i18n } = useTranslation();
  const replay = useFleetStore((state) => state.replay);
  const timezone = useSessionStore((state) => state.session?.timezone) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const view = useUiStore((state) => state.view);
  const setView = useUiStore((state) => state.setView);
  const [leaving, setLeaving] = useState(false);
  if (!replay) return null;

  const backToLive = async () => {
    const client = bridgeClient();
    if (!client) return;
    setLeaving(true);
    try {
      await returnToLive(client);
    } finally {
      setLeaving(false);
    }
  };

  return (
    <div className="replay-bar" role="region" aria-label={t('history.bar.label')} data-replay-time={new Date(replay.time).toISOString()} data-testid="replay-bar">
      <span className="replay-bar-mark" aria-hidden="true">
        ↺
      </span>
      <strong className="replay-bar-text">{t('history.bar.text', { time: formatAbsolute(replay.time, timezone, i18n.language) })}</strong>
      <span className="replay-bar-actions">
        {view !== 'history' && (
          <button type="button" className="replay-bar-button" onClick={() => setView('history')}>
            {t('history.bar.controls')}
          </button>
        )}
        <button type="button" className="replay-bar-button replay-bar-live" disabled={leaving} onClick={() => void backToLive()} data-testid="back-to-live">
          {t('history.bar.live')}
        </button>
      </span>
    </div>
  );
}
