import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFleetStore } from '../../store/fleet-store';
import { CachedRange } from './CachedRange';
import { EventList } from './EventList';
import { useHistoryStore } from './history-store';
import { ExportPanel } from './ExportPanel';
import { HistoryFilters } from './HistoryFilters';
import { RangePicker } from './RangePicker';
import { ReplayControls } from './ReplayControls';
import { StoragePanel } from './StoragePanel';
import { Timeline } from './Timeline';
import { useStorageRefresh } from './use-storage-info';
import './history.css';

/**
 * The cached history: choose a stretch of time and what to look at, replay the fleet as it was,
 * read the events one by one, export them, and keep the cache's size in check. All of it reads the
 * local cache, so it works offline too.
 */
export function HistoryView() {
  const { t } = useTranslation();
  useStorageRefresh();
  useEffect(() => {
    // A preset means "the last hour (…) from now": opening the view brings it up to the present,
    // unless a replay is on, whose range and cursor stay as the operator left them.
    const { range, refresh } = useHistoryStore.getState();
    if (!useFleetStore.getState().replay && range !== 'all' && range !== 'custom') refresh();
  }, []);
  return (
    <div className="history" data-testid="history-view">
      <div className="history-heading">
        <h2>{t('history.title')}</h2>
        <CachedRange />
      </div>
      <section className="history-panel history-choice" aria-label={t('history.choiceLabel')}>
        <RangePicker />
        <HistoryFilters />
      </section>
      <section className="history-panel history-replay" aria-label={t('history.replay.label')}>
        <Timeline />
        <ReplayControls />
      </section>
      <div className="history-body">
        <EventList />
        <aside className="history-side">
          <ExportPanel />
          <StoragePanel />
        </aside>
      </div>
    </div>
  );
}
