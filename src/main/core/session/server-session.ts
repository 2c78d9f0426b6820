import { join } from 'node:path';
import type { ConnectionState } from '../../../shared/connection';
import type { NewFleetEvent } from '../../../shared/fleet';
import type { ServerProfile } from '../../../shared/profiles';
import type { SessionUser } from '../../../shared/session';
import { mayOperate } from '../../../shared/session';
import type { FleetState, MachineChange } from '../fleet/fleet-state';
import { fleetFrom } from '../fleet/history-replay';
import { BroadcastIngest } from '../live/broadcast-ingest';
import { LiveFeed } from '../live/live-feed';
import { PlatformClient } from '../platform/platform-client';
import type { EventStoreOptions } from '../store/options';
import type { EventStore } from '../store/event-store';
import { openOrRecover } from '../store/event-store';

export interface ServerSessionDeps {
  profile: ServerProfile;
  user: SessionUser;
  token: string;
  dataDir: string;
  fleet: FleetState;
  storeOptions: EventStoreOptions;
  /** Something changed in the fleet: `count` events were applied (for the events-per-minute chart). */
  touched(count: number): void;
  /** The whole fleet was replaced or reconciled: send it afresh. */
  reset(): void;
  statusChanged(change: MachineChange, at: number): void;
  state(state: ConnectionState): void;
  signedOut(reason: string): void;
  pollIntervalMs?: number;
}

/** Where a server's history is cached: one database per server profile. */
export function cacheFile(dataDir: string, profileId: string): string {
  return join(dataDir, 'cache', `${profileId}.sqlite`);
}

/**
 * Everything that lives while one server is signed in: its REST client, its event cache, its
 * live feed. Opening it shows the cached fleet at once (offline first), then connects.
 */
export class ServerSession {
  readonly client: PlatformClient;
  readonly store: EventStore;
  readonly ingest: BroadcastIngest;
  private readonly feed: LiveFeed;
  /** Why the cache was started afresh, when it had to be. */
  readonly storeNote: string | null;
  readonly storePath: string;

  constructor(private readonly deps: ServerSessionDeps) {
    const { profile, fleet } = deps;
    this.client = new PlatformClient(profile.apiBaseUrl, deps.token);
    this.storePath = cacheFile(deps.dataDir, profile.id);
    const opened = openOrRecover(this.storePath, {
      ...deps.storeOptions,
      fleetProvider: () => fleet.machines(),
    });
    this.store = opened.store;
    this.storeNote = opened.recovered ? `The event cache was damaged and was set aside (${opened.recovered.movedTo}).` : null;
    const cachedAt = this.loadCachedFleet();
    const record = (event: NewFleetEvent): void => this.store.append(event);
    this.ingest = new BroadcastIngest(fleet, {
      record: (event) => {
        record(event);
        deps.touched(1);
      },
      statusChanged: deps.statusChanged,
    });
    this.feed = new LiveFeed({
      profileName: profile.name,
      endpoint: { ...profile.reverb, authEndpoint: profile.authEndpoint },
      token: deps.token,
      client: this.client,
      fleet,
      ingest: this.ingest,
      roleMayNotSeeDashboard: mayOperate(deps.user.roleSlug)
        ? null
        : `Your role (${deps.user.roleName ?? 'unknown'}) may not see the admin dashboard: only status changes on the public channel arrive.`,
      fromCache: cachedAt !== null,
      dataAsOf: cachedAt,
      record,
      statusChanged: deps.statusChanged,
      // Reconciliation marks only the rows it changed: the next patch carries those, not the fleet.
      reconciled: () => deps.touched(0),
      state: deps.state,
      signedOut: deps.signedOut,
      pollIntervalMs: deps.pollIntervalMs,
    });
  }

  get profile(): ServerProfile {
    return this.deps.profile;
  }

  get user(): SessionUser {
    return this.deps.user;
  }

  socketId(): string | null {
    return this.feed.socketId();
  }

  connectionState(): ConnectionState {
    return this.feed.state();
  }

  reconnectNow(): void {
    this.feed.reconnectNow();
  }

  /** The last known fleet: the newest checkpoint plus every event after it. Returns its age. */
  private loadCachedFleet(): number | null {
    const range = this.store.timeRange();
    if (!range) {
      this.deps.fleet.reset([]);
      this.deps.reset();
      return null;
    }
    const checkpoint = this.store.latestCheckpoint();
    const from = checkpoint?.time ?? Number.MIN_SAFE_INTEGER;
    const cached = fleetFrom(checkpoint?.machines ?? [], this.store.eventsBetween(from, Number.MAX_SAFE_INTEGER));
    this.deps.fleet.reset(cached.machines());
    this.deps.reset();
    return range.last;
  }

  /** Stops the feed and closes the cache with a checkpoint, so the next start opens on this fleet. */
  close(): void {
    this.feed.stop();
    if (this.deps.fleet.size > 0) this.store.writeCheckpoint(Date.now(), this.deps.fleet.machines());
    this.store.close();
  }
}
