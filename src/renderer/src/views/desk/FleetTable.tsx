import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, MouseEvent, Ref } from 'react';
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from './columns';
import { FleetHeader } from './FleetHeader';
import { FleetRow } from './FleetRow';
import { useFleetIsStale, useNow, useTimezone } from './hooks';

export interface FleetTableHandle {
  /** Scrolls the machine's row into view and gives it the keyboard focus (the drawer closing). */
  focusRow(id: string): void;
}

const OVERSCAN = 12;
const CLOCK_MS = 15_000;

function rowIndexOf(target: EventTarget): number | null {
  const row = (target as Element).closest?.('[data-row-index]');
  return row ? Number(row.getAttribute('data-row-index')) : null;
}

/**
 * The fleet as a virtualised grid: only the rows in view (plus a margin) are in the DOM, at a fixed
 * height, so ten thousand machines scroll as smoothly as twenty. One row at a time takes Tab; the
 * arrow keys, Page Up/Down and Home/End move between rows, Enter opens the drawer, Space selects.
 */
export function FleetTable({ ids, total, ref }: { ids: readonly string[]; total: number; ref?: Ref<FleetTableHandle> }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const now = useNow(CLOCK_MS);
  const timezone = useTimezone();
  const stale = useFleetIsStale();
  const selection = useUiStore((state) => state.selection);
  const openMachine = useUiStore((state) => state.openMachine);
  const openId = useUiStore((state) => state.openMachineId);
  const statusFilter = useUiStore((state) => state.statusFilter);
  const search = useUiStore((state) => state.search);
  const sort = useUiStore((state) => state.sort);

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => ids[index],
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();

  // A new search, filter or order is a new list: start reading it from the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [statusFilter, search, sort]);

  /** Focuses the row once it is in the DOM; the virtualiser may need a render (or a scroll) first. */
  const flushFocus = useCallback(() => {
    const id = pendingFocus.current;
    if (id === null || !scrollRef.current) return;
    const row = scrollRef.current.querySelector<HTMLElement>(`[role="row"][data-rvm-id="${CSS.escape(id)}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  }, []);
  useLayoutEffect(flushFocus);

  const moveTo = useCallback(
    (index: number) => {
      const id = ids[index];
      if (id === undefined) return;
      setActiveId(id);
      pendingFocus.current = id;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      flushFocus();
    },
    [ids, virtualizer, flushFocus],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusRow: (id) => {
        // A row filtered out meanwhile hands the focus to the first row instead of dropping it.
        const index = ids.indexOf(id);
        moveTo(index >= 0 ? index : 0);
      },
    }),
    [ids, moveTo],
  );

  const toggle = useCallback((id: string) => {
    const { selection: current, setSelection } = useUiStore.getState();
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelection(next);
  }, []);

  const onClick = (event: MouseEvent) => {
    const index = rowIndexOf(event.target);
    if (index === null || ids[index] === undefined) return;
    setActiveId(ids[index]);
    openMachine(ids[index]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = rowIndexOf(event.target);
    if (index === null) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const target: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: Math.min(ids.length - 1, index + page),
      PageUp: Math.max(0, index - page),
      Home: 0,
      End: ids.length - 1,
    };
    if (event.key in target) {
      event.preventDefault();
      moveTo(target[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openMachine(ids[index]);
    } else if (event.key === ' ') {
      event.preventDefault();
      toggle(ids[index]);
    }
  };

  // The active row takes Tab; when it has scrolled out of the DOM, the first rendered row does.
  const rendered = items.map((item) => ids[item.index]);
  const tabbableId = activeId !== null && rendered.includes(activeId) ? activeId : rendered[0];

  return (
    <div
      ref={scrollRef}
      className="desk-grid"
      role="grid"
      aria-label={t('desk.table.label')}
      aria-rowcount={ids.length + 1}
      aria-multiselectable="true"
      data-testid="fleet-table"
      data-row-count={ids.length}
    >
      <FleetHeader ids={ids} />
      <div
        role="rowgroup"
        className="desk-body"
        style={{ height: ids.length === 0 ? ROW_HEIGHT * 2 : virtualizer.getTotalSize() }}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {ids.length === 0 ? (
          <div role="row" className="desk-row desk-empty" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={COLUMNS.length + 1}>
              {total === 0 ? t('desk.table.emptyFleet') : t('desk.table.empty')}
            </div>
          </div>
        ) : (
          items.map((item) => (
            <FleetRow
              key={item.key}
              id={ids[item.index]}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              now={now}
              timezone={timezone}
              stale={stale}
              selected={selection.has(ids[item.index])}
              open={ids[item.index] === openId}
              tabbable={ids[item.index] === tabbableId}
              onToggle={toggle}
            />
          ))
        )}
      </div>
    </div>
  );
}
