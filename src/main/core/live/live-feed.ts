import type { ConnectionState } from '../../../shared/connection';
import type { NewFleetEvent } from '../../../shared/fleet';
import { GAP_EVENT, SNAPSHOT_EVENT } from '../../../shared/fleet';
import type { FleetState, MachineChange } from '../fleet/fleet-state';
import { reconcile } from '../fleet/reconcile';
import { normaliseMonitoring } from '../platform/monitoring-snapshot';
import type { PlatformClient } from '../platform/platform-client';
import type { BroadcastIngest } from './broadcast-ingest';
import type { LinkFacts } from './connection-status';
import { describeConnection, OFFLINE_AFTER_MS } from './connection-status';
import type { LinkEvent, ReverbEndpoint } from './live-connection';
import { LiveConnection, STATUS_CHANNEL } from './live-connection';

/** However often the counts disagree, the snapshot is fetched again at most this often. */
const COUNT_CHECK_SPACING_MS = 10_000;

export interface LiveFeedOptions {
  profileName: string;
  endpoint: ReverbEndpoint;
  token: string;
  client: PlatformClient;
  fleet: FleetState;
  ingest: BroadcastIngest;
  /** The signed-in role may not join the private dashboard channel: why, in words. */
  roleMayNotSeeDashboard: string | null;
  /** Whether the fleet was loaded from the cache before connecting. */
  fromCache: boolean;
  dataAsOf: number | null;
  record(event: NewFleetEvent): void;
  statusChanged(change: MachineChange, at: number): void;
  /** Fired after every reconciliation, so the outbox can send the whole fleet afresh. */
  reconciled(): void;
  state(state: ConnectionState): void;
  /** The server no longer accepts our token. */
  signedOut(reason: string): void;
  /** Whether to follow machines' own channels (session and deposit events): up to this many. */
  followMachinesUpTo?: number;
  pollIntervalMs?: number;
  now?: () => number;
}

/**
 * One signed-in server's live feed: the connection, the reconciliation after every subscription,
 * the polling fallback while the socket is down, and the connection state that results.
 */
export class LiveFeed {
  private readonly connection: LiveConnection;
  private readonly facts: LinkFacts;
  private pollTimer: NodeJS.Timeout | null = null;
  private stateTimer: NodeJS.Timeout | null = null;
  private reconciling: Promise<void> | null = null;
  private reconcileAgain = false;
  /** The start of an outage not yet noted in the history. */
  private gapFrom: number | null = null;
  private stopped = false;
  private countMismatches = 0;
  private lastCountCheck = 0;
  private readonly now: () => number;

  constructor(private readonly options: LiveFeedOptions) {
    this.now = options.now ?? Date.now;
    this.facts = {
      profileName: options.profileName,
      startedAt: this.now(),
      connected: false,
      publicSubscribed: false,
      privateSubscribed: false,
      everConnected: false,
      lostAt: null,
      nextAttemptAt: null,
      rejection: null,
      privateRefusal: null,
      roleMayNotSeeDashboard: options.roleMayNotSeeDashboard,
      authEndpoint: options.endpoint.authEndpoint,
      polling: false,
      dataAsOf: options.dataAsOf,
      fromCache: options.fromCache,
      apiProblem: null,
    };
    this.connection = new LiveConnection({
      endpoint: options.endpoint,
      token: options.token,
      handlers: {
        event: (channel, name, data) => {
          this.facts.dataAsOf = this.now();
          options.ingest.receive(channel, name, data);
          if (name === 'dashboard.data.updated') this.compareCounts();
        },
        subscribed: (channel) => this.onSubscribed(channel),
        privateRefused: (refusal) => void this.onPrivateRefused(refusal),
        link: (event) => this.onLink(event),
      },
    });
    this.publish();
    // Until the first connection, the REST snapshot already shows the fleet.
    void this.reconcileNow();
  }

  socketId(): string | null {
    return this.connection.socketId();
  }

  reconnectNow(): void {
    this.connection.reconnectNow();
  }

  state(): ConnectionState {
    return describeConnection(this.facts, this.now());
  }

  stop(): void {
    this.stopped = true;
    this.connection.stop();
    this.stopPolling();
    if (this.stateTimer) clearTimeout(this.stateTimer);
  }

  private onSubscribed(channel: string): void {
    if (channel === STATUS_CHANNEL) {
      this.facts.publicSubscribed = true;
      void this.reconcileNow();
    } else {
      // The private channel is ours again (it may have been refused before a reconnect).
      this.facts.privateSubscribed = true;
      this.facts.privateRefusal = null;
    }
    this.publish();
  }

  private async onPrivateRefused(refusal: { channel: string; status: number | null; message: string }): Promise<void> {
    // A refusal may only mean the token was revoked: ask the API before blaming the server set-up.
    const me = await this.options.client.me();
    if (this.stopped) return;
    if (!me.ok && me.code === 'unauthenticated') {
      this.options.signedOut(me.message);
      return;
    }
    this.facts.privateRefusal = refusal;
    this.publish();
  }

