import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge';
import { formatAbsolute } from '../../format/time';
import { useTimezone } from '../desk/hooks';
import { BYTES_PER_GB, formatBytes } from './format-bytes';
import type { StorageInfo } from './use-storage-info';
import { readStorageInfo, setStorageInfo, useStorageInfo } from './use-storage-info';

/** The contract's limits (storage.configure): 1 to 3,650 days; 16 MB to 1 TB. */
const MAX_AGE_DAYS = { min: 1, max: 3650 };
const MAX_BYTES = { min: 16 * 1024 * 1024, max: 1024 ** 4 };

/** The cache on disk: how big, how much, since when; how long and how big it may grow; compaction. */
export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const timezone = useTimezone();
  const { info, error } = useStorageInfo();
  const headingId = useId();
  const time = (value: number | null) => formatAbsolute(value, timezone, i18n.language);

  return (
    <section className="history-panel history-storage" aria-labelledby={headingId} data-testid="history-storage">
      <h3 id={headingId}>{t('history.storage.title')}</h3>
      {error && (
        <p className="history-error" role="alert">
          {t('history.storage.failed', { message: error })}
        </p>
      )}
      {!info && !error && <p className="history-muted">{t('history.loading')}</p>}
      {info && (
        <>
          <dl className="facts history-facts">
            <dt>{t('history.storage.size')}</dt>
            <dd data-field="size">{formatBytes(info.sizeBytes, i18n.language)}</dd>
            <dt>{t('history.storage.events')}</dt>
            <dd data-field="events">{info.events.toLocaleString(i18n.language)}</dd>
            <dt>{t('history.storage.first')}</dt>
            <dd>{time(info.firstTime)}</dd>
            <dt>{t('history.storage.last')}</dt>
            <dd>{time(info.lastTime)}</dd>
            <dt>{t('history.storage.path')}</dt>
            <dd>
              <code className="history-path">{info.path}</code>
            </dd>
          </dl>
          {/* Keyed by the saved limits, so the fields start from what the core holds. */}
          <RetentionForm key={`${info.retention.maxAgeDays}|${info.retention.maxBytes}`} info={info} />
          <CompactButton />
        </>
      )}
    </section>
  );
}

function RetentionForm({ info }: { info: StorageInfo }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState(String(info.retention.maxAgeDays));
  const [gigabytes, setGigabytes] = useState(String(Math.round((info.retention.maxBytes / BYTES_PER_GB) * 1000) / 1000));
  const [problem, setProblem] = useState<{ field: 'days' | 'size' | 'server'; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const daysId = useId();
  const sizeId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const maxAgeDays = Number(days);
    const maxBytes = Math.round(Number(gigabytes.replace(',', '.')) * BYTES_PER_GB);
    if (days.trim() === '' || !Number.isFinite(maxAgeDays) || maxAgeDays < MAX_AGE_DAYS.min || maxAgeDays > MAX_AGE_DAYS.max) {
      return setProblem({ field: 'days', text: t('history.storage.daysInvalid', { min: MAX_AGE_DAYS.min, max: MAX_AGE_DAYS.max }) });
    }
    if (gigabytes.trim() === '' || !Number.isFinite(maxBytes) || maxBytes < MAX_BYTES.min || maxBytes > MAX_BYTES.max) {
      return setProblem({
        field: 'size',
        text: t('history.storage.sizeInvalid', { min: formatBytes(MAX_BYTES.min, i18n.language), max: formatBytes(MAX_BYTES.max, i18n.language) }),
      });
    }
    setProblem(null);
    setSaving(true);
    const reply = await bridge().storageConfigure({ maxAgeDays, maxBytes });
    setSaving(false);
    if (!reply.ok) return setProblem({ field: 'server', text: t('history.storage.refused', { message: reply.message }) });
    setSaved(true);
    setStorageInfo(reply.value);
  };

  const invalid = (field: 'days' | 'size') => problem?.field === field;
  return (
    <form className="history-retention" onSubmit={(event) => void submit(event)} noValidate>
      <h4>{t('history.storage.retention')}</h4>
      <div className="history-field">
        <label htmlFor={daysId}>{t('history.storage.maxAge')}</label>
        <input
          id={daysId}
          className="history-input"
          type="number"
          inputMode="numeric"
          min={MAX_AGE_DAYS.min}
          max={MAX_AGE_DAYS.max}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          aria-invalid={invalid('days')}
          aria-describedby={invalid('days') ? errorId : undefined}
          data-testid="retention-days"
        />
      </div>
      <div className="history-field">
        <label htmlFor={sizeId}>{t('history.storage.maxSize')}</label>
        <input
          id={sizeId}
          className="history-input"
          type="number"
          inputMode="decimal"
          step="any"
          min={0.016}
          max={1024}
          value={gigabytes}
          onChange={(event) => setGigabytes(event.target.value)}
          aria-invalid={invalid('size')}
          aria-describedby={invalid('size') ? errorId : undefined}
          data-testid="retention-size"
        />
      </div>
      <button type="submit" className="button" disabled={saving}>
        {t('history.storage.save')}
      </button>
      {problem && (
        <p id={errorId} className="history-error" role="alert">
          {problem.text}
        </p>
      )}
      {saved && (
        <p className="history-note" role="status">
          {t('history.storage.saved')}
        </p>
      )}
    </form>
  );
}

function CompactButton() {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<{ state: 'running' } | { state: 'done'; before: number; after: number } | { state: 'failed'; message: string } | null>(null);

  const compact = async () => {
    setResult({ state: 'running' });
    const reply = await bridge().storageCompact();
    setResult(reply.ok ? { state: 'done', ...reply.value } : { state: 'failed', message: reply.message });
    if (reply.ok) void readStorageInfo();
  };

  return (
    <div className="history-compact">
      <button type="button" className="button" disabled={result?.state === 'running'} onClick={() => void compact()} data-testid="compact">
        {t('history.storage.compact')}
      </button>
      <span className="history-muted">{t('history.storage.compactHint')}</span>
      {result?.state === 'running' && <p role="status">{t('history.storage.compacting')}</p>}
      {result?.state === 'done' && (
        <p className="history-note" role="status" data-testid="compact-result">
          {t('history.storage.compacted', { before: formatBytes(result.before, i18n.language), after: formatBytes(result.after, i18n.language) })}
        </p>
      )}
      {result?.state === 'failed' && (
        <p className="history-error" role="alert">
          {t('history.storage.compactFailed', { message: result.message })}
        </p>
      )}
    </div>
  );
}
