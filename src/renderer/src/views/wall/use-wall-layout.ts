import { useCallback, useEffect, useState } from 'react';
import type { CommandResponse } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { useAppStore } from '../../store/app-store';

export type WallLayoutInfo = CommandResponse<'wall.layout'>;

/** How often a wall looks for a layout imported elsewhere (there is no event for it). */
const LAYOUT_REFRESH_MS = 60_000;

/**
 * The wall layout in use, read from the core when the link (re)opens and once a minute, so a layout
 * an operator imports reaches the wall displays without anyone touching them.
 */
export function useWallLayout(): { info: WallLayoutInfo | null; error: string | null; replace(info: WallLayoutInfo): void } {
  const link = useAppStore((state) => state.link);
  const [info, setInfo] = useState<WallLayoutInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (link !== 'open') return undefined;
    let cancelled = false;
    const read = async () => {
      const result = await bridge().wallLayout();
      if (cancelled) return;
      if (result.ok) {
        // The same layout again keeps the same object: the playlist does not start over.
        setInfo((previous) => (previous && JSON.stringify(previous) === JSON.stringify(result.value) ? previous : result.value));
        setError(null);
      } else setError(result.message);
    };
    void read();
    const timer = window.setInterval(() => void read(), LAYOUT_REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [link]);

  return { info, error, replace: useCallback((next: WallLayoutInfo) => setInfo(next), []) };
}
