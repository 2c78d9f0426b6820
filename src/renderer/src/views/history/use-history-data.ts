import { useEffect, useState } from 'react';
import type { CommandResponse, HistoryFilter } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { EventPager } from './event-pager';

const PAGE_SIZE = 500;

/** A pager for the filter, replaced whenever the filter (or the order) changes. */
export function useEventPager(filter: HistoryFilter, filterKey: string, order: 'asc' | 'desc'): EventPager | null {
  const [pager, setPager] = useState<EventPager | null>(null);
  const [, setVersion] = useState(0);
  useEffect(() => {
    const next = new EventPager(
      (cursor) => bridge().historyQuery({ filter, limit: PAGE_SIZE, order, ...(cursor ? { cursor } : {}) }),
      () => setVersion((version) => version + 1),
    );
    setPager(next);
    void next.loadMore();
    return () => next.close();
    // `filterKey` stands for the filter's content (and the "read again" revision).
  }, [filterKey, order]);
  return pager;
}

export type CountState = { state: 'loading' } | { state: 'ready'; total: number } | { state: 'failed'; message: string };

/** How many cached events match the filter. */
export function useEventCount(filter: HistoryFilter, filterKey: string): CountState {
  const [count, setCount] = useState<CountState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setCount({ state: 'loading' });
    void bridge()
      .historyCount({ filter })
      .then((reply) => {
        if (current) setCount(reply.ok ? { state: 'ready', total: reply.value.total } : { state: 'failed', message: reply.message });
      });
    return () => {
      current = false;
    };
  }, [filterKey]);
  return count;
}

export type TimelineData = CommandResponse<'history.timeline'>;
export type TimelineState = { state: 'loading' } | { state: 'ready'; data: TimelineData } | { state: 'failed'; message: string };

/** Event density and the gaps over the range, read again when the range (or the revision) changes. */
export function useTimelineData(from: number, to: number, buckets: number, revision: number): TimelineState {
  const [timeline, setTimeline] = useState<TimelineState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    void bridge()
      .historyTimeline({ from, to, buckets })
      .then((reply) => {
        if (current) setTimeline(reply.ok ? { state: 'ready', data: reply.value } : { state: 'failed', message: reply.message });
      });
    return () => {
      current = false;
    };
  }, [from, to, buckets, revision]);
  return timeline;
}
