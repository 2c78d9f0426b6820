import { useTranslation } from 'react-i18next';
import { formatAbsolute, formatRelative } from '../../format/time';

/**
 * "3 min ago" for the glance; the exact time in the profile's zone as the tooltip and for screen
 * readers (a <time> element carries the machine-readable value).
 */
export function TimeAgo({ iso, now, timezone }: { iso: string | null; now: number; timezone: string }) {
  const { i18n } = useTranslation();
  const time = iso === null ? NaN : Date.parse(iso);
  if (iso === null || !Number.isFinite(time)) return <span className="desk-muted">—</span>;
  // `now` ticks slowly; a row that just re-rendered knows better. A server clock a little ahead is "now", not "in 3 s".
  const reference = Math.max(now, Date.now());
  const absolute = formatAbsolute(iso, timezone, i18n.language);
  return (
    <time dateTime={iso} title={absolute}>
      {formatRelative(Math.min(time, reference), reference, i18n.language)}
      <span className="visually-hidden"> ({absolute})</span>
    </time>
  );
}
