import { useCallback, useEffect, useRef, useState } from 'react';
import type { Machine } from '../../../../shared/fleet';
import { bridgeClient } from '../../bridge';
import { useFleetStore } from '../../store/fleet-store';
import { AlertTone } from './alert-tone';
import { CriticalSoundPolicy, initialMuted, saveMuted } from './critical-sound';

export interface CriticalSound {
  muted: boolean;
  setMuted(muted: boolean): void;
  /** In a browser, sound stays off until someone clicks or presses a key on the page. */
  needsGesture: boolean;
  /** How many times the tone has been asked for, for the page's observers. */
  alerts: number;
}

/**
 * Whether the page may start audio now: the desktop app allows it from the start; a browser once the
 * page has had a user gesture.
 */
function mayStartAudio(): boolean {
  return bridgeClient()?.runtime === 'electron' || navigator.userActivation?.hasBeenActive === true;
}

/**
 * The wall's ear on the fleet: the machines this display shows are compared with the statuses seen
 * before each time they change, and the tone plays when one newly becomes full or error (see
 * CriticalSoundPolicy). The first fleet seen is only remembered.
 */
export function useCriticalSound(layoutSound: boolean, machines: readonly Machine[]): CriticalSound {
  const [muted, setMutedState] = useState(() => initialMuted(localStorage, layoutSound));
  const [ready, setReady] = useState(false);
  const [alerts, setAlerts] = useState(0);

  const tone = useRef<AlertTone | null>(null);
  useEffect(() => {
    const created = new AlertTone(setReady);
    tone.current = created;
    // Made only when it may start: a browser warns about an audio context made too early.
    if (mayStartAudio()) created.unlock();
    return () => {
      created.close();
      tone.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) return undefined;
    const unlock = () => tone.current?.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [ready]);

  // The machines come in a new array whenever the fleet moved: compare them with those seen before.
  const [policy] = useState(() => new CriticalSoundPolicy());
  useEffect(() => {
    // A replay on this page is the past: nothing in it is news.
    if (useFleetStore.getState().replay) return;
    if (!policy.observe(machines, Date.now(), { muted, reset: true })) return;
    tone.current?.play();
    setAlerts((count) => count + 1);
  }, [policy, machines, muted]);

  const setMuted = useCallback((next: boolean) => {
    saveMuted(localStorage, next);
    setMutedState(next);
  }, []);

  const needsGesture = !ready && bridgeClient()?.runtime !== 'electron';
  return { muted, setMuted, needsGesture, alerts };
}
