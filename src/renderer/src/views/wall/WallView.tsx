import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { useSessionStore } from '../../store/session-store';
import { useIdleCursor } from './use-idle-cursor';
import { useWallLayout } from './use-wall-layout';
import { WallScreen } from './WallScreen';
import { WallTopBar } from './WallTopBar';
import { WallWaiting } from './WallWaiting';
import './wall.css';

/** The wall is dark whatever the desk's theme: light text on dark reads best across a room. */
function useDarkTheme(): void {
  useEffect(() => {
    const previous = useAppStore.getState().theme;
    // Not `setTheme`: that would save the choice for the desk as well.
    useAppStore.setState({ theme: 'dark' });
    return () => useAppStore.setState({ theme: previous });
  }, []);
}

/**
 * A wall display, full screen: the fleet when the core has a session, otherwise a large, plain
 * "waiting" screen. The top bar (connection, clock) is there in both cases.
 */
export function WallView({ displayIndex }: { displayIndex: number }) {
  useDarkTheme();
  const idle = useIdleCursor();
  const session = useSessionStore((state) => state.session);
  const { info } = useWallLayout();
  const display = info ? (info.layout.displays[displayIndex] ?? info.layout.displays[0]) : null;

  return (
    <div className={`wall${idle ? ' wall-idle' : ''}`} data-theme="dark" data-wall-display={displayIndex}>
      {session && info && display ? (
        <WallScreen
          layout={info.layout}
          display={display}
          displayIndex={displayIndex}
          missing={info.layout.displays[displayIndex] === undefined}
        />
      ) : (
        <>
          <WallTopBar title={display?.name ?? null} />
          <WallWaiting />
        </>
      )}
    </div>
  );
}
