import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  CommandResult,
  EventName,
  EventPayload,
} from './contract';
import { COMMAND_NAMES, EVENT_NAMES } from './contract';

/**
 * The bridge the renderer sees: one named function per command (`app.info` → `appInfo`) and one
 * `on<Event>` per pushed event (`connection.state` → `onConnectionState`) that returns its
 * unsubscribe function. There is deliberately no generic `invoke(channel)`.
 */
type CamelCase<S extends string> = S extends `${infer Head}.${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S extends `${infer Head}-${infer Tail}`
    ? `${Head}${Capitalize<CamelCase<Tail>>}`
    : S;

export type MethodName<K extends string> = CamelCase<K>;
export type ListenerName<E extends string> = `on${Capitalize<CamelCase<E>>}`;
export type Unsubscribe = () => void;

type ArgsOf<K extends CommandName> = Record<never, never> extends CommandRequest<K>
  ? [args?: CommandRequest<K>]
  : [args: CommandRequest<K>];

export type BridgeCommands = {
  [K in CommandName as MethodName<K>]: (...args: ArgsOf<K>) => Promise<CommandResult<CommandResponse<K>>>;
};
export type BridgeEvents = {
  [E in EventName as ListenerName<E>]: (handler: (payload: EventPayload<E>) => void) => Unsubscribe;
};
export type Bridge = BridgeCommands & BridgeEvents;

export function methodName(name: string): string {
  return name.replace(/[.-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function listenerName(name: string): string {
  const camel = methodName(name);
  return `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

/** What carries commands and events: Electron IPC in the preload, a WebSocket to the hub in a browser. */
export interface BridgeTransport {
  invoke(name: CommandName, args: unknown): Promise<CommandResult<unknown>>;
  subscribe(name: EventName, handler: (payload: unknown) => void): Unsubscribe;
}

/** Builds the named-function bridge over a transport, from the contract's map. */
export function createBridge(transport: BridgeTransport): Bridge {
  const bridge: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) {
    bridge[methodName(name)] = (args?: unknown) => transport.invoke(name, args ?? {});
  }
  for (const name of EVENT_NAMES) {
    bridge[listenerName(name)] = (handler: (payload: unknown) => void) => {
      if (typeof handler !== 'function') throw new TypeError(`${listenerName(name)} needs a function`);
      return transport.subscribe(name, handler);
    };
  }
  return bridge as Bridge;
}

/** The IPC channel that carries a pushed event; commands use their own names as channels. */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}
