import { z } from 'zod';

/**
 * What the operator sees of the link to the server. Every field is the real state, never a guess:
 * `since` is when this phase began, `nextAttemptAt` when the next reconnect is due.
 */
export const CONNECTION_PHASES = ['connecting', 'live', 'reconnecting', 'offline', 'public-only', 'signed-out'] as const;
export const ConnectionPhaseSchema = z.enum(CONNECTION_PHASES);
export type ConnectionPhase = z.infer<typeof ConnectionPhaseSchema>;

export const ConnectionStateSchema = z.object({
  phase: ConnectionPhaseSchema,
  /** ISO time this phase began. */
  since: z.string(),
  /** The server profile in use, or null when none is chosen. */
  profileName: z.string().nullable(),
  /** ISO time of the next reconnect attempt while reconnecting. */
  nextAttemptAt: z.string().nullable(),
  /** Where the fleet data comes from right now. */
  source: z.enum(['live', 'polling', 'cache', 'none']),
  /** ISO time of the freshest fact about the fleet, so the UI can show its age. */
  dataAsOf: z.string().nullable(),
  /** Why we are in this phase, in words an operator can act on. */
  reason: z.string().nullable(),
  /** For public-only: the server-side change that would enable private channels. */
  fix: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export function signedOutState(reason: string | null = null, now = new Date()): ConnectionState {
  return {
    phase: 'signed-out',
    since: now.toISOString(),
    profileName: null,
    nextAttemptAt: null,
    source: 'none',
    dataAsOf: null,
    reason,
    fix: null,
  };
}
