import type { BridgeTransport, Unsubscribe } from '../../../shared/bridge';
import type { CommandName, CommandResult, EventName } from '../../../shared/contract';
import { failure } from '../../../shared/contract';
import type { HubServerMessage } from '../../../shared/hub-protocol';
import { HUB_SOCKET_PATH } from '../../../shared/hub-protocol';

export type LinkState = 'connecting' | 'open' | 'closed' | 'unauthorised';

interface Pending {
  resolve(result: CommandResult<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

const COMMAND_TIMEOUT_MS = 20_000;
const MAX_RETRY_MS = 5_000;

/**
 * The contract over the hub's WebSocket, for browsers. It reconnects on its own (capped at 5 s)
 * and answers commands sent while the link is down with a `network` failure instead of hanging.
 */
export class HubTransport implements BridgeTransport {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private retries = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();
  private readonly linkListeners = new Set<(state: LinkState) => void>();
  private state: LinkState = 'connecting';
  access: 'operate' | 'read' = 'read';

  constructor(private readonly url: string) {
    this.open();
  }

  static urlFor(location: Location, token: string): string {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${scheme}://${location.host}${HUB_SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  }

  invoke(name: CommandName, args: unknown): Promise<CommandResult<unknown>> {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.resolve(failure('network', 'The hub cannot be reached right now; try again in a moment.'));
    }
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type: 'command', id, name, args }));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(failure('network', `${name} got no answer from the hub in ${COMMAND_TIMEOUT_MS / 1000} s.`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
    });
  }

  subscribe(name: EventName, handler: (payload: unknown) => void): Unsubscribe {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  onLinkState(listener: (state: LinkState) => void): Unsubscribe {
    this.linkListeners.add(listener);
    listener(this.state);
    return () => {
      this.linkListeners.delete(listener);
    };
  }

  private setState(state: LinkState): void {
    this.state = state;
    this.linkListeners.forEach((listener) => listener(state));
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    let welcomed = false;
    socket.onmessage = (message) => {
      const frame = parse(message.data);
      if (!frame) return;
      if (frame.type === 'welcome') {
        welcomed = true;
        this.retries = 0;
        this.access = frame.access;
        this.setState('open');
      } else if (frame.type === 'result') {
        const pending = this.pending.get(frame.id);
        if (!pending) return;
        clearTimeout(pending.timer);
        this.pending.delete(frame.id);
        pending.resolve(frame.result as CommandResult<unknown>);
      } else if (frame.type === 'event') {
        this.handlers.get(frame.name)?.forEach((handler) => handler(frame.payload));
      }
    };
    socket.onclose = () => {
      for (const [id, pending] of this.pending) {
        clearTimeout(pending.timer);
        pending.resolve(failure('network', 'The link to the hub was lost before the answer came.'));
        this.pending.delete(id);
      }
      // A socket refused before any welcome most likely had a wrong or expired token.
      if (!welcomed && this.retries >= 2) this.setState('unauthorised');
      else this.setState('closed');
      const delay = Math.min(MAX_RETRY_MS, 250 * 2 ** this.retries) * (0.8 + Math.random() * 0.4);
      this.retries++;
      setTimeout(() => this.open(), delay);
    };
  }
}

function parse(data: unknown): HubServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as HubServerMessage;
    return value && typeof value === 'object' && typeof value.type === 'string' ? value : null;
  } catch {
    return null;
  }
}
