import type { EventName, EventPayload } from '../../shared/contract';
import { EVENT_NAMES } from '../../shared/contract';
import type { Unsubscribe } from '../../shared/bridge';

type Handler<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * The core's outgoing events, typed by the contract. The Electron shell forwards them over IPC,
 * the hub over its WebSocket; the core does not know which.
 */
export class CoreEventBus {
  private readonly handlers = new Map<EventName, Set<Handler<EventName>>>();

  on<E extends EventName>(name: E, handler: Handler<E>): Unsubscribe {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    const entry = handler as Handler<EventName>;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  /** Every event, for transports that forward them all. */
  onAny(handler: (name: EventName, payload: unknown) => void): Unsubscribe {
    const unsubscribers = EVENT_NAMES.map((name) => this.on(name, (payload) => handler(name, payload)));
    return () => unsubscribers.forEach((off) => off());
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const set = this.handlers.get(name);
    if (!set) return;
    for (const handler of set) {
      try {
        handler(payload);
      } catch (error) {
        // One faulty listener must not keep the others from hearing the event.
        console.error(`listener for ${name} failed:`, error);
      }
    }
  }
}
