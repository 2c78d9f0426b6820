import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimezone } from '../desk/hooks';
import { useFleetStore } from '../../store/fleet-store';
import { EventRow, HEADER_HEIGHT, ROW_HEIGHT } from './EventRow';
import { useHistoryFilter, useHistoryStore } from './history-store';
import { useEventCount, useEventPager } from './use-history-data';

const OVERSCAN = 20;
/** The next page is asked for when the rows in view come this close to the end of what is loaded. */
const PREFETCH_ROWS = 100;

/** The events of the filter, newest or oldest first, in a virtualised table that reads pages as it scrolls. */
export function EventList() {
  const { t, i18n } = useTranslation();
  const { filter, key } = useHistoryFilter();
  const order = useHistoryStore((state) => state.order);
  const setOrder = useHistoryStore((state) => state.setOrder);
  const pager = useEventPager(filter, key, order);
  const count = useEventCount(filter, key);
  const timezone = useTimezone();
  // Names come from the fleet; re-read them when machines come or go.
  useFleetStore((state) => state.machines.size);
  const machines = useFleetStore.getState().machines;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  const events = pager?.events ?? [];
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (pager && !pager.done && !pager.loading && pager.error === null && lastShown >= pager.events.length - PREFETCH_ROWS) void pager.loadMore();
  }, [pager, lastShown, pager?.version]);

  // A new filter starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [key, order]);

  const total = count.state === 'ready' ? count.total : null;
  return (
    <section className="history-panel history-events" aria-labelledby={headingId}>
      <div className="history-events-head">
        <h3 id={headingId}>{t('history.list.title')}</h3>
        <span className="history-count" role="status" data-testid="history-count" data-total={total ?? undefined}>
          {count.state === 'loading' && t('history.loading')}
          {count.state === 'failed' && t('history.list.countFailed', { message: count.message })}
          {total !== null && t('history.list.count', { count: total, formatted: total.toLocaleString(i18n.language) })}
        </span>
        <label className="history-order">
          <span>{t('history.list.order')}</span>
          <select value={order} onChange={(event) => setOrder(event.target.value === 'asc' ? 'asc' : 'desc')}>
            <option value="desc">{t('history.list.newestFirst')}</option>
            <option value="asc">{t('history.list.oldestFirst')}</option>
          </select>
        </label>
      </div>
      <div
        ref={scrollRef}
        className="history-table"
        role="table"
        aria-labelledby={headingId}
        aria-rowcount={total === null ? -1 : total + 1}
        data-testid="history-events"
        data-row-count={events.length}
      >
        <div role="rowgroup" className="history-table-head">
          <div role="row" className="history-row" aria-rowindex={1}>
            <div role="columnheader">{t('history.list.time')}</div>
            <div role="columnheader">{t('history.list.machine')}</div>
            <div role="columnheader">{t('history.list.type')}</div>
            <div role="columnheader">{t('history.list.status')}</div>
            <div role="columnheader">{t('history.list.details')}</div>
          </div>
        </div>
        <div role="rowgroup" className="history-table-body" style={{ height: Math.max(virtualizer.getTotalSize(), ROW_HEIGHT * 2) }}>
          {items.map((item) => (
            <EventRow
              key={events[item.index].seq}
              event={events[item.index]}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              machines={machines}
              timezone={timezone}
            />
          ))}
          {pager && events.length === 0 && !pager.loading && pager.error === null && (
            <div role="row" className="history-row history-empty">
              <div role="cell">{t('history.list.empty')}</div>
            </div>
          )}
        </div>
      </div>
      <ListFooter loading={pager?.loading ?? true} error={pager?.error ?? null} onRetry={() => void pager?.retry()} />
    </section>
  );
}

function ListFooter({ loading, error, onRetry }: { loading: boolean; error: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error)
    return (
      <p className="history-error" role="alert">
        {t('history.list.failed', { message: error })}{' '}
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('history.retry')}
        </button>
      </p>
    );
  return (
    <p className="history-list-footer" aria-live="polite">
      {loading ? t('history.list.loadingMore') : ''}
    </p>
  );
}
