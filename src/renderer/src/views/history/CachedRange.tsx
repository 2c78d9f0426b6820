import { useTranslation } from 'react-i18next';
import { formatAbsolute } from '../../format/time';
import { useTimezone } from '../desk/hooks';
import { useStorageInfo } from './use-storage-info';

/** How old the data is: the history is a cache, and says which stretch of time it holds. */
export function CachedRange() {
  const { t, i18n } = useTranslation();
  const timezone = useTimezone();
  const { info, error } = useStorageInfo();
  if (error) return <p className="history-cached history-error">{t('history.cached.failed', { message: error })}</p>;
  if (!info) return <p className="history-cached">{t('history.loading')}</p>;
  if (info.firstTime === null || info.lastTime === null) return <p className="history-cached">{t('history.cached.empty')}</p>;
  return (
    <p className="history-cached" data-testid="cached-range">
      {t('history.cached.range', {
        first: formatAbsolute(info.firstTime, timezone, i18n.language),
        last: formatAbsolute(info.lastTime, timezone, i18n.language),
        count: info.events,
        events: info.events.toLocaleString(i18n.language),
      })}
    </p>
  );
}
