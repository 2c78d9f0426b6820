import type { FleetEvent } from '../../../../shared/fleet';
import { bridge } from '../../bridge';
import { useFleetStore } from '../../store/fleet-store';
import { useUiStore } from '../../store/ui-store';
import { useHistoryStore } from './history-store';
import { cachedFirstTime } from './use-storage-info';

/**
 * Drives the replay: moves the cursor, asks the core for the fleet at the cursor and hands the
 * frame to the fleet store, which every view reads. It lives outside the components so a playback
 * goes on while the operator watches it on the desk.
 *
 * Frames are asked for one at a time and at most every FRAME_INTERVAL_MS: while the cursor is
 * dragged or played, only its latest position is fetched, so the core never falls behind.
 */
const FRAME_INTERVAL_MS = 250;
/** How often the playing cursor moves on screen (frames still follow at their own pace). */
const TICK_MS = 100;

let wanted: number | null = null;
let inFlight = false;
let lastSent = 0;
let pumpTimer: ReturnType<typeof setTimeout> | null = null;
let playTimer: ReturnType<typeof setInterval> | null = null;
/** Moves when the replay ends: a frame asked for before that must not bring it back. */
let epoch = 0;
let watching = false;

/** "Back to live" may come from anywhere (the replay bar): when the replay ends, everything stops. */
function watchReplayEnd(): void {
  if (watching) return;
  watching = true;
  useFleetStore.subscribe((state, previous) => {
    if (previous.replay && !state.replay) {
      epoch++;
      wanted = null;
      if (pumpTimer) clearTimeout(pumpTimer);
      pumpTimer = null;
      stopTimer();
      // Back at the live end: the timeline's cursor goes back to showing "now".
      useHistoryStore.setState({ playing: false, cursor: null });
    }
  });
}

function reportFailure(message: string): void {
  useUiStore.getState().toast({ tone: 'error', text: message, group: 'history-replay' });
}

function pump(): void {
  if (inFlight || wanted === null || pumpTimer) return;
  const wait = lastSent + FRAME_INTERVAL_MS - Date.now();
  if (wait > 0) {
    pumpTimer = setTimeout(() => {
      pumpTimer = null;
      pump();
    }, wait);
    return;
  }
  const time = wanted;
  const asked = epoch;
  wanted = null;
  inFlight = true;
  lastSent = Date.now();
  void bridge()
    .historyFleetAt({ time })
    .then(
      (reply) => {
        if (asked !== epoch) return;
        if (reply.ok) useFleetStore.getState().showReplayFrame({ time: reply.value.time, machines: reply.value.machines });
        else {
          pause();
          reportFailure(reply.message);
        }
      },
      (error: unknown) => {
        pause();
        reportFailure(error instanceof Error ? error.message : String(error));
      },
    )
    .finally(() => {
      inFlight = false;
      pump();
    });
}

function clampToRange(time: number): number {
  const { from, to } = useHistoryStore.getState();
  return Math.min(to, Math.max(from, time));
}

/** Shows the fleet as it was at `time` (within the chosen range). */
export function seek(time: number): void {
  watchReplayEnd();
  const cursor = clampToRange(time);
  useHistoryStore.setState({ cursor });
  wanted = cursor;
  pump();
}

function stopTimer(): void {
  if (playTimer) clearInterval(playTimer);
  playTimer = null;
}

/**
 * Plays from the cursor at the chosen speed, up to the range's end. From the end (or before any
 * position) it starts over at the range's start, or at the first cached event if that is later:
 * before it the fleet is not known, and playing through nothing helps nobody.
 */
export function play(): void {
  const { cursor, from, to } = useHistoryStore.getState();
  const first = cachedFirstTime();
  const start = cursor === null || cursor >= to || cursor < from ? Math.min(to, Math.max(from, first ?? from)) : cursor;
  useHistoryStore.setState({ playing: true });
  seek(start);
  stopTimer();
  let last = performance.now();
  playTimer = setInterval(() => {
    const now = performance.now();
    const state = useHistoryStore.getState();
    const next = Math.min(state.to, (state.cursor ?? state.from) + state.speed * (now - last));
    last = now;
    seek(next);
    if (next >= state.to) pause();
  }, TICK_MS);
}

export function pause(): void {
  stopTimer();
  useHistoryStore.setState({ playing: false });
}

export type StepResult = { kind: 'moved'; event: FleetEvent } | { kind: 'none' } | { kind: 'failed'; message: string };

/** Moves the cursor to the next or previous recorded event (of the chosen machine, if one is), within the range. */
export async function step(direction: 'next' | 'previous'): Promise<StepResult> {
  const { cursor, from, to, machineId } = useHistoryStore.getState();
  const at = cursor ?? (direction === 'next' ? from : to);
  const reply = await bridge().historyStep({ time: at, direction, ...(machineId ? { machineId } : {}) });
  if (!reply.ok) return { kind: 'failed', message: reply.message };
  const event = reply.value;
  if (!event || event.time < from || event.time > to) return { kind: 'none' };
  pause();
  seek(event.time);
  return { kind: 'moved', event };
}
