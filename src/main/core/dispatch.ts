import type { CommandName, CommandResponse, CommandResult, Commands } from '../../shared/contract';
import { commands, failure, isCommandName, parseRequest } from '../../shared/contract';
import type { z } from 'zod';

/** Who is calling: the desk (IPC, or a hub client with the access token) or a read-only wall display. */
export interface Caller {
  access: 'operate' | 'read';
  via: 'ipc' | 'hub';
}

export type CommandHandler<K extends CommandName> = (
  args: z.output<Commands[K]['request']>,
  caller: Caller,
) => Promise<CommandResult<CommandResponse<K>>>;

export type CommandHandlers = { [K in CommandName]: CommandHandler<K> };

export function ok<T>(value: T): CommandResult<T> {
  return { ok: true, value };
}

/**
 * The one path every command takes, whichever transport brought it: known name, allowed for this
 * caller, arguments valid, then the handler. A handler that throws becomes an `internal` failure;
 * nothing escapes as an exception across the process boundary.
 */
export async function dispatchCommand(
  handlers: CommandHandlers,
  name: unknown,
  args: unknown,
  caller: Caller,
): Promise<CommandResult<unknown>> {
  if (!isCommandName(name)) return failure('unknown-command', `There is no command called ${String(name).slice(0, 80)}.`);
  if (commands[name].access === 'operate' && caller.access !== 'operate') {
    return failure('read-only', `${name} is not allowed on a read-only display.`);
  }
  const parsed = parseRequest(name, args);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[name] as CommandHandler<typeof name>;
    return await handler(parsed.value as never, caller);
  } catch (error) {
    console.error(`command ${name} failed:`, error);
    return failure('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
