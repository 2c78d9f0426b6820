// The MyRVM REST API under /api/v2 and the broadcasting-auth endpoints, with the platform's exact bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStaff, publicUser, ROLES, STAFF_ROLES, type AccountBook, type DemoAccount } from './accounts';
import { laravelTimestamp, statusUpdated } from './broadcast-events';
import type { Broadcaster } from './broadcaster';
import { isRvmStatus, type FleetModel, type Machine, type RvmStatus } from './fleet-model';
import { readBody, requestInput, sendJson } from './http-io';
import { details, fullModel, listItem, newerMonitoring, olderMonitoring } from './platform-shapes';
import { channelAuth, SOCKET_ID_PATTERN } from './protocol';

export type MonitoringShape = 'older' | 'newer';

/** A presence channel staff can join, to see who else is watching. */
export const PRESENCE_CHANNEL = 'presence-control-room';

export interface PlatformApiOptions {
  readonly fleet: FleetModel;
  readonly accounts: AccountBook;
  readonly broadcaster: Broadcaster;
  readonly appKey: string;
  readonly appSecret: string;
  readonly monitoringShape: MonitoringShape;
  /** Behave like the stock platform: /broadcasting/auth knows sessions only, /api/broadcasting/auth does not exist. */
  readonly stockBroadcastAuth: boolean;
  readonly maxBodySize: number;
}

type Input = Record<string, unknown>;
type FieldErrors = Record<string, string[]>;

interface Request {
  readonly http: IncomingMessage;
  readonly input: Input;
  readonly params: readonly string[];
}

interface SignedInRequest extends Request {
  readonly account: DemoAccount;
  readonly tokenId: number;
}

type Handler<R> = (response: ServerResponse, request: R) => void | Promise<void>;

type Route = { readonly method: string; readonly pattern: RegExp } & (
  | { readonly access: 'public'; readonly handle: Handler<Request> }
  | { readonly access: 'user' | 'staff'; readonly handle: Handler<SignedInRequest> }
);

export const UNAUTHENTICATED = { message: 'Unauthenticated.' } as const;
export const RVM_NOT_FOUND = { success: false, message: 'RVM not found' } as const;

export function insufficientPermissions(account: DemoAccount): Record<string, unknown> {
  return {
    success: false,
    message: `Insufficient permissions. Required roles: ${STAFF_ROLES.join(', ')}`,
    user_role: account.role,
  };
}

/**
 * What the platform does on a status update: store it, then broadcast `rvm.status.updated` on both
 * status channels, leaving out the socket that asked (Laravel's `toOthers`).
 */
export function applyStatusUpdate(
  fleet: FleetModel,
  broadcaster: Broadcaster,
  machine: Machine,
  status: RvmStatus,
  exceptSocketId?: string,
): { old_status: RvmStatus; new_status: RvmStatus; changed_at: string } {
  const now = Date.now();
  const oldStatus = fleet.setStatus(machine, status, now);
  broadcaster.broadcast(statusUpdated(machine, now), exceptSocketId);
  return { old_status: oldStatus, new_status: status, changed_at: laravelTimestamp(now) };
}

function validationFailed(response: ServerResponse, errors: FieldErrors): void {
  sendJson(response, 422, { success: false, message: 'Validation failed', errors });
}

/** Laravel's `email` rule, roughly: something@something.something, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Laravel's `boolean` rule accepts exactly these. */
const BOOLEAN_VALUES: readonly unknown[] = [true, false, 0, 1, '0', '1'];

/** A private or presence channel of the platform, with who may join it. */
interface ChannelRule {
  readonly pattern: RegExp;
  readonly allows: (account: DemoAccount) => boolean;
}

const CHANNEL_RULES: readonly ChannelRule[] = [
  { pattern: /^private-admin-dashboard$/, allows: isStaff },
  { pattern: /^private-rvm\.\d+$/, allows: isStaff },
  { pattern: new RegExp(`^${PRESENCE_CHANNEL}$`), allows: isStaff },
];

export class PlatformApi {
  private readonly routes: readonly Route[] = [
    { method: 'POST', pattern: /^\/api\/v2\/auth\/login$/, access: 'public', handle: (res, req) => this.login(res, req) },
    { method: 'POST', pattern: /^\/api\/v2\/auth\/logout$/, access: 'user', handle: (res, req) => this.logout(res, req) },
    { method: 'GET', pattern: /^\/api\/v2\/auth\/me$/, access: 'user', handle: (res, req) => sendJson(res, 200, { success: true, data: { user: publicUser(req.account) } }) },
    { method: 'GET', pattern: /^\/api\/v2\/users\/roles$/, access: 'user', handle: (res) => sendJson(res, 200, { success: true, data: ROLES.map(({ id, name, slug }) => ({ id, name, slug })) }) },
    { method: 'GET', pattern: /^\/api\/v2\/admin\/rvm\/list$/, access: 'staff', handle: (res) => this.list(res) },
    { method: 'GET', pattern: /^\/api\/v2\/admin\/rvm\/monitoring$/, access: 'staff', handle: (res) => this.monitoring(res) },
    { method: 'GET', pattern: /^\/api\/v2\/admin\/rvm\/([^/]+)\/details$/, access: 'staff', handle: (res, req) => this.details(res, req) },
    { method: 'POST', pattern: /^\/api\/v2\/admin\/rvm\/([^/]+)\/status$/, access: 'staff', handle: (res, req) => this.updateStatus(res, req) },
    { method: 'PUT', pattern: /^\/api\/v2\/admin\/rvm\/([^/]+)\/settings$/, access: 'staff', handle: (res, req) => this.updateSettings(res, req) },
  ];

