import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallLayout } from '../../../../shared/wall-layout';
import { bridge } from '../../bridge';
import { useWallLayout } from './use-wall-layout';
import './layout-panel.css';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/** A file name from the layout's name: "Lobby wall" → "lobby-wall.json". */
function fileNameFor(layout: WallLayout): string {
  const slug = layout.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'wall-layout'}.json`;
}

/** Offers the layout as a JSON file to save, through a short-lived Blob link. */
function downloadLayout(layout: WallLayout): void {
  const blob = new Blob([`${JSON.stringify(layout, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFor(layout);
  link.click();
  // The click has started the download; the object URL can go once this task is done.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The wall layout for operators: which one is in use, where it came from, why a file was refused;
 * import a new one (checked by the core, which names the problem) and export the current one.
 */
export function LayoutPanel() {
  const { t } = useTranslation();
  const { info, error, replace } = useWallLayout();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const input = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        setOutcome({ tone: 'error', text: t('wall.layout.unreadable') });
        return;
      }
      const result = await bridge().wallImportLayout({ text });
      if (result.ok) {
        replace(result.value);
        setOutcome({ tone: 'ok', text: t('wall.layout.imported', { name: result.value.layout.name }) });
      } else {
        setOutcome({ tone: 'error', text: t('wall.layout.refused', { message: result.message }) });
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="panel wall-layout-panel" aria-labelledby="wall-layout-title" data-testid="wall-layout-panel">
      <h2 id="wall-layout-title">{t('wall.layout.title')}</h2>
      <p className="wall-layout-hint">{t('wall.layout.hint')}</p>
      {error && <p role="alert">{t('wall.layout.failed', { message: error })}</p>}
      {!info && !error && <p>{t('wall.layout.loading')}</p>}
      {info && (
        <dl className="facts">
          <dt>{t('wall.layout.name')}</dt>
          <dd data-field="layout-name">{info.layout.name}</dd>
          <dt>{t('wall.layout.source')}</dt>
          <dd data-field="layout-source">{info.source === 'default' ? t('wall.layout.sourceDefault') : <code>{info.source}</code>}</dd>
          <dt>{t('wall.layout.displaysLabel')}</dt>
          <dd>
            {t('wall.layout.displays', { count: info.layout.displays.length })}
            {': '}
            {info.layout.displays.map((display) => display.name).join(', ')}
          </dd>
        </dl>
      )}
      {info?.problem && (
        <div className="wall-layout-problem" role="alert" data-field="layout-problem">
          <strong>{t('wall.layout.problem')}</strong>
          <p>{info.problem}</p>
        </div>
      )}
      <div className="wall-layout-actions">
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="wall-layout-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t('wall.layout.importing') : t('wall.layout.import')}
        </button>
        <button type="button" className="button" disabled={!info} onClick={() => info && downloadLayout(info.layout)}>
          {t('wall.layout.export')}
        </button>
      </div>
      {outcome && (
        <p className={`wall-layout-outcome wall-layout-${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
