import type { CommandResult } from '../../shared/contract';
import { COMMAND_NAMES, failure } from '../../shared/contract';
import { eventChannel } from '../../shared/bridge';
import type { Unsubscribe } from '../../shared/bridge';
import type { CommandHandlers } from '../core/dispatch';
import { dispatchCommand } from '../core/dispatch';
import type { CoreEventBus } from '../core/event-bus';

/** The part of an invoke event the binding reads; Electron's IpcMainInvokeEvent has it. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

/** The part of `ipcMain` the binding uses, so it can be tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * One `ipcMain.handle` per contract command. Only the app's own page may call: a frame from
 * anywhere else (an injected iframe, a navigated page) is refused before its arguments are read.
 */
export function bindCommands(
  ipcMain: IpcMainLike,
  handlers: CommandHandlers,
  isTrustedSender: (event: InvokeEventLike) => boolean,
): Unsubscribe {
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(name, async (event, args): Promise<CommandResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return failure('forbidden', `${name} was refused: the request did not come from the app's own page.`);
      }
      return dispatchCommand(handlers, name, args, { access: 'operate', via: 'ipc' });
    });
  }
  return () => COMMAND_NAMES.forEach((name) => ipcMain.removeHandler(name));
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Pushes every core event to a window's page, on the channel the preload listens to. */
export function forwardEvents(bus: CoreEventBus, target: EventTarget): Unsubscribe {
  return bus.onAny((name, payload) => {
    if (!target.isDestroyed()) target.send(eventChannel(name), payload);
  });
}
