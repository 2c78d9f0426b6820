import { describe, expect, it } from 'vitest';
import type { FleetEvent } from '../../../../shared/fleet';
import type { PageCursor, QueryPage } from './event-pager';
import { EventPager } from './event-pager';

const event = (seq: number): FleetEvent => ({ seq, time: 1000 + seq, machineId: '1', type: 'deposit.completed', status: null, payload: {} });

/** A cache of `total` events answered in pages of `size`, newest-first order irrelevant here. */
function pagedQuery(total: number, size: number, asked: Array<PageCursor | undefined>): QueryPage {
  return async (cursor) => {
    asked.push(cursor);
    const start = cursor ? cursor.seq + 1 : 0;
    const events = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => event(start + i));
    const last = events.at(-1);
    return { ok: true, value: { events, nextCursor: events.length === size && last ? { time: last.time, seq: last.seq } : null } };
  };
}

describe('reading the history a page at a time', () => {
  it('continues after the last row of each page until a short page ends it', async () => {
    const asked: Array<PageCursor | undefined> = [];
    const pager = new EventPager(pagedQuery(5, 2, asked), () => undefined);
    await pager.loadMore();
    await pager.loadMore();
    expect(pager.events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(pager.done).toBe(false);
    await pager.loadMore();
    expect(pager.events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(pager.done).toBe(true);
    await pager.loadMore();
    expect(asked).toEqual([undefined, { time: 1001, seq: 1 }, { time: 1003, seq: 3 }]);
  });

  it('asks once while a page is on its way', async () => {
    const asked: Array<PageCursor | undefined> = [];
    const pager = new EventPager(pagedQuery(10, 2, asked), () => undefined);
    await Promise.all([pager.loadMore(), pager.loadMore(), pager.loadMore()]);
    expect(asked).toHaveLength(1);
  });

  it('keeps the failure to show, and reads the same page again on retry', async () => {
    let fail = true;
    const asked: Array<PageCursor | undefined> = [];
    const inner = pagedQuery(3, 2, asked);
    const pager = new EventPager(async (cursor) => (fail ? { ok: false, code: 'network', message: 'no hub' } : inner(cursor)), () => undefined);
    await pager.loadMore();
    expect(pager.error).toBe('no hub');
    fail = false;
    await pager.retry();
    expect(pager.error).toBeNull();
    expect(pager.events.map((e) => e.seq)).toEqual([0, 1]);
  });

  it('drops a late answer once closed', async () => {
    let release: () => void = () => undefined;
    const pager = new EventPager(
      () => new Promise((resolve) => (release = () => resolve({ ok: true, value: { events: [event(1)], nextCursor: null } }))),
      () => undefined,
    );
    const loading = pager.loadMore();
    pager.close();
    release();
    await loading;
    expect(pager.events).toEqual([]);
  });
});
