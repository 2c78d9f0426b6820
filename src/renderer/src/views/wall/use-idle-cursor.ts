import { useEffect, useState } from 'react';

/** Seconds of a still pointer before the cursor leaves the wall. */
export const CURSOR_IDLE_MS = 3_000;

/**
 * Whether the pointer has been still for a while: the wall then hides the cursor, so an arrow does
 * not sit in the middle of the fleet all day. The count starts at once: a wall just switched on hides it too.
 */
export function useIdleCursor(idleMs: number = CURSOR_IDLE_MS): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), idleMs);
    const moved = () => {
      window.clearTimeout(timer);
      setIdle(false);
      timer = window.setTimeout(() => setIdle(true), idleMs);
    };
    window.addEventListener('pointermove', moved, { passive: true });
    window.addEventListener('pointerdown', moved, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', moved);
      window.removeEventListener('pointerdown', moved);
    };
  }, [idleMs]);
  return idle;
}
