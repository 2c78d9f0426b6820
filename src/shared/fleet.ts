import { z } from 'zod';
import { RVM_STATUSES } from './statuses';

export const RvmStatusSchema = z.enum(RVM_STATUSES);

/**
 * One machine as the control room knows it. Ids are strings (the platform sends numbers in events
 * and strings in replies). `factAt` is the time of the newest fact behind this row, so a snapshot
 * and an event can be merged by "the newer fact wins".
 */
export const MachineSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string().nullable(),
  status: RvmStatusSchema,
  /** Fill level 0–100 %, where the server reports one. */
  capacity: z.number().nullable(),
  /** ISO time of the last status change, where known. */
  lastChange: z.string().nullable(),
  activeSessions: z.number().nullable(),
  sessionsToday: z.number().nullable(),
  depositsToday: z.number().nullable(),
  /** Epoch ms of the newest fact about this machine. */
  factAt: z.number(),
  /** The machine was in an earlier snapshot but not in the latest one. */
  removed: z.boolean(),
});
export type Machine = z.infer<typeof MachineSchema>;

/** Fleet-wide figures from `dashboard.data.updated` or the monitoring snapshot. */
export const FleetFiguresSchema = z.object({
  totalMachines: z.number().nullable(),
  activeSessions: z.number().nullable(),
  sessionsToday: z.number().nullable(),
  depositsToday: z.number().nullable(),
  /** Machines per status as the server counts them: a mismatch with ours reveals missed events. */
  statusCounts: z.record(z.string(), z.number()).nullable(),
  /** Epoch ms these figures describe. */
  asOf: z.number().nullable(),
});
export type FleetFigures = z.infer<typeof FleetFiguresSchema>;

/**
 * What the renderer receives: only the machines that changed since the last patch (coalesced),
 * or the whole fleet when `reset` is set (first load, reconciliation, replay).
 */
export const FleetPatchSchema = z.object({
  reset: z.boolean(),
  machines: z.array(MachineSchema),
  /** Ids no longer in the fleet at all (dropped after being marked removed). */
  deleted: z.array(z.string()),
  figures: FleetFiguresSchema.nullable(),
  /** Events applied since the previous patch, for the live events-per-minute chart. */
  eventCount: z.number().int().nonnegative(),
});
export type FleetPatch = z.infer<typeof FleetPatchSchema>;

/** Kinds of history record besides the server's own broadcast names. */
export const GAP_EVENT = 'gap';
export const SNAPSHOT_EVENT = 'snapshot';
export const COMMAND_EVENT = 'command';

/** One record of the history, as stored and as shown. */
export const FleetEventSchema = z.object({
  seq: z.number().int(),
  /** Epoch ms of the fact (the event's own timestamp where it has one). */
  time: z.number(),
  machineId: z.string().nullable(),
  /** The broadcast name (`rvm.status.updated`, `deposit.completed`, …) or `gap`, `snapshot`, `command`. */
  type: z.string(),
  status: RvmStatusSchema.nullable(),
  payload: z.unknown(),
});
export type FleetEvent = z.infer<typeof FleetEventSchema>;
export type NewFleetEvent = Omit<FleetEvent, 'seq'>;
