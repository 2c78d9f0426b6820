import { join } from 'node:path';
import type { AppInfo, CommandResult, ErrorCode } from '../../shared/contract';
import { failure } from '../../shared/contract';
import type { ConnectionState } from '../../shared/connection';
import { signedOutState } from '../../shared/connection';
import type { FleetPatch } from '../../shared/fleet';
import type { SessionInfo } from '../../shared/session';
import { mayOperate } from '../../shared/session';
import type { DemoServer, DemoServerOptions } from '../../demo-server/index';
import { AlertsPolicy } from './alerts/alerts-policy';
import { setMachineStatus } from './commands/status-command';
import { DEMO_OPERATOR, DEMO_PROFILE_ID, startDemoFleet } from './demo/demo-fleet';
import type { CommandHandlers } from './dispatch';
import { ok } from './dispatch';
import { CoreEventBus } from './event-bus';
import { FleetOutbox } from './fleet/fleet-outbox';
import { historyHandlers } from './history/history-commands';
import { FleetState } from './fleet/fleet-state';
import type { MachineChange } from './fleet/fleet-state';
import { PlatformClient } from './platform/platform-client';
import type { PlatformFailure } from './platform/platform-client';
import { sanitiseMachineDetails } from './platform/machine-details';
import { PRODUCT_NAME, PRODUCT_VERSION } from './product';
import { importLaravelEnv } from './profiles/env-import';
import type { ProfileDraft } from './profiles/profile-draft';
import { ProfileStore } from './profiles/profile-store';
import type { SecretStore } from './profiles/secret-store';
import { describeUser, signIn } from './session/sign-in';
import { ServerSession } from './session/server-session';
import type { EventStoreOptions } from './store/options';
import type { LoadedLayout } from './wall/layout-loader';
import { loadWallLayout, saveWallLayout } from './wall/layout-loader';

export interface ControlRoomOptions {
  dataDir: string;
  runtime: AppInfo['runtime'];
  /** Where sign-in tokens are kept: the OS keychain in the desktop app, a private file in the hub. */
  secrets: SecretStore;
  /** Settings for the event cache (the Electron app passes its own better-sqlite3 build). */
  storeOptions?: EventStoreOptions;
  /** Options for the embedded demo server, when the demo fleet is started. */
  demoOptions?: DemoServerOptions;
  pollIntervalMs?: number;
  language?: 'en' | 'id';
  /** The wall layout chosen at start (`--layout` or the data folder's layouts/). */
  wallLayout?: LoadedLayout;
  /** The desktop app's save dialog for exports; the hub offers a download instead. */
  chooseExportFile?: (suggestedName: string) => Promise<string | null>;
}

const tokenKey = (profileId: string) => `token:${profileId}`;
const userKey = (profileId: string) => `user:${profileId}`;

/**
 * The control-room engine as the shells see it: the contract's command handlers and the event bus.
 * Electron and the hub each make one and bind it to their transport; the core does not know which.
 */
