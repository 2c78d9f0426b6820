import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimezone } from '../desk/hooks';

/** Re-renders on every new second, on the second (not a second late, drifting). */
function useSecond(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: number;
    const tick = () => {
      setNow(Date.now());
      timer = window.setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    timer = window.setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}

/** The profile's zone (WIB for the platform's operators); this computer's when it names none we know. */
function clockFormats(language: string, timeZone: string): { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat } {
  const make = (zone: string | undefined) => ({
    time: new Intl.DateTimeFormat(language, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
    date: new Intl.DateTimeFormat(language, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', timeZoneName: 'short' }),
  });
  try {
    return make(timeZone);
  } catch {
    return make(undefined);
  }
}

/** The time now, large, with the day and the zone under it. */
export function WallClock() {
  const { i18n } = useTranslation();
  const timezone = useTimezone();
  const now = useSecond();
  const formats = useMemo(() => clockFormats(i18n.language, timezone), [i18n.language, timezone]);
  return (
    <div className="wall-clock">
      <time className="wall-clock-time" dateTime={new Date(now).toISOString()}>
        {formats.time.format(now)}
      </time>
      <span className="wall-clock-date">{formats.date.format(now)}</span>
    </div>
  );
}
