import Echo from 'laravel-echo';
import Pusher from 'pusher-js';
import { MACHINE_CHANNEL_EVENTS } from '../../../shared/broadcasts';
import { reconnectDelay } from './reconnect-policy';

export interface ReverbEndpoint {
  key: string;
  host: string;
  port: number;
  scheme: 'http' | 'https';
  /** Absolute URL: pusher-js in Node cannot resolve a relative one. */
  authEndpoint: string;
}

export const STATUS_CHANNEL = 'rvm-status';
export const DASHBOARD_CHANNEL = 'admin-dashboard';

/** Why private channels were refused, for the connection state and its fix. */
export interface PrivateRefusal {
  channel: string;
  status: number | null;
  message: string;
}

export type LinkEvent =
  | { kind: 'connected'; at: number }
  | { kind: 'lost'; at: number }
  | { kind: 'retrying'; attempt: number; nextAttemptAt: number }
  | { kind: 'rejected'; at: number; message: string };

export interface LiveConnectionHandlers {
  /** A broadcast as it arrived: channel name (as on the wire), broadcast name without its dot, data. */
  event(channel: string, name: string, data: unknown): void;
  /** A subscription succeeded: the first time and after every reconnect. */
  subscribed(channel: string): void;
  privateRefused(refusal: PrivateRefusal): void;
  link(event: LinkEvent): void;
}

export interface LiveConnectionOptions {
  endpoint: ReverbEndpoint;
  token: string;
  handlers: LiveConnectionHandlers;
  /** How long one reconnect attempt may take before the next is scheduled. */
  attemptTimeoutMs?: number;
  /** Ping after this much silence; a dead server is noticed within this plus `pongTimeoutMs`. */
  activityTimeoutMs?: number;
  pongTimeoutMs?: number;
  random?: () => number;
}

type PusherStateChange = { previous: string; current: string };

/**
 * The authenticated Echo/Reverb connection, with our reconnect policy in place of pusher-js's.
 * It knows channels and frames; what the frames mean is the ingest's business.
 */
export class LiveConnection {
  private readonly echo: Echo<'reverb'>;
  private readonly pusher: Pusher;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private attemptTimer: NodeJS.Timeout | null = null;
  /** Set while we close the socket ourselves, so our own disconnect is not taken for a loss. */
  private closingOnPurpose = false;
  private stopped = false;
  private wasConnected = false;
  private readonly machineChannels = new Set<string>();

