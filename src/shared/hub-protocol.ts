import { z } from 'zod';

/**
 * The contract carried over the hub's WebSocket (browsers on wall displays, end-to-end tests).
 * Same commands and events as IPC; this only frames them.
 */
export const HUB_SOCKET_PATH = '/bridge';

export const HubClientMessageSchema = z.object({
  type: z.literal('command'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  args: z.unknown(),
});
export type HubClientMessage = z.infer<typeof HubClientMessageSchema>;

export type HubServerMessage =
  | { type: 'welcome'; access: 'operate' | 'read' }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; name: string; payload: unknown };

/** Frames from a browser are small commands; anything larger is refused before parsing. */
export const HUB_MAX_FRAME_BYTES = 64 * 1024;
