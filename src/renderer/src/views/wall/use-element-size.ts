import { useCallback, useEffect, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The size of an element's content box, kept up to date by a ResizeObserver (a window resized, a
 * display rotated, a bar appearing above). Pass the returned callback as the element's `ref`.
 */
export function useElementSize<T extends HTMLElement>(): [(element: T | null) => void, Size] {
  const [element, setElement] = useState<T | null>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry.contentRect;
      setSize((previous) => (previous.width === box.width && previous.height === box.height ? previous : { width: box.width, height: box.height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [useCallback((next: T | null) => setElement(next), []), size];
}
