import type { SimulateOptions } from '../../../demo-server/index';
import { simulate } from '../../../demo-server/index';
import { FleetState } from '../fleet/fleet-state';
import { BroadcastIngest } from '../live/broadcast-ingest';
import { EventStore } from '../store/event-store';

/**
 * Fills a cache the way the app would have, from the demo server's simulator: every simulated
 * broadcast goes through the real ingest (validation, de-duplication of the two status channels)
 * into a real EventStore with automatic checkpoints, on the simulator's clock.
 */
export function seedHistory(path: string, options: SimulateOptions): { stored: number; first: number; last: number } {
  const fleet = new FleetState();
  let clock = options.startTime ?? Date.now();
  const store = EventStore.open(path, { fleetProvider: () => fleet.machines(), batchSize: 5_000 });
  const ingest = new BroadcastIngest(fleet, { record: (event) => store.append(event), statusChanged: () => undefined }, () => clock);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const event of simulate(options)) {
    clock = event.at;
    first = Math.min(first, event.at);
    last = Math.max(last, event.at);
    for (const channel of event.channels) ingest.receive(channel, event.name, event.payload);
  }
  store.close();
  return { stored: ingest.counters.accepted, first, last };
}