  constructor(private readonly options: LiveConnectionOptions) {
    const { endpoint, token } = options;
    const tls = endpoint.scheme === 'https';
    this.echo = new Echo({
      broadcaster: 'reverb',
      key: endpoint.key,
      wsHost: endpoint.host,
      wsPort: endpoint.port,
      wssPort: endpoint.port,
      forceTLS: tls,
      enabledTransports: tls ? ['wss'] : ['ws'],
      authEndpoint: endpoint.authEndpoint,
      // A fresh headers object: instances built without one share and mutate a static default.
      auth: { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
      activityTimeout: options.activityTimeoutMs ?? 20_000,
      pongTimeout: options.pongTimeoutMs ?? 8_000,
      disableStats: true,
      Pusher,
    });
    this.pusher = this.echo.connector.pusher as Pusher;
    this.pusher.connection.bind('state_change', (change: PusherStateChange) => this.onStateChange(change));
    this.pusher.connection.bind('error', (error: { data?: { code?: number; message?: string } }) => this.onError(error));
    this.listenPublic();
    this.listenPrivate();
    // Echo connects as it is built; the first attempt runs on our clock too.
    this.armAttemptTimer();
  }

  /** The id Laravel needs in `X-Socket-ID` to leave our own socket out of a broadcast. */
  socketId(): string | null {
    return this.pusher.connection.state === 'connected' ? (this.echo.socketId() ?? null) : null;
  }

  get connected(): boolean {
    return this.pusher.connection.state === 'connected';
  }

  /** Follows each machine's own channel, for its session and deposit events. */
  followMachines(ids: Iterable<string>): void {
    const wanted = new Set<string>();
    for (const id of ids) wanted.add(`rvm.${id}`);
    for (const name of this.machineChannels) {
      if (!wanted.has(name)) {
        this.echo.leaveChannel(name);
        this.machineChannels.delete(name);
      }
    }
    for (const name of wanted) {
      if (this.machineChannels.has(name)) continue;
      this.machineChannels.add(name);
      const channel = this.echo.channel(name);
      for (const event of MACHINE_CHANNEL_EVENTS) {
        channel.listen(`.${event}`, (data: unknown) => this.options.handlers.event(name, event, data));
      }
    }
  }

  /** After sleep, an unlocked screen or the network coming back: drop whatever we have and connect now. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.clearTimers();
    this.closeOnPurpose();
    this.tryConnect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.closeOnPurpose();
  }

  private listenPublic(): void {
    const channel = this.echo.channel(STATUS_CHANNEL);
    // The leading dot: without it Echo looks for `App\Events\rvm\status\updated` and nothing matches.
    channel.listen('.rvm.status.updated', (data: unknown) => this.options.handlers.event(STATUS_CHANNEL, 'rvm.status.updated', data));
    channel.subscribed(() => this.options.handlers.subscribed(STATUS_CHANNEL));
  }

  private listenPrivate(): void {
    const wire = `private-${DASHBOARD_CHANNEL}`;
    const channel = this.echo.private(DASHBOARD_CHANNEL);
    channel.listen('.rvm.status.updated', (data: unknown) => this.options.handlers.event(wire, 'rvm.status.updated', data));
    channel.listen('.dashboard.data.updated', (data: unknown) => this.options.handlers.event(wire, 'dashboard.data.updated', data));
    channel.subscribed(() => this.options.handlers.subscribed(wire));
    channel.error((error: { status?: number; error?: string; type?: string }) => {
      this.options.handlers.privateRefused({
        channel: wire,
        status: typeof error?.status === 'number' ? error.status : null,
        message: String(error?.error ?? error?.type ?? 'refused').slice(0, 300),
      });
    });
  }

  private onStateChange({ previous, current }: PusherStateChange): void {
    if (this.stopped) return;
    if (current === 'connected') {
      this.attempt = 0;
      this.clearTimers();
      this.wasConnected = true;
      this.options.handlers.link({ kind: 'connected', at: Date.now() });
      return;
    }
    if (this.closingOnPurpose) return;
    if (previous === 'connected' || (current === 'unavailable' && !this.retryTimer && !this.attemptTimer)) {
      this.options.handlers.link({ kind: 'lost', at: Date.now() });
      this.takeOver();
    } else if ((current === 'failed' || current === 'disconnected') && !this.retryTimer) {
      // pusher-js gave up (a 40xx refusal during the handshake): our policy keeps trying.
      this.takeOver();
    }
  }

  private onError(error: { data?: { code?: number; message?: string } }): void {
    const code = error?.data?.code;
    if (code === 4001 || code === 4009 || code === 4004) {
      this.options.handlers.link({ kind: 'rejected', at: Date.now(), message: `Reverb refused the connection (${code} ${error.data?.message ?? ''}).`.trim() });
    }
  }

  /** Stops pusher-js's slow retry strategy and schedules our own attempt. */
  private takeOver(): void {
    this.closeOnPurpose();
    this.scheduleAttempt();
  }

  private scheduleAttempt(): void {
    if (this.stopped) return;
    this.clearTimers();
    const delay = reconnectDelay(this.attempt, this.options.random);
    this.options.handlers.link({ kind: 'retrying', attempt: this.attempt + 1, nextAttemptAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.tryConnect();
    }, delay);
  }

  private tryConnect(): void {
    if (this.stopped) return;
    this.armAttemptTimer();
    this.pusher.connect();
  }

  /** An attempt that has not connected in time is abandoned and the next one scheduled. */
  private armAttemptTimer(): void {
    this.attemptTimer = setTimeout(() => {
      this.attemptTimer = null;
      if (this.connected) return;
      this.attempt++;
      this.closeOnPurpose();
      this.scheduleAttempt();
    }, this.options.attemptTimeoutMs ?? 4_000);
  }

  private closeOnPurpose(): void {
    this.closingOnPurpose = true;
    try {
      this.pusher.disconnect();
    } finally {
      this.closingOnPurpose = false;
    }
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.attemptTimer) clearTimeout(this.attemptTimer);
    this.retryTimer = null;
    this.attemptTimer = null;
  }

  /** True once the link has been up at least once (for "connecting" versus "reconnecting"). */
  get everConnected(): boolean {
    return this.wasConnected;
  }
}
