import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimezone } from '../desk/hooks';
import type { Preset } from './history-store';
import { PRESETS, presetRange, useHistoryStore } from './history-store';
import { readStorageInfo } from './use-storage-info';
import { fromZonedInput, toZonedInput } from './zoned-time';

/** The stretch of time to look at: a preset ending now, the whole cache, or the operator's own from/to. */
export function RangePicker() {
  const { t } = useTranslation();
  const range = useHistoryStore((state) => state.range);
  const from = useHistoryStore((state) => state.from);
  const to = useHistoryStore((state) => state.to);
  const setRange = useHistoryStore((state) => state.setRange);
  const refresh = useHistoryStore((state) => state.refresh);
  const timezone = useTimezone();
  const [note, setNote] = useState<string | null>(null);

  const choosePreset = (preset: Preset) => {
    setNote(null);
    const next = presetRange(preset, Date.now());
    setRange(preset, next.from, next.to);
  };

  const chooseAll = async () => {
    const info = await readStorageInfo();
    if (!info || info.firstTime === null || info.lastTime === null) {
      setNote(t('history.range.nothingCached'));
      return;
    }
    setNote(null);
    // Just past the last event, so the timeline's last slice holds it; and at least a second wide,
    // so a cache of one event still has a range to show.
    setRange('all', info.firstTime, Math.max(info.lastTime + 1, info.firstTime + 1000));
  };

  return (
    <div className="history-range">
      <div className="history-presets" role="group" aria-label={t('history.range.label')}>
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="history-toggle"
            aria-pressed={range === preset}
            data-range={preset}
            onClick={() => choosePreset(preset)}
          >
            {t(`history.range.${preset}`)}
          </button>
        ))}
        <button type="button" className="history-toggle" aria-pressed={range === 'all'} data-range="all" onClick={() => void chooseAll()}>
          {t('history.range.all')}
        </button>
        <button type="button" className="button" onClick={refresh} title={t('history.range.refreshHint')}>
          {t('history.range.refresh')}
        </button>
      </div>
      {/* Keyed by the range, so the fields show the chosen range afresh whenever it changes. */}
      <CustomRange key={`${from}|${to}|${timezone}`} from={from} to={to} timezone={timezone} custom={range === 'custom'} />
      {note && (
        <p className="history-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}

function CustomRange({ from, to, timezone, custom }: { from: number; to: number; timezone: string; custom: boolean }) {
  const { t } = useTranslation();
  const setRange = useHistoryStore((state) => state.setRange);
  const [fromText, setFromText] = useState(() => toZonedInput(from, timezone));
  const [toText, setToText] = useState(() => toZonedInput(to, timezone));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const start = fromZonedInput(fromText, timezone);
    const end = fromZonedInput(toText, timezone);
    if (start === null || end === null) return setError(t('history.range.invalid'));
    if (end <= start) return setError(t('history.range.backwards'));
    setError(null);
    setRange('custom', start, end);
  };

  return (
    <form className="history-custom" onSubmit={apply} aria-label={t('history.range.customLabel', { zone: timezone })}>
      <label>
        <span>{t('history.range.from')}</span>
        <input
          type="datetime-local"
          step={1}
          className="history-input"
          value={fromText}
          onChange={(event) => setFromText(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          data-testid="range-from"
        />
      </label>
      <label>
        <span>{t('history.range.to')}</span>
        <input
          type="datetime-local"
          step={1}
          className="history-input"
          value={toText}
          onChange={(event) => setToText(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          data-testid="range-to"
        />
      </label>
      <span className="history-zone">{timezone}</span>
      <button type="submit" className="history-toggle" aria-pressed={custom} data-range="custom">
        {t('history.range.apply')}
      </button>
      {error && (
        <p id={errorId} className="history-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