  private onLink(event: LinkEvent): void {
    if (event.kind === 'connected') {
      this.facts.connected = true;
      // A new socket: its channels confirm afresh.
      this.facts.publicSubscribed = false;
      this.facts.privateSubscribed = false;
      this.facts.everConnected = true;
      this.facts.rejection = null;
      this.facts.nextAttemptAt = null;
      this.facts.polling = false;
      this.stopPolling();
    } else if (event.kind === 'lost') {
      this.facts.connected = false;
      this.facts.publicSubscribed = false;
      this.facts.privateSubscribed = false;
      this.facts.lostAt = event.at;
      this.gapFrom ??= event.at;
      this.startPolling();
    } else if (event.kind === 'retrying') {
      this.facts.connected = false;
      this.facts.nextAttemptAt = event.nextAttemptAt;
      if (!this.pollTimer) this.startPolling();
    } else {
      this.facts.rejection = event.message;
    }
    this.publish();
  }

  /**
   * Fetches the monitoring snapshot and merges it: after every subscription success, and on each
   * poll while the socket is down. Calls that come while one runs are folded into one more run.
   */
  reconcileNow(): Promise<void> {
    if (this.reconciling) {
      this.reconcileAgain = true;
      return this.reconciling;
    }
    this.reconciling = this.fetchAndMerge().finally(() => {
      this.reconciling = null;
      if (this.reconcileAgain && !this.stopped) {
        this.reconcileAgain = false;
        void this.reconcileNow();
      }
    });
    return this.reconciling;
  }

  private async fetchAndMerge(): Promise<void> {
    const takenAt = this.now();
    const reply = await this.options.client.monitoring();
    if (this.stopped) return;
    if (!reply.ok) {
      if (reply.code === 'unauthenticated') return this.options.signedOut(reply.message);
      this.facts.apiProblem = reply.code === 'forbidden' ? null : reply.message;
      this.facts.polling = false;
      this.publish();
      return;
    }
    const snapshot = normaliseMonitoring(reply.value, takenAt);
    if (!snapshot.ok) {
      this.facts.apiProblem = snapshot.message;
      this.publish();
      return;
    }
    this.facts.apiProblem = null;
    const merged = reconcile(this.options.fleet, snapshot.snapshot);
    for (const change of merged.changed) {
      if (!change.statusChanged) continue;
      this.options.record({
        time: takenAt,
        machineId: change.machine.id,
        type: SNAPSHOT_EVENT,
        status: change.machine.status,
        payload: { from: change.from, to: change.machine.status, name: change.machine.name },
      });
      if (change.from !== null) this.options.statusChanged(change, takenAt);
    }
    for (const machine of merged.removed) {
      this.options.record({ time: takenAt, machineId: machine.id, type: SNAPSHOT_EVENT, status: null, payload: { removed: true, name: machine.name } });
    }
    if (this.facts.connected && this.gapFrom !== null) {
      this.options.record({
        time: this.gapFrom,
        machineId: null,
        type: GAP_EVENT,
        status: null,
        payload: { from: new Date(this.gapFrom).toISOString(), to: new Date(takenAt).toISOString(), durationMs: takenAt - this.gapFrom },
      });
      this.gapFrom = null;
    }
    this.facts.dataAsOf = takenAt;
    this.facts.fromCache = false;
    this.facts.polling = !this.facts.connected;
    const limit = this.options.followMachinesUpTo ?? 500;
    const ids = this.options.fleet.machines().filter((m) => !m.removed).map((m) => m.id);
    this.connection.followMachines(ids.length <= limit ? ids : []);
    this.options.reconciled();
    this.publish();
  }

  /**
   * Reverb keeps no history: an event lost on the way (a paused broadcaster, a queue worker that
   * dropped a job) leaves no trace but a wrong status. The dashboard broadcast carries the server's
   * counts per status; when ours disagree twice in a row, the snapshot is fetched again.
   */
  private compareCounts(): void {
    const server = this.options.fleet.figures.statusCounts;
    if (!server) return;
    const ours: Record<string, number> = this.options.fleet.statusCounts();
    const differs = Object.keys({ ...server, ...ours }).some((status) => (server[status] ?? 0) !== (ours[status] ?? 0));
    this.countMismatches = differs ? this.countMismatches + 1 : 0;
    if (this.countMismatches < 2 || this.now() - this.lastCountCheck < COUNT_CHECK_SPACING_MS) return;
    this.countMismatches = 0;
    this.lastCountCheck = this.now();
    void this.reconcileNow();
  }

  private startPolling(): void {
    this.stopPolling();
    const interval = this.options.pollIntervalMs ?? 15_000;
    this.pollTimer = setInterval(() => void this.reconcileNow(), interval);
    this.pollTimer.unref?.();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private publish(): void {
    if (this.stopped) return;
    this.options.state(this.state());
    // "Reconnecting" turns into "offline" with time alone: look again when it would.
    if (this.stateTimer) clearTimeout(this.stateTimer);
    if (!this.facts.connected) {
      const since = this.facts.lostAt ?? this.facts.startedAt;
      const due = since + OFFLINE_AFTER_MS - this.now();
      if (due > 0) {
        this.stateTimer = setTimeout(() => this.publish(), due + 10);
        this.stateTimer.unref?.();
      }
    }
  }
}
