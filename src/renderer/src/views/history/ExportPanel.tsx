import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResponse } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { useHistoryFilter } from './history-store';
import { formatBytes } from './format-bytes';

type Outcome = CommandResponse<'history.export'>;
type ExportState =
  | { state: 'idle' }
  | { state: 'running'; format: 'csv' | 'json'; rows: number; total: number | null }
  | { state: 'done'; outcome: Outcome }
  | { state: 'failed'; message: string };

const HUB_TOKEN_KEY = 'rvm.hub.token';

/**
 * The hub's download needs the page's access token; it goes into the address only for the moment
 * of the click, through a link that is never part of the page.
 */
function download(href: string): void {
  const url = new URL(href, window.location.href);
  url.searchParams.set('token', sessionStorage.getItem(HUB_TOKEN_KEY) ?? '');
  const link = document.createElement('a');
  link.href = url.toString();
  link.download = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Exports the events of the current filter as CSV or JSON, with progress and where the file went. */
export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const { filter } = useHistoryFilter();
  const [run, setRun] = useState<ExportState>({ state: 'idle' });
  const headingId = useId();
  const running = run.state === 'running';

  useEffect(() => {
    if (!running) return undefined;
    return bridge().onExportProgress((progress) =>
      setRun((current) => (current.state === 'running' ? { ...current, rows: progress.rows, total: progress.total } : current)),
    );
  }, [running]);

  const start = async (format: 'csv' | 'json') => {
    setRun({ state: 'running', format, rows: 0, total: null });
    const reply = await bridge().historyExport({ filter, format });
    if (!reply.ok) return setRun({ state: 'failed', message: reply.message });
    if (reply.value.location?.kind === 'download') download(reply.value.location.href);
    setRun({ state: 'done', outcome: reply.value });
  };

  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <section className="history-panel history-export" aria-labelledby={headingId} data-testid="history-export">
      <h3 id={headingId}>{t('history.export.title')}</h3>
      <p className="history-muted">{t('history.export.hint')}</p>
      <div className="history-buttons">
        <button type="button" className="button" disabled={running} onClick={() => void start('csv')} data-testid="export-csv">
          {t('history.export.csv')}
        </button>
        <button type="button" className="button" disabled={running} onClick={() => void start('json')} data-testid="export-json">
          {t('history.export.json')}
        </button>
      </div>
      {run.state === 'running' && (
        <div className="history-progress" role="status">
          <progress max={run.total ?? undefined} value={run.total ? run.rows : undefined} aria-label={t('history.export.progressLabel')} />
          <span>
            {run.total === null
              ? t('history.export.starting')
              : t('history.export.progress', { rows: number(run.rows), total: number(run.total) })}
          </span>
        </div>
      )}
      {run.state === 'failed' && (
        <p className="history-error" role="alert">
          {t('history.export.failed', { message: run.message })}
        </p>
      )}
      {run.state === 'done' && <ExportResult outcome={run.outcome} />}
    </section>
  );
}

function ExportResult({ outcome }: { outcome: Outcome }) {
  const { t, i18n } = useTranslation();
  const { location } = outcome;
  if (location === null)
    return (
      <p className="history-note" role="status">
        {t('history.export.cancelled')}
      </p>
    );
  const written = t('history.export.written', {
    count: outcome.rows,
    rows: outcome.rows.toLocaleString(i18n.language),
    size: formatBytes(outcome.bytes, i18n.language),
  });
  return (
    <div className="history-note" role="status" data-testid="export-result">
      <p>{written}</p>
      {location.kind === 'file' ? (
        <p>
          {t('history.export.savedTo')} <code className="history-path">{location.path}</code>
        </p>
      ) : (
        <p>
          {t('history.export.downloaded')}{' '}
          <button type="button" className="button button-small" onClick={() => download(location.href)}>
            {t('history.export.again')}
          </button>
        </p>
      )}
    </div>
  );
}
