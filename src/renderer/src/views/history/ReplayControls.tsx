import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAbsolute } from '../../format/time';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';
import { useTimezone } from '../desk/hooks';
import { SPEEDS, useHistoryStore } from './history-store';
import { typeLabelKey } from './event-types';
import { pause, play, step } from './replay-player';
import { useStorageInfo } from './use-storage-info';

/** Play, pause, speed, stepping from event to event, and the way to the desk while replaying. */
export function ReplayControls() {
  const { t, i18n } = useTranslation();
  const playing = useHistoryStore((state) => state.playing);
  const speed = useHistoryStore((state) => state.speed);
  const cursor = useHistoryStore((state) => state.cursor);
  const replay = useFleetStore((state) => state.replay);
  const setView = useUiStore((state) => state.setView);
  const timezone = useTimezone();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useStorageInfo().info?.firstTime ?? null;
  const beforeCache = replay !== null && (first === null || replay.time < first);

  const stepTo = async (direction: 'next' | 'previous') => {
    setBusy(true);
    const result = await step(direction);
    setBusy(false);
    if (result.kind === 'failed') setNote(t('history.replay.stepFailed', { message: result.message }));
    else if (result.kind === 'none') setNote(t(direction === 'next' ? 'history.replay.noNext' : 'history.replay.noPrevious'));
    else {
      const key = typeLabelKey(result.event.type);
      setNote(
        t('history.replay.steppedTo', {
          type: key ? t(key) : result.event.type,
          time: formatAbsolute(result.event.time, timezone, i18n.language),
        }),
      );
    }
  };

  return (
    <div className="replay-controls">
      <button
        type="button"
        className="button replay-play"
        onClick={() => {
          setNote(null);
          if (playing) pause();
          else play();
        }}
        data-testid="replay-play"
      >
        <span aria-hidden="true">{playing ? '‖ ' : '▶ '}</span>
        {playing ? t('history.replay.pause') : t('history.replay.play')}
      </button>
      <div className="replay-speeds" role="group" aria-label={t('history.replay.speed')}>
        {SPEEDS.map((option) => (
          <button
            key={option}
            type="button"
            className="history-toggle"
            aria-pressed={speed === option}
            onClick={() => useHistoryStore.setState({ speed: option })}
          >
            {t('history.replay.times', { speed: option })}
          </button>
        ))}
      </div>
      <button type="button" className="button" disabled={busy} onClick={() => void stepTo('previous')} data-testid="step-previous">
        <span aria-hidden="true">⇤ </span>
        {t('history.replay.previous')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void stepTo('next')} data-testid="step-next">
        {t('history.replay.next')}
        <span aria-hidden="true"> ⇥</span>
      </button>
      <span className="replay-position" data-testid="replay-position">
        {cursor === null ? t('history.replay.notStarted') : t('history.replay.cursorAt', { time: formatAbsolute(cursor, timezone, i18n.language) })}
      </span>
      {replay && (
        <button type="button" className="button" onClick={() => setView('desk')} data-testid="open-desk">
          {t('history.replay.openDesk')}
        </button>
      )}
      {beforeCache && (
        <p className="history-note replay-note" role="status">
          {t('history.replay.beforeCache')}
        </p>
      )}
      {note && (
        <p className="history-note replay-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
