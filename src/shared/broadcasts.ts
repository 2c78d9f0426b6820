import { z } from 'zod';

/**
 * The payloads the MyRVM platform broadcasts (CONTRACT.md, "Broadcasts"). Every frame from the
 * server is checked against these before it touches the fleet; a payload that fails is counted by
 * reason and dropped. Strings are bounded: a name is text to show, never markup, never megabytes.
 */
const Id = z.union([z.number().int().nonnegative(), z.string().trim().min(1).max(64)]);
const Text = (max: number) => z.string().max(max);
const Timestamp = z.string().max(64);
const Count = z.number().finite().nonnegative();

export const StatusUpdatedSchema = z.object({
  rvm_id: Id,
  rvm_name: Text(500),
  // Any string: a status the app does not know is kept as `unknown`, not dropped.
  status: Text(64),
  timestamp: Timestamp,
  location: Text(500).nullish(),
});

export const DashboardUpdatedSchema = z.object({
  total_rvms: Count,
  status_counts: z.record(Text(64), Count),
  active_sessions: Count,
  total_sessions_today: Count,
  total_deposits_today: Count,
  timestamp: Timestamp,
});

const SessionFields = { session_id: Id, timestamp: Timestamp };
export const SessionAuthorizedSchema = z.object({ ...SessionFields, user_id: Id, user_name: Text(500) });
export const SessionGuestSchema = z.object(SessionFields);

const DepositFields = { deposit_id: Id, session_id: Id.nullish(), timestamp: Timestamp };
export const DepositProcessingSchema = z.object(DepositFields);
export const DepositCompletedSchema = z.object({
  ...DepositFields,
  waste_type: Text(32),
  weight: z.number().finite().nonnegative().nullish(),
  reward_amount: z.number().finite().nullish(),
});
export const DepositFailedSchema = z.object({ ...DepositFields, message: Text(2000).nullish() });

export const AnalysisDoneSchema = z.object({
  deposit_id: Id,
  rvm_id: Id,
  waste_type: Text(32),
  quality_grade: z.union([Text(32), z.number()]).nullish(),
  ai_confidence: z.number().finite().nullish(),
  reward_amount: z.number().finite().nullish(),
  status: Text(64).nullish(),
  timestamp: Timestamp,
});

export const SystemNotificationSchema = z.object({
  notification_id: Id.nullish(),
  title: Text(500),
  message: Text(5000),
  type: Text(32).nullish(),
  category: Text(64).nullish(),
  timestamp: Timestamp,
});

/** The broadcast names (`broadcastAs`), as they travel on the wire. */
export const broadcasts = {
  'rvm.status.updated': StatusUpdatedSchema,
  'dashboard.data.updated': DashboardUpdatedSchema,
  'session.authorized': SessionAuthorizedSchema,
  'session.guest-activated': SessionGuestSchema,
  'deposit.processing': DepositProcessingSchema,
  'deposit.completed': DepositCompletedSchema,
  'deposit.failed': DepositFailedSchema,
  'analisis.selesai': AnalysisDoneSchema,
  'system.notification.broadcast': SystemNotificationSchema,
} as const;

export type BroadcastName = keyof typeof broadcasts;
export const BROADCAST_NAMES = Object.keys(broadcasts) as BroadcastName[];
/** What a machine's own channel `rvm.{id}` carries. */
export const MACHINE_CHANNEL_EVENTS: readonly BroadcastName[] = [
  'session.authorized',
  'session.guest-activated',
  'deposit.processing',
  'deposit.completed',
  'deposit.failed',
];
export type StatusUpdated = z.infer<typeof StatusUpdatedSchema>;
export type DashboardUpdated = z.infer<typeof DashboardUpdatedSchema>;