export class ControlRoom {
  readonly events = new CoreEventBus();
  readonly fleet = new FleetState();
  readonly alerts: AlertsPolicy;
  private readonly outbox: FleetOutbox;
  private profiles!: ProfileStore;
  private session: ServerSession | null = null;
  private demo: DemoServer | null = null;
  private demoDraft: ProfileDraft | null = null;
  private wallLayout: LoadedLayout;
  private connection: ConnectionState = signedOutState('Choose a server and sign in, or try the demo fleet.');
  /** One sign-in, sign-out or demo start at a time: they replace the session. */
  private sessionChange: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: ControlRoomOptions) {
    this.outbox = new FleetOutbox(this.fleet, (patch) => this.events.emit('fleet.patch', patch));
    this.alerts = new AlertsPolicy({ language: options.language ?? 'en' });
    this.alerts.onNotification((request) => this.events.emit('notification.request', request));
    this.wallLayout = options.wallLayout ?? loadWallLayout(options.dataDir, null);
    this.handlers = this.createHandlers();
  }

  /** Opens the profiles and, when a session was left signed in, resumes it from the cache at once. */
  static async open(options: ControlRoomOptions): Promise<{ controlRoom: ControlRoom; notes: string[] }> {
    const controlRoom = new ControlRoom(options);
    const { store, notes } = await ProfileStore.open(options.dataDir);
    controlRoom.profiles = store;
    await controlRoom.resume();
    return { controlRoom, notes };
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  info(): AppInfo {
    return {
      name: PRODUCT_NAME,
      version: PRODUCT_VERSION,
      platform: `${process.platform}-${process.arch}`,
      runtime: this.options.runtime,
      dataDir: this.options.dataDir,
    };
  }

  connectionState(): ConnectionState {
    return this.connection;
  }

  sessionInfo(): SessionInfo | null {
    const session = this.session;
    if (!session) return null;
    const canOperate = mayOperate(session.user.roleSlug);
    return {
      user: session.user,
      profileId: session.profile.id,
      profileName: session.profile.name,
      timezone: session.profile.timezone,
      canOperate,
      operateReason: canOperate
        ? null
        : `Your role (${session.user.roleName ?? 'unknown'}) may not change machine statuses: only super-admins, admins, operators and technicians may.`,
      tokenStorage: { encrypted: this.options.secrets.encrypted, description: this.options.secrets.description },
    };
  }

  /** The whole fleet, for a page that has just loaded. */
  fleetSnapshot(): FleetPatch {
    return { reset: true, machines: this.fleet.machines(), deleted: [], figures: this.fleet.figures, eventCount: 0 };
  }

  /** After sleep, an unlocked screen or the network coming back. */
  reconnectNow(): void {
    this.session?.reconnectNow();
  }

  async signIn(profileId: string, email: string, password: string): Promise<CommandResult<SessionInfo>> {
    return this.serially(async () => {
      const profile = this.profiles.get(profileId);
      if (!profile) return failure('not-found', 'That server profile no longer exists.');
      const client = new PlatformClient(profile.apiBaseUrl);
      const result = await signIn(client, email, password);
      if (!result.ok) return fromPlatform(result);
      await this.options.secrets.set(tokenKey(profile.id), result.token);
      await this.options.secrets.set(userKey(profile.id), JSON.stringify(result.user));
      await this.profiles.save({ ...profile, email });
      await this.profiles.setActive(profile.id);
      this.openSession(profile.id, result.user, result.token);
      return ok(this.sessionInfo()!);
    });
  }

  /** Revokes the token on the server (when it can be reached) and forgets it here. */
  async signOut(reason: string | null = null): Promise<CommandResult<null>> {
    return this.serially(async () => {
      const session = this.session;
      if (!session) return ok(null);
      await session.client.logout();
      await this.endSession(reason);
      return ok(null);
    });
  }

  /** Starts the embedded demo server (once) and signs in to it as its operator. */
  async startDemo(): Promise<CommandResult<SessionInfo>> {
    const started = await this.serially(async () => {
      if (!this.demo) {
        // The newer monitoring shape carries each machine's fill level, which the desk shows.
        const started = await startDemoFleet({ monitoringShape: 'newer', ...this.options.demoOptions });
        this.demo = started.server;
        this.demoDraft = started.draft;
      }
      // The profile may have been removed since the server started: it is written on every start.
      const saved = await this.profiles.save({ ...this.demoDraft!, id: DEMO_PROFILE_ID, demo: true });
      return saved.ok ? ok(null) : failure('internal', saved.message);
    });
    if (!started.ok) return started;
    return this.signIn(DEMO_PROFILE_ID, DEMO_OPERATOR.email, DEMO_OPERATOR.password);
  }

  async close(): Promise<void> {
    await this.sessionChange;
    this.session?.close();
    this.session = null;
    this.outbox.dispose();
    this.alerts.dispose();
    await this.demo?.stop();
    this.demo = null;
  }

  private async resume(): Promise<void> {
    const profileId = this.profiles.activeId;
    const profile = profileId ? this.profiles.get(profileId) : null;
    if (!profile || profile.demo) return;
    const token = await this.options.secrets.get(tokenKey(profile.id));
    const savedUser = await this.options.secrets.get(userKey(profile.id));
    if (!token || !savedUser) return;
    let user;
    try {
      user = JSON.parse(savedUser);
    } catch {
      return;
    }
    // Offline first: the cached fleet shows now; the token is checked once the server answers.
    this.openSession(profile.id, user, token);
    const me = await this.session!.client.me();
    if (!me.ok && me.code === 'unauthenticated') await this.endSession(me.message);
    else if (me.ok) this.refreshUser(profile.id, await describeUser(this.session!.client, me.value));
  }

  private refreshUser(profileId: string, user: SessionInfo['user']): void {
    void this.options.secrets.set(userKey(profileId), JSON.stringify(user));
  }

  private openSession(profileId: string, user: SessionInfo['user'], token: string): void {
    this.session?.close();
    const profile = this.profiles.get(profileId)!;
    this.session = new ServerSession({
      profile,
      user,
      token,
      dataDir: this.options.dataDir,
      fleet: this.fleet,
      storeOptions: this.options.storeOptions ?? {},
      touched: (count) => this.outbox.touch(count),
      reset: () => this.outbox.resetAll(),
      statusChanged: (change, at) => this.onStatusChanged(change, at),
      state: (state) => this.setConnectionState(state),
      signedOut: (reason) => void this.serially(() => this.endSession(reason)),
      pollIntervalMs: this.options.pollIntervalMs,
    });
    this.events.emit('session.changed', this.sessionInfo());
  }

  private async endSession(reason: string | null): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.close();
    await this.options.secrets.delete(tokenKey(session.profile.id));
    await this.profiles.setActive(null);
    this.fleet.reset([]);
    this.outbox.resetAll();
    this.setConnectionState(signedOutState(reason));
    this.events.emit('session.changed', null);
  }

  private onStatusChanged(change: MachineChange, at: number): void {
    this.alerts.machineChanged({ id: change.machine.id, name: change.machine.name, from: change.from, to: change.machine.status, at });
  }

  private setConnectionState(state: ConnectionState): void {
    this.connection = state;
    this.alerts.connectionChanged(state.phase, Date.parse(state.since));
    this.events.emit('connection.state', state);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.sessionChange.then(work);
    this.sessionChange = next.catch(() => undefined);
    return next;
  }

  /** The contract's commands, answered by this core. */
  readonly handlers: CommandHandlers;

  private createHandlers(): CommandHandlers {
    return {
    'app.info': async () => ok(this.info()),
    'connection.get': async () => ok(this.connectionState()),
    'connection.reconnect': async () => {
      this.reconnectNow();
      return ok(null);
    },
    'profiles.list': async () => ok({ profiles: this.profiles.list(), activeId: this.profiles.activeId }),
    'profiles.save': async ({ profile }) => {
      const saved = await this.profiles.save(profile as ProfileDraft & { id?: string });
      return saved.ok ? ok(saved.profile) : failure('validation', saved.message);
    },
    'profiles.remove': async ({ id }) => {
      if (this.session?.profile.id === id) return failure('validation', 'Sign out of this server before removing it.');
      const removed = await this.profiles.remove(id);
      if (!removed.ok) return failure('not-found', removed.message);
      await this.options.secrets.delete(tokenKey(id));
      await this.options.secrets.delete(userKey(id));
      return ok(null);
    },
    'profiles.import-env': async ({ text }) => {
      const imported = importLaravelEnv(text);
      return imported.ok ? ok({ draft: imported.draft, notes: imported.notes }) : failure('validation', imported.message);
    },
    'session.get': async () => ok(this.sessionInfo()),
    'session.sign-in': ({ profileId, email, password }) => this.signIn(profileId, email, password),
    'session.sign-out': () => this.signOut(),
    'demo.start': () => this.startDemo(),
    'fleet.get': async () => ok(this.fleetSnapshot()),
    'fleet.event-rate': async ({ minutes }) => {
      const session = this.session;
      if (!session) return ok([]);
      session.store.flush();
      const now = Date.now();
      return ok(session.store.eventsPerMinute(now - minutes * 60_000, now + 1));
    },
    'machine.set-status': async ({ id, status }) => {
      const session = this.session;
      if (!session) return failure('unauthenticated', 'Sign in before sending commands.');
      const info = this.sessionInfo()!;
      if (!info.canOperate) return failure('forbidden', info.operateReason!);
      const result = await setMachineStatus({ session, fleet: this.fleet, id, status, statusChanged: (change, at) => this.onStatusChanged(change, at) });
      if (!result.ok && result.code === 'unauthenticated') void this.serially(() => this.endSession(result.message));
      this.outbox.touch();
      return result;
    },
    'machine.details': async ({ id }) => {
      const session = this.session;
      if (!session) return failure('unauthenticated', 'Sign in to see machine details.');
      const details = await session.client.details(id);
      if (!details.ok) return fromPlatform(details);
      return ok(sanitiseMachineDetails(details.value));
    },
    'machine.events': async ({ id, limit }) => {
      const session = this.session;
      if (!session) return ok([]);
      session.store.flush();
      return ok(session.store.query({ machineId: id }, { limit, order: 'desc' }));
    },
    ...historyHandlers({
      session: () => this.session,
      events: this.events,
      dataDir: this.options.dataDir,
      chooseExportFile: this.options.chooseExportFile,
    }),
    'wall.layout': async () => ok(this.wallLayout),
    'wall.import-layout': async ({ text }) => {
      const saved = saveWallLayout(this.options.dataDir, text);
      if (!saved.ok) return failure('validation', saved.message);
      this.wallLayout = { layout: saved.layout, source: saved.path, problem: null };
      return ok(this.wallLayout);
    },
    'diagnostics.get': async () => {
      const session = this.session;
      const stats = session?.store.stats();
      return ok({
        ingest: session?.ingest.counters ?? { accepted: 0, duplicates: 0, rejected: {} },
        store: stats ? { events: stats.eventCount, sizeBytes: stats.sizeBytes, firstTime: stats.firstTime, lastTime: stats.lastTime } : null,
      });
    },
    };
  }
}

/** A platform failure as a command failure: same code, same words. */
export function fromPlatform(result: PlatformFailure): { ok: false; code: ErrorCode; message: string } {
  return failure(result.code, result.message);
}

export function secretsFile(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}
