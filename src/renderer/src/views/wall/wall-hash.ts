import { useEffect, useState } from 'react';

/**
 * Which wall display the page is, from its address: `#wall` is display 0, `#wall=2` display 2 (the
 * kiosk opens one window per display this way; the hub's display links end in `#wall`). Null when
 * the page is not a wall.
 */
export function parseWallHash(hash: string): number | null {
  const match = /^#wall(?:=(\d{0,2}))?$/.exec(hash.trim());
  if (!match) return null;
  return match[1] ? Number(match[1]) : 0;
}

/** The wall display index of this page, following changes of the address's hash. */
export function useWallDisplayIndex(): number | null {
  const [index, setIndex] = useState(() => parseWallHash(window.location.hash));
  useEffect(() => {
    const changed = () => setIndex(parseWallHash(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return index;
}
