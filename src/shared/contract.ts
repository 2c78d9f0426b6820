import { z } from 'zod';
import { ConnectionStateSchema } from './connection';

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

export const commands = {
  'app.info': command({ request: NoArguments, response: AppInfoSchema, access: 'read' }),
  'connection.get': command({ request: NoArguments, response: ConnectionStateSchema, access: 'read' }),
} as const;

export const events = {
  'connection.state': ConnectionStateSchema,
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
