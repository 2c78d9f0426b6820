import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';
import type { FleetRows } from './fleet-rows';
import { deriveRows } from './fleet-rows';

/**
 * How often the row order may be worked out again while patches stream in. Rows repaint their own
 * cells at once (each subscribes to its machine); only the order and the counts wait for this.
 */
const REORDER_MS = 200;

/** The fleet's version, moved at most every `ms`: a burst of patches costs one re-sort, not sixty. */
function useThrottledFleetVersion(ms: number): number {
  const [version, setVersion] = useState(() => useFleetStore.getState().version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const catchUp = () => {
      timer = null;
      last = performance.now();
      setVersion(useFleetStore.getState().version);
    };
    const unsubscribe = useFleetStore.subscribe((state, previous) => {
      if (state.version === previous.version || timer !== null) return;
      timer = setTimeout(catchUp, Math.max(0, last + ms - performance.now()));
    });
    // A patch may have landed between the first render and this subscription.
    catchUp();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ms]);
  return version;
}

/** The rows the table shows, derived from the mutable fleet map on its version and the operator's query. */
export function useFleetRows(): FleetRows {
  const { i18n } = useTranslation();
  const version = useThrottledFleetVersion(REORDER_MS);
  const statusFilter = useUiStore((state) => state.statusFilter);
  const sort = useUiStore((state) => state.sort);
  // Typing stays responsive on a large fleet: the filter catches up between keystrokes.
  const search = useDeferredValue(useUiStore((state) => state.search));
  const language = i18n.language;
  return useMemo(
    () => deriveRows(useFleetStore.getState().machines, { statusFilter, search, sort, language }),
    // `version` is the map's change counter: the map itself is mutated in place.
    [version, statusFilter, search, sort, language],
  );
}
