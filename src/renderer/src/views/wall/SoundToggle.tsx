import { useTranslation } from 'react-i18next';
import type { CriticalSound } from './use-critical-sound';

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      {muted ? (
        <path d="M16 9l6 6M22 9l-6 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
      )}
    </svg>
  );
}

/**
 * Mutes or unmutes the alert tone for critical machines; the choice stays with this display. In a
 * browser, a discreet hint says that one click lets the wall make sound at all.
 */
export function SoundToggle({ sound }: { sound: CriticalSound }) {
  const { t } = useTranslation();
  return (
    <div className="wall-sound">
      {sound.needsGesture && !sound.muted && (
        <span className="wall-sound-hint" data-testid="wall-sound-hint">
          {t('wall.sound.enable')}
        </span>
      )}
      <button
        type="button"
        className="wall-button wall-sound-toggle"
        aria-pressed={!sound.muted}
        title={t('wall.sound.toggle')}
        data-alert-count={sound.alerts}
        data-testid="wall-sound"
        onClick={() => sound.setMuted(!sound.muted)}
      >
        <SpeakerIcon muted={sound.muted} />
        <span>{t('wall.sound.label')}</span>
      </button>
    </div>
  );
}
