import { z } from 'zod';
import { ConnectionStateSchema } from './connection';
import { FleetEventSchema, FleetPatchSchema, MachineSchema, RvmStatusSchema } from './fleet';
import { NotificationRequestSchema } from './notifications';
import { ServerProfileSchema } from './profiles';
import { SessionInfoSchema } from './session';
import { WallLayoutSchema } from './wall-layout';

/**
 * The one map of everything the renderer may ask and everything it is told. The preload bridge, the
 * IPC binding and the hub's WebSocket binding are all derived from it; types are inferred from the
 * schemas, never written twice.
 */

/** Who may call a command: `read` for every viewer (wall displays too), `operate` for operators only. */
export type CommandAccess = 'read' | 'operate';

export interface CommandSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  access: CommandAccess;
}

function command<Req extends z.ZodType, Res extends z.ZodType>(spec: CommandSpec<Req, Res>) {
  return spec;
}

const NoArguments = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** `electron` for the desktop app, `hub` for the headless server behind a browser. */
  runtime: z.enum(['electron', 'hub']),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const ProfileDraftSchema = ServerProfileSchema.omit({ id: true, demo: true }).extend({ id: z.string().optional() });
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;
const MachineId = z.object({ id: z.string().trim().min(1).max(64) }).strict();

export const DiagnosticsSchema = z.object({
  ingest: z.object({ accepted: z.number(), duplicates: z.number(), rejected: z.record(z.string(), z.number()) }),
  store: z
    .object({ events: z.number(), sizeBytes: z.number(), firstTime: z.number().nullable(), lastTime: z.number().nullable() })
    .nullable(),
});

/** Which cached events a history view wants; `from`/`to` are inclusive epoch ms. */
export const HistoryFilterSchema = z
  .object({
    from: z.number().optional(),
    to: z.number().optional(),
    machineId: z.string().max(64).optional(),
    types: z.array(z.string().max(64)).max(20).optional(),
    statuses: z.array(RvmStatusSchema).max(6).optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>;
const CursorSchema = z.object({ time: z.number(), seq: z.number().int() }).strict();

export const StorageInfoSchema = z.object({
  path: z.string(),
  sizeBytes: z.number(),
  events: z.number(),
  firstTime: z.number().nullable(),
  lastTime: z.number().nullable(),
  retention: z.object({ maxAgeDays: z.number(), maxBytes: z.number() }),
});

export const commands = {
  'app.info': command({ request: NoArguments, response: AppInfoSchema, access: 'read' }),
  'connection.get': command({ request: NoArguments, response: ConnectionStateSchema, access: 'read' }),
  /** Drops the socket and connects at once (resume from sleep, network back, the operator's button). */
  'connection.reconnect': command({ request: NoArguments, response: z.null(), access: 'read' }),

  'profiles.list': command({
    request: NoArguments,
    response: z.object({ profiles: z.array(ServerProfileSchema), activeId: z.string().nullable() }),
    access: 'read',
  }),
  'profiles.save': command({ request: z.object({ profile: ProfileDraftSchema }).strict(), response: ServerProfileSchema, access: 'operate' }),
  'profiles.remove': command({ request: MachineId, response: z.null(), access: 'operate' }),
  /** Reads a Laravel `.env` (file contents or pasted text): the Reverb secret is ignored. */
  'profiles.import-env': command({
    request: z.object({ text: z.string().max(1_000_000) }).strict(),
    response: z.object({ draft: ProfileDraftSchema.omit({ id: true }).extend({ password: z.string().optional() }), notes: z.array(z.string()) }),
    access: 'operate',
  }),

  'session.get': command({ request: NoArguments, response: SessionInfoSchema.nullable(), access: 'read' }),
  'session.sign-in': command({
    request: z.object({ profileId: z.string().min(1).max(64), email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1000) }).strict(),
    response: SessionInfoSchema,
    access: 'operate',
  }),
  'session.sign-out': command({ request: NoArguments, response: z.null(), access: 'operate' }),
  /** Starts the embedded demo server and signs in to it: a live fleet with zero set-up. */
  'demo.start': command({ request: NoArguments, response: SessionInfoSchema, access: 'operate' }),

  /** The whole fleet now (a patch with `reset`), for a page that has just loaded. */
  'fleet.get': command({ request: NoArguments, response: FleetPatchSchema, access: 'read' }),
  /** Server events per minute over the last `minutes`, from the cache: the live chart's history. */
  'fleet.event-rate': command({
    request: z.object({ minutes: z.number().int().min(1).max(1440).default(60) }).strict(),
    response: z.array(z.object({ minute: z.number(), count: z.number() })),
    access: 'read',
  }),
  'machine.set-status': command({
    request: z.object({ id: z.string().trim().min(1).max(64), status: RvmStatusSchema }).strict(),
    response: z.object({ id: z.string(), oldStatus: RvmStatusSchema.nullable(), newStatus: RvmStatusSchema, changedAt: z.string() }),
    access: 'operate',
  }),
  /** Details from the API, without the machine's secrets (api_key, admin_access_pin). */
  'machine.details': command({
    request: MachineId,
    response: z.object({ machine: z.record(z.string(), z.unknown()), recentActivity: z.array(z.unknown()) }),
    access: 'read',
  }),
  'machine.events': command({
    request: z.object({ id: z.string().trim().min(1).max(64), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    response: z.array(FleetEventSchema),
    access: 'read',
  }),
  'diagnostics.get': command({ request: NoArguments, response: DiagnosticsSchema, access: 'read' }),

  /** A page of cached events, newest or oldest first, continuing after `cursor`. */
  'history.query': command({
    request: z
      .object({ filter: HistoryFilterSchema, limit: z.number().int().min(1).max(1000), cursor: CursorSchema.optional(), order: z.enum(['asc', 'desc']) })
      .strict(),
    response: z.object({ events: z.array(FleetEventSchema), nextCursor: CursorSchema.nullable() }),
    access: 'read',
  }),
  'history.count': command({ request: z.object({ filter: HistoryFilterSchema }).strict(), response: z.object({ total: z.number() }), access: 'read' }),
  /** Event markers (counts in equal slices of the range) and the gaps when the app was not connected. */
  'history.timeline': command({
    request: z.object({ from: z.number(), to: z.number(), buckets: z.number().int().min(1).max(2000) }).strict(),
    response: z.object({
      buckets: z.array(z.number()),
      gaps: z.array(z.object({ from: z.number(), to: z.number() })),
      first: z.number().nullable(),
      last: z.number().nullable(),
    }),
    access: 'read',
  }),
  /** The fleet as it was at `time`: the nearest checkpoint plus the events after it. */
  'history.fleet-at': command({
    request: z.object({ time: z.number() }).strict(),
    response: z.object({ time: z.number(), machines: z.array(MachineSchema), checkpointTime: z.number().nullable(), applied: z.number() }),
    access: 'read',
  }),
  /** The nearest event after or before `time` (for stepping), optionally of one machine. */
  'history.step': command({
    request: z.object({ time: z.number(), direction: z.enum(['next', 'previous']), machineId: z.string().max(64).optional() }).strict(),
    response: FleetEventSchema.nullable(),
    access: 'read',
  }),
  /** Writes the filtered events as CSV or JSON: a save dialog in the desktop app, a download from the hub. */
  'history.export': command({
    request: z.object({ filter: HistoryFilterSchema, format: z.enum(['csv', 'json']) }).strict(),
    response: z.object({
      rows: z.number(),
      bytes: z.number(),
      location: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('file'), path: z.string() }),
        z.object({ kind: z.literal('download'), href: z.string() }),
      ]).nullable(),
    }),
    access: 'read',
  }),
  /** The wall layout in use: where it came from, and why a file was not used if it was not. */
  'wall.layout': command({
    request: NoArguments,
    response: z.object({ layout: WallLayoutSchema, source: z.string(), problem: z.string().nullable() }),
    access: 'read',
  }),
  'wall.import-layout': command({
    request: z.object({ text: z.string().max(256 * 1024) }).strict(),
    response: z.object({ layout: WallLayoutSchema, source: z.string(), problem: z.string().nullable() }),
    access: 'operate',
  }),
  'storage.get': command({ request: NoArguments, response: StorageInfoSchema, access: 'read' }),
  'storage.configure': command({
    request: z.object({ maxAgeDays: z.number().min(1).max(3650).optional(), maxBytes: z.number().int().min(16 * 1024 * 1024).max(1024 ** 4).optional() }).strict(),
    response: StorageInfoSchema,
    access: 'operate',
  }),
  'storage.compact': command({ request: NoArguments, response: z.object({ before: z.number(), after: z.number() }), access: 'operate' }),
} as const;

