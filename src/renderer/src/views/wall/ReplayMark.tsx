import { useTranslation } from 'react-i18next';
import { formatAbsolute } from '../../format/time';
import { useFleetStore } from '../../store/fleet-store';
import { useTimezone } from '../desk/hooks';

/** A past fleet must never pass for the present one: REPLAY, loudly, with the time it shows. */
export function ReplayMark() {
  const { t, i18n } = useTranslation();
  const replay = useFleetStore((state) => state.replay);
  const timezone = useTimezone();
  if (!replay) return null;
  return (
    <strong className="wall-replay" role="status" aria-label={t('wall.replayLabel')} data-replay-time={new Date(replay.time).toISOString()}>
      <span aria-hidden="true">↺ </span>
      {t('wall.replay', { time: formatAbsolute(replay.time, timezone, i18n.language) })}
    </strong>
  );
}
