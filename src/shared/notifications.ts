import { z } from 'zod';

/** What the alerts policy can notify about. */
export const ALERT_KINDS = ['full', 'error', 'offline', 'connection-lost', 'connection-restored'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A request for one native notification: grouped, already worded, machine names as plain text. */
export const NotificationRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(['critical', 'warning', 'info']),
  title: z.string(),
  body: z.string(),
  machineIds: z.array(z.string()),
  /** Epoch ms. */
  at: z.number(),
});
export type NotificationRequest = z.infer<typeof NotificationRequestSchema>;
