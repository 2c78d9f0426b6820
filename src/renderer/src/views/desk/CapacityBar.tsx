import { useTranslation } from 'react-i18next';

/** Fill levels at which the bar turns to warning and then to danger. */
const WARN_AT = 70;
const DANGER_AT = 90;

/** A fill level as a bar and its number: the colour shifts as it fills, the number says it anyway. */
export function CapacityBar({ percent }: { percent: number | null }) {
  const { t } = useTranslation();
  if (percent === null || !Number.isFinite(percent)) return <span className="desk-muted">—</span>;
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  const level = clamped >= DANGER_AT ? 'danger' : clamped >= WARN_AT ? 'warn' : 'ok';
  return (
    <span className={`desk-capacity desk-capacity-${level}`} title={t('desk.table.capacity', { percent: clamped })}>
      <span className="desk-capacity-track" aria-hidden="true">
        <span className="desk-capacity-fill" style={{ width: `${clamped}%` }} />
      </span>
      <span className="desk-capacity-text">
        {clamped} %<span className="visually-hidden"> {t('desk.table.capacity', { percent: clamped })}</span>
      </span>
    </span>
  );
}