  constructor(private readonly options: PlatformApiOptions) {}

  handles(path: string): boolean {
    return path.startsWith('/api/') || path === '/broadcasting/auth';
  }

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const read = await readBody(request, this.options.maxBodySize);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      sendJson(response, 413, { message: 'The POST data is too large.' }, true);
      return;
    }
    const input = requestInput(request, url.searchParams, read.body);
    const path = url.pathname;
    const method = request.method ?? 'GET';

    const broadcastingAuth = this.broadcastingAuthMode(path);
    if (broadcastingAuth !== undefined) {
      if (method !== 'POST') this.methodNotAllowed(response, method, path, ['POST']);
      else this.broadcastingAuth(response, request, input, broadcastingAuth);
      return;
    }

    const candidates = this.routes.filter((route) => route.pattern.test(path));
    const route = candidates.find((candidate) => candidate.method === method);
    if (!route) {
      if (candidates.length > 0) this.methodNotAllowed(response, method, path, candidates.map((c) => c.method));
      else sendJson(response, 404, { message: `The route ${path.slice(1)} could not be found.` });
      return;
    }
    const params = (route.pattern.exec(path) ?? []).slice(1);
    if (route.access === 'public') {
      await route.handle(response, { http: request, input, params });
      return;
    }
    const session = this.options.accounts.authenticate(request.headers.authorization);
    if (!session) {
      sendJson(response, 401, UNAUTHENTICATED);
      return;
    }
    if (route.access === 'staff' && !isStaff(session.account)) {
      sendJson(response, 403, insufficientPermissions(session.account));
      return;
    }
    await route.handle(response, { http: request, input, params, ...session });
  }

  /** `bearer` where the route takes Sanctum tokens, `session` where only the web guard runs, else undefined. */
  private broadcastingAuthMode(path: string): 'bearer' | 'session' | undefined {
    if (path === '/broadcasting/auth') return this.options.stockBroadcastAuth ? 'session' : 'bearer';
    if (path === '/api/broadcasting/auth' && !this.options.stockBroadcastAuth) return 'bearer';
    return undefined;
  }

  private methodNotAllowed(response: ServerResponse, method: string, path: string, allowed: readonly string[]): void {
    response.setHeader('Allow', allowed.join(', '));
    sendJson(response, 405, {
      message: `The ${method} method is not supported for route ${path.slice(1)}. Supported methods: ${allowed.join(', ')}.`,
    });
  }

  private async login(response: ServerResponse, { input }: Request): Promise<void> {
    const errors: FieldErrors = {};
    const { email, password } = input;
    if (email === undefined || email === null || email === '') errors.email = ['The email field is required.'];
    else if (typeof email !== 'string' || !EMAIL_PATTERN.test(email)) errors.email = ['The email field must be a valid email address.'];
    if (password === undefined || password === null || password === '') errors.password = ['The password field is required.'];
    else if (typeof password !== 'string') errors.password = ['The password field must be a string.'];
    else if ([...password].length < 6) errors.password = ['The password field must be at least 6 characters.'];
    if (Object.keys(errors).length > 0 || typeof email !== 'string' || typeof password !== 'string') {
      validationFailed(response, errors);
      return;
    }
    const account = await this.options.accounts.verify(email, password);
    if (!account) {
      sendJson(response, 401, { success: false, message: 'Invalid credentials' });
      return;
    }
    sendJson(response, 200, {
      success: true,
      message: 'Login successful',
      data: { user: publicUser(account), token: this.options.accounts.issueToken(account), token_type: 'Bearer' },
    });
  }

  private logout(response: ServerResponse, { tokenId }: SignedInRequest): void {
    this.options.accounts.revokeToken(tokenId);
    sendJson(response, 200, { success: true, message: 'Logged out successfully' });
  }

  private list(response: ServerResponse): void {
    this.options.fleet.startDayIfNeeded(Date.now());
    sendJson(response, 200, { success: true, data: this.options.fleet.all().map(listItem) });
  }

  private monitoring(response: ServerResponse): void {
    const { fleet, monitoringShape } = this.options;
    const data = monitoringShape === 'newer' ? newerMonitoring(fleet) : olderMonitoring(fleet, Date.now());
    sendJson(response, 200, { success: true, data });
  }

  /** Only plain numeric ids name a machine. */
  private machine(id: string | undefined): Machine | undefined {
    return id !== undefined && /^\d+$/.test(id) ? this.options.fleet.get(Number(id)) : undefined;
  }

  private details(response: ServerResponse, { params }: Request): void {
    const machine = this.machine(params[0]);
    if (!machine) {
      sendJson(response, 404, RVM_NOT_FOUND);
      return;
    }
    this.options.fleet.startDayIfNeeded(Date.now());
    sendJson(response, 200, { success: true, data: details(machine, Date.now()) });
  }

  /** Validation comes before the lookup, as in the platform's controller. */
  private updateStatus(response: ServerResponse, { http, input, params }: Request): void {
    const status = input.status;
    if (status === undefined || status === null || status === '') {
      validationFailed(response, { status: ['The status field is required.'] });
      return;
    }
    if (!isRvmStatus(status)) {
      validationFailed(response, { status: ['The selected status is invalid.'] });
      return;
    }
    const machine = this.machine(params[0]);
    if (!machine) {
      sendJson(response, 404, RVM_NOT_FOUND);
      return;
    }
    const socketHeader = http.headers['x-socket-id'];
    const exceptSocketId = typeof socketHeader === 'string' && SOCKET_ID_PATTERN.test(socketHeader) ? socketHeader : undefined;
    const change = applyStatusUpdate(this.options.fleet, this.options.broadcaster, machine, status, exceptSocketId);
    sendJson(response, 200, {
      success: true,
      message: 'RVM status updated successfully',
      data: { rvm_id: params[0], ...change },
    });
  }

  private updateSettings(response: ServerResponse, { input, params }: Request): void {
    const errors: FieldErrors = {};
    const pin = input.admin_access_pin;
    if (pin !== undefined && pin !== null) {
      if (typeof pin !== 'string') errors.admin_access_pin = ['The admin access pin field must be a string.'];
      else if ([...pin].length < 4) errors.admin_access_pin = ['The admin access pin field must be at least 4 characters.'];
      else if ([...pin].length > 8) errors.admin_access_pin = ['The admin access pin field must not be greater than 8 characters.'];
    }
    for (const field of ['remote_access_enabled', 'kiosk_mode_enabled'] as const) {
      if (Object.hasOwn(input, field) && !BOOLEAN_VALUES.includes(input[field])) {
        errors[field] = [`The ${field.replaceAll('_', ' ')} field must be true or false.`];
      }
    }
    const pos = input.pos_settings;
    // A JSON object or list is what PHP calls an array.
    if (pos !== undefined && pos !== null && typeof pos !== 'object') errors.pos_settings = ['The pos settings field must be an array.'];
    if (Object.keys(errors).length > 0) {
      validationFailed(response, errors);
      return;
    }
    const machine = this.machine(params[0]);
    if (!machine) {
      sendJson(response, 404, RVM_NOT_FOUND);
      return;
    }
    if (Object.hasOwn(input, 'admin_access_pin')) machine.admin_access_pin = typeof pin === 'string' ? pin : null;
    if (Object.hasOwn(input, 'remote_access_enabled')) machine.remote_access_enabled = Boolean(Number(input.remote_access_enabled));
    if (Object.hasOwn(input, 'kiosk_mode_enabled')) machine.kiosk_mode_enabled = Boolean(Number(input.kiosk_mode_enabled));
    if (Object.hasOwn(input, 'pos_settings')) machine.pos_settings = pos ?? null;
    machine.updated_at = Date.now();
    sendJson(response, 200, { success: true, message: 'RVM settings updated successfully', data: fullModel(machine) });
  }

  /**
   * Laravel's Broadcast::auth. The stock route sits behind the session guard, so a bearer token is
   * nobody there (403). A bad socket id makes Laravel's Pusher SDK throw, which Laravel answers with 500.
   */
  private broadcastingAuth(response: ServerResponse, request: IncomingMessage, input: Input, mode: 'bearer' | 'session'): void {
    const forbidden = (): void => sendJson(response, 403, { message: '' });
    if (mode === 'session') {
      forbidden();
      return;
    }
    const session = this.options.accounts.authenticate(request.headers.authorization);
    if (!session) {
      sendJson(response, 401, UNAUTHENTICATED);
      return;
    }
    const channel = input.channel_name;
    const rule = typeof channel === 'string' ? CHANNEL_RULES.find(({ pattern }) => pattern.test(channel)) : undefined;
    if (typeof channel !== 'string' || !rule || !rule.allows(session.account)) {
      forbidden();
      return;
    }
    const socketId = input.socket_id;
    if (typeof socketId !== 'string' || !SOCKET_ID_PATTERN.test(socketId)) {
      sendJson(response, 500, { message: 'Server Error' });
      return;
    }
    const { appKey, appSecret } = this.options;
    if (channel.startsWith('presence-')) {
      const { id, name, role } = session.account;
      const channelData = JSON.stringify({ user_id: id, user_info: { id, name, role } });
      sendJson(response, 200, { auth: channelAuth(appKey, appSecret, socketId, channel, channelData), channel_data: channelData });
      return;
    }
    sendJson(response, 200, { auth: channelAuth(appKey, appSecret, socketId, channel) });
  }
}
