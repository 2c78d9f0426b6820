import { useTranslation } from 'react-i18next';
import type { RvmStatus } from '../../../shared/statuses';
import { STATUS_INFO } from '../../../shared/statuses';

/** A glyph per status, so the badge never speaks by colour alone. */
export const STATUS_ICONS: Record<RvmStatus, string> = {
  active: '●',
  full: '▲',
  maintenance: '⚙',
  inactive: '■',
  error: '✖',
  unknown: '?',
};

/** CONTRACT.md's colour, the icon and the word: readable by everyone, whatever their colour vision. */
export function StatusBadge({ status, large = false }: { status: RvmStatus; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge status-${status}${large ? ' status-badge-large' : ''}`}
      style={{ '--status-colour': STATUS_INFO[status].colour } as React.CSSProperties}
    >
      <span className="status-icon" aria-hidden="true">
        {STATUS_ICONS[status]}
      </span>
      <span className="status-text">{t(`status.${status}`)}</span>
    </span>
  );
}
