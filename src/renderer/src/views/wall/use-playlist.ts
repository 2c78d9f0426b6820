import { useEffect, useRef, useState } from 'react';
import type { WallDisplay } from '../../../../shared/wall-layout';
import type { PlaylistState } from './playlist';
import { Playlist } from './playlist';

/** What counts as someone using the display: it holds the rotation on the view they look at. */
const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const;

/**
 * Runs the display's playlist while the wall is up: a new playlist when the layout changes, paused
 * by pointer or key activity on the page, resumed after the layout's quiet time.
 */
export function usePlaylist(display: WallDisplay, resumeAfterSeconds: number): { state: PlaylistState | null; show(index: number): void } {
  const playlistRef = useRef<Playlist | null>(null);
  // Null only until the first effect has made the playlist: one frame at start.
  const [state, setState] = useState<PlaylistState | null>(null);
  // The layout is re-read now and then; only a real change should restart the rotation.
  const key = JSON.stringify([display.playlist, display.intervalSeconds, resumeAfterSeconds]);

  useEffect(() => {
    const playlist = new Playlist(display.playlist, { intervalSeconds: display.intervalSeconds, resumeAfterSeconds }, setState);
    playlistRef.current = playlist;
    setState(playlist.state);
    const interact = () => playlist.interact();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, interact, { passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, interact);
      playlist.dispose();
      playlistRef.current = null;
    };
    // `key` stands for the playlist's contents: `display` itself is a new object on every read.
  }, [key]);

  return { state, show: (index: number) => playlistRef.current?.show(index) };
}
