/**
 * Our own reconnect schedule. pusher-js waits 15, 45 and then 60 s between attempts while a server
 * stays down: far too slow for a control room. Ours doubles from half a second and never waits
 * more than 5 s, with jitter so a fleet of desks does not reconnect in lockstep after a restart.
 */
export const MAX_RECONNECT_DELAY_MS = 5_000;
const FIRST_DELAY_MS = 500;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RECONNECT_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt));
  // Between half and all of the ceiling: spread out, yet never beyond the cap.
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
