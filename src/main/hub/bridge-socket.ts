import type { WebSocket } from 'ws';
import type { HubServerMessage } from '../../shared/hub-protocol';
import { HubClientMessageSchema } from '../../shared/hub-protocol';
import type { CommandHandlers } from '../core/dispatch';
import { dispatchCommand } from '../core/dispatch';
import type { CoreEventBus } from '../core/event-bus';
import type { Access } from './access';

/**
 * One browser's end of the contract: commands in (validated, with this client's access), results
 * and every core event out. A malformed frame is answered with nothing and logged once per client.
 */
export function serveBridgeSocket(
  socket: WebSocket,
  access: Access,
  handlers: CommandHandlers,
  bus: CoreEventBus,
): void {
  const send = (message: HubServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  let warned = false;
  send({ type: 'welcome', access });
  const stopEvents = bus.onAny((name, payload) => send({ type: 'event', name, payload }));
  socket.on('message', (data, isBinary) => {
    const parsed = isBinary ? null : safeJson(data.toString());
    const message = HubClientMessageSchema.safeParse(parsed);
    if (!message.success) {
      if (!warned) console.error('hub: ignored a malformed frame from a browser');
      warned = true;
      return;
    }
    const { id, name, args } = message.data;
    void dispatchCommand(handlers, name, args, { access, via: 'hub' }).then((result) =>
      send({ type: 'result', id, result }),
    );
  });
  socket.on('close', stopEvents);
  socket.on('error', stopEvents);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