export const events = {
  'connection.state': ConnectionStateSchema,
  /** Coalesced fleet changes, at most one a frame. */
  'fleet.patch': FleetPatchSchema,
  'session.changed': SessionInfoSchema.nullable(),
  /** The alerts policy asks for a native notification (the desktop shows it, the hub forwards it). */
  'notification.request': NotificationRequestSchema,
  /** Bring this machine into view (a notification was clicked). */
  'machine.focus': z.object({ id: z.string() }),
  /** How far an export has come. */
  'export.progress': z.object({ rows: z.number(), total: z.number(), done: z.boolean() }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandRequest<K extends CommandName> = z.input<Commands[K]['request']>;
export type CommandResponse<K extends CommandName> = z.output<Commands[K]['response']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commands, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** Errors are values at the boundary: a code a program can branch on and a message a person can act on. */
export const ERROR_CODES = [
  'invalid-arguments',
  'unknown-command',
  'read-only',
  'unauthenticated',
  'forbidden',
  'not-found',
  'validation',
  'network',
  'server',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandFailure {
  ok: false;
  code: ErrorCode;
  message: string;
}
export type CommandResult<T> = { ok: true; value: T } | CommandFailure;

export function failure(code: ErrorCode, message: string): CommandFailure {
  return { ok: false, code, message };
}

/** Turns zod's issues into one line a person can read: `status: Invalid option …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Validates a command's arguments against the contract. */
export function parseRequest<K extends CommandName>(
  name: K,
  args: unknown,
): { ok: true; value: z.output<Commands[K]['request']> } | CommandFailure {
  const parsed = commands[name].request.safeParse(args ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<Commands[K]['request']> };
  return failure('invalid-arguments', `${name}: ${describeIssues(parsed.error)}`);
}
