import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { useSessionStore } from '../../store/session-store';

/** The wall clock, moved on every `intervalMs`: relative times ("3 min ago") stay true without a render per second. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The profile's time zone (the platform's operators work in WIB), else this computer's. */
export function useTimezone(): string {
  const timezone = useSessionStore((state) => state.session?.timezone);
  return timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Whether the rows may be out of date: the link to the server (or to the hub) is down or not yet up,
 * or the fleet comes from the cache. Public-only is live enough: statuses still arrive.
 */
export function useFleetIsStale(): boolean {
  return useAppStore((state) => {
    if (state.link !== 'open') return true;
    const connection = state.connection;
    if (!connection) return true;
    if (connection.source === 'cache') return true;
    return connection.phase === 'reconnecting' || connection.phase === 'offline' || connection.phase === 'connecting';
  });
}
