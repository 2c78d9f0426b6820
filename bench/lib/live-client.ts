import { join } from 'node:path';
import type { FleetPatch, NewFleetEvent } from '../../src/shared/fleet';
import { mayOperate } from '../../src/shared/session';
import { AlertsPolicy } from '../../src/main/core/alerts/alerts-policy';
import { FleetOutbox } from '../../src/main/core/fleet/fleet-outbox';
import { FleetState } from '../../src/main/core/fleet/fleet-state';
import type { MachineChange } from '../../src/main/core/fleet/fleet-state';
import { BroadcastIngest } from '../../src/main/core/live/broadcast-ingest';
import { LiveFeed } from '../../src/main/core/live/live-feed';
import { PlatformClient } from '../../src/main/core/platform/platform-client';
import { signIn } from '../../src/main/core/session/sign-in';
import { EventStore } from '../../src/main/core/store/event-store';
import type { ConnectionState } from '../../src/shared/connection';

/** Where a demo server listens, as its JSON line (or `startDemoServer`) says. */
export interface ServerAddress {
  url: string;
  wsHost: string;
  wsPort: number;
  key: string;
}

export const OPERATOR = { email: 'operator@demo.rvm', password: 'demo12345' };

export interface LiveClientOptions {
  server: ServerAddress;
  /** Folder for the event cache. */
  dataDir: string;
  /**
   * How the fleet reaches the renderer: `coalesced` is the product's FleetOutbox (changed machines,
   * at most once a frame); `per-event` is the naive bridge, one JSON-serialised patch per event.
   */
  patches: 'coalesced' | 'per-event';
  /** The store's batch size: the product's default (1,000), or 1 for one transaction per event. */
  batchSize?: number;
  /** Follow machines' own channels (sessions, deposits) for fleets up to this size. */
  followMachinesUpTo?: number;
}

/** A status change just applied to the fleet: machine, new status, the event's own time (epoch ms). */
export type AppliedChange = { id: string; status: string; at: number };

/**
 * The control room's client path, composed as `ServerSession` and `ControlRoom` compose it: REST
 * sign-in, the Echo/Reverb connection (LiveFeed), validation and de-duplication (BroadcastIngest),
 * the fleet state, the SQLite cache (EventStore, batched) and the renderer's patches (FleetOutbox,
 * JSON-serialised as the hub's socket sends them), with the alert policy listening for changes.
 *
 * It is composed here rather than taken from `ControlRoom` for two knobs ControlRoom does not expose:
 * the baseline's batch size and per-event patches, and following every machine channel (the product
 * follows them only up to 500 machines; above that only status and dashboard events would arrive,
 * and the ingest benchmark would measure the simulator's mix rather than the client).
 */
export class LiveClient {
  readonly fleet = new FleetState();
  readonly store: EventStore;
  readonly ingest: BroadcastIngest;
  /** Patches sent to the "renderer" and their bytes. */
  readonly bridge = { messages: 0, bytes: 0 };
  /** Events made durable by the store. */
  committed = 0;
  state: ConnectionState | null = null;
  private readonly feed: LiveFeed;
  private readonly outbox: FleetOutbox | null;
  private readonly alerts = new AlertsPolicy({ language: 'en' });
  private statusListener: ((change: AppliedChange) => void) | null = null;

  private constructor(options: LiveClientOptions, token: string, roleSlug: string | null, client: PlatformClient) {
    const { server } = options;
    const send = (patch: FleetPatch): void => {
      const text = JSON.stringify({ event: 'fleet.patch', payload: patch });
      this.bridge.messages++;
      this.bridge.bytes += text.length;
    };
    this.store = EventStore.open(join(options.dataDir, 'cache.sqlite'), {
      fleetProvider: () => this.fleet.machines(),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    this.store.onCommit(({ count }) => (this.committed += count));
    this.outbox = options.patches === 'coalesced' ? new FleetOutbox(this.fleet, send) : null;
    /** The naive bridge: every event becomes a message carrying the machine it touched. */
    const sendOne = (machineId: string | null): void => {
      const machine = machineId ? this.fleet.get(machineId) : undefined;
      send({ reset: false, machines: machine ? [machine] : [], deleted: [], figures: null, eventCount: 1 });
    };
    const statusChanged = (change: MachineChange, at: number): void => {
      this.statusListener?.({ id: change.machine.id, status: change.machine.status, at });
      this.alerts.machineChanged({ id: change.machine.id, name: change.machine.name, from: change.from, to: change.machine.status, at });
    };
    this.ingest = new BroadcastIngest(this.fleet, {
      record: (event: NewFleetEvent) => {
        this.store.append(event);
        if (this.outbox) this.outbox.touch(1);
        // The ingest records an event before applying it: send the machine once it has been applied.
        else queueMicrotask(() => sendOne(event.machineId));
      },
      statusChanged,
    });
    this.feed = new LiveFeed({
      profileName: 'bench',
      endpoint: { key: server.key, host: server.wsHost, port: server.wsPort, scheme: 'http', authEndpoint: `${server.url}/api/broadcasting/auth` },
      token,
      client,
      fleet: this.fleet,
      ingest: this.ingest,
      roleMayNotSeeDashboard: mayOperate(roleSlug) ? null : 'this role may not see the admin dashboard',
      fromCache: false,
      dataAsOf: null,
      record: (event) => this.store.append(event),
      statusChanged,
      // As ServerSession: reconciliation marks only the rows it changed, the next patch carries them.
      reconciled: () => this.outbox?.touch(0),
      state: (state) => (this.state = state),
      signedOut: (reason) => console.error(`bench client signed out: ${reason}`),
      followMachinesUpTo: options.followMachinesUpTo,
    });
  }

  /** Signs in over the REST API as the demo operator, then connects. */
  static async connect(options: LiveClientOptions): Promise<LiveClient> {
    const client = new PlatformClient(`${options.server.url}/api/v2`);
    const result = await signIn(client, OPERATOR.email, OPERATOR.password);
    if (!result.ok) throw new Error(`bench sign-in failed: ${result.message}`);
    return new LiveClient(options, result.token, result.user.roleSlug, client);
  }

  /** Hears every status change right after it has been applied to the fleet. */
  onStatusApplied(listener: (change: AppliedChange) => void): void {
    this.statusListener = listener;
  }

  get phase(): string | null {
    return this.state?.phase ?? null;
  }

  close(): void {
    this.feed.stop();
    this.outbox?.dispose();
    this.alerts.dispose();
    this.store.close();
  }
}
