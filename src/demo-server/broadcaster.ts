// The platform's side of broadcasting: events from the REST API and the simulator go out through
// here, and can be held back (paused) while the platform's state keeps changing.
import type { BroadcastEvent } from './broadcast-events';
import type { PusherSocketServer } from './websocket-server';

export class Broadcaster {
  paused = false;

  constructor(private readonly sockets: PusherSocketServer) {}

  /**
   * Serialises the payload once, and only when someone listens: at benchmark rates most machine
   * channels have no subscriber. `extra` fields (e.g. `published_at_ms`) are added to the payload.
   */
  broadcast(event: BroadcastEvent, exceptSocketId?: string, extra?: Readonly<Record<string, unknown>>): void {
    if (this.paused || !this.sockets.hasSubscribers(event.channels)) return;
    const payload = extra ? { ...event.payload, ...extra } : event.payload;
    this.sockets.publish(event.channels, event.name, JSON.stringify(payload), exceptSocketId);
  }
}
