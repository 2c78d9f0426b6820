import { z } from 'zod';
import type { ErrorCode } from '../../../shared/contract';
import type { RvmStatus } from '../../../shared/statuses';

/** A failed call, as a value: what kind of failure, and words an operator can act on. */
export interface PlatformFailure {
  ok: false;
  code: Extract<ErrorCode, 'unauthenticated' | 'forbidden' | 'not-found' | 'validation' | 'network' | 'server'>;
  message: string;
  /** The HTTP status, when the server answered. */
  status: number | null;
  /** A TLS problem (expired or self-signed certificate, wrong host name). */
  tls?: boolean;
}
export type PlatformResult<T> = { ok: true; value: T; serverDate: number | null } | PlatformFailure;

const UserSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  name: z.string().max(500),
  email: z.string().max(254),
  role: z.string().max(100).nullable().optional(),
});
export type PlatformUser = z.infer<typeof UserSchema>;

const LoginSchema = z.object({
  success: z.literal(true),
  data: z.object({ user: UserSchema, token: z.string().min(1).max(1000) }),
});
const MeSchema = z.object({ success: z.literal(true), data: z.object({ user: UserSchema }) });
const RolesSchema = z.object({
  success: z.literal(true),
  data: z.array(z.object({ id: z.union([z.number(), z.string()]), name: z.string().max(100), slug: z.string().max(100) })),
});
const StatusReplySchema = z.object({
  success: z.literal(true),
  message: z.string().optional(),
  data: z.object({
    rvm_id: z.union([z.number(), z.string()]).transform(String),
    old_status: z.string().max(64).nullable(),
    new_status: z.string().max(64),
    changed_at: z.string().max(64),
  }),
});
export type StatusReply = z.infer<typeof StatusReplySchema>['data'];
const DetailsSchema = z.object({
  success: z.literal(true),
  data: z.object({
    rvm: z.record(z.string(), z.unknown()),
    recent_activity: z.array(z.unknown()).optional(),
    status_info: z.unknown().optional(),
  }),
});
const AnyBodySchema = z.unknown();

const REQUEST_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The MyRVM REST API (CONTRACT.md), spoken with `fetch`. Every answer is checked against its
 * schema; every failure is a value with a message that says what to do.
 */
export class PlatformClient {
  constructor(
    private readonly apiBaseUrl: string,
    private token: string | null = null,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  login(email: string, password: string): Promise<PlatformResult<{ user: PlatformUser; token: string }>> {
    return this.request('POST', '/auth/login', LoginSchema, { body: { email, password }, authenticated: false }).then(
      (result) => (result.ok ? { ...result, value: result.value.data } : result),
    );
  }

  logout(): Promise<PlatformResult<unknown>> {
    return this.request('POST', '/auth/logout', AnyBodySchema);
  }

  me(): Promise<PlatformResult<PlatformUser>> {
    return this.request('GET', '/auth/me', MeSchema).then((result) => (result.ok ? { ...result, value: result.value.data.user } : result));
  }

  roles(): Promise<PlatformResult<Array<{ name: string; slug: string }>>> {
    return this.request('GET', '/users/roles', RolesSchema).then((result) => (result.ok ? { ...result, value: result.value.data } : result));
  }

  /** The raw monitoring body: its two shapes are told apart by monitoring-snapshot.ts. */
  monitoring(): Promise<PlatformResult<unknown>> {
    return this.request('GET', '/admin/rvm/monitoring', AnyBodySchema);
  }

  details(id: string): Promise<PlatformResult<z.infer<typeof DetailsSchema>['data']>> {
    return this.request('GET', `/admin/rvm/${encodeURIComponent(id)}/details`, DetailsSchema).then((result) =>
      result.ok ? { ...result, value: result.value.data } : result,
    );
  }

  /** `socketId` leaves our own socket out of the broadcast that follows (Laravel's `toOthers`). */
  setStatus(id: string, status: RvmStatus, socketId: string | null): Promise<PlatformResult<StatusReply>> {
    return this.request('POST', `/admin/rvm/${encodeURIComponent(id)}/status`, StatusReplySchema, {
      body: { status },
      headers: socketId ? { 'X-Socket-ID': socketId } : {},
    }).then((result) => (result.ok ? { ...result, value: result.value.data } : result));
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    options: { body?: unknown; headers?: Record<string, string>; authenticated?: boolean } = {},
  ): Promise<PlatformResult<z.output<S>>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.authenticated !== false) {
      if (!this.token) return { ok: false, code: 'unauthenticated', message: 'Not signed in.', status: null };
      headers.Authorization = `Bearer ${this.token}`;
    }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.apiBaseUrl.replace(/\/+$/, '') + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      return networkFailure(error, this.apiBaseUrl);
    }
    const serverDate = parseServerDate(response.headers.get('date'));
    const body = await readJson(response);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      if (parsed.success) return { ok: true, value: parsed.data, serverDate };
      return {
        ok: false,
        code: 'server',
        message: `The server's answer to ${method} ${path} was not in the expected form (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}).`,
        status: response.status,
      };
    }
    return httpFailure(response.status, body);
  }
}

function serverMessage(body: unknown): string | null {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message.slice(0, 500);
  return null;
}

function httpFailure(status: number, body: unknown): PlatformFailure {
  const message = serverMessage(body);
  if (status === 401) {
    return { ok: false, code: 'unauthenticated', status, message: message === 'Invalid credentials' ? 'Wrong email or password.' : 'Your session has ended (the token is no longer valid): sign in again.' };
  }
  if (status === 403) return { ok: false, code: 'forbidden', status, message: message ?? 'The server refused: your role may not do this.' };
  if (status === 404) return { ok: false, code: 'not-found', status, message: message ?? 'Not found on the server.' };
  if (status === 422) {
    const errors = body && typeof body === 'object' && 'errors' in body ? (body.errors as Record<string, unknown>) : null;
    const details = errors
      ? Object.entries(errors)
          .map(([field, list]) => `${field}: ${Array.isArray(list) ? list.join(' ') : String(list)}`)
          .join('; ')
          .slice(0, 500)
      : null;
    return { ok: false, code: 'validation', status, message: details ? `${message ?? 'Validation failed'} (${details})` : (message ?? 'Validation failed.') };
  }
  return { ok: false, code: 'server', status, message: `The server answered ${status}${message ? `: ${message}` : '.'}` };
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
  'EPROTO',
]);

function networkFailure(error: unknown, baseUrl: string): PlatformFailure {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  const name = (error as { name?: string })?.name;
  if (TLS_CODES.has(code)) {
    return { ok: false, code: 'network', status: null, tls: true, message: `The secure connection to ${baseUrl} failed (${code}): check the server's certificate, or the URL's scheme.` };
  }
  if (name === 'TimeoutError') return { ok: false, code: 'network', status: null, message: `${baseUrl} did not answer in time.` };
  if (code === 'ECONNREFUSED') return { ok: false, code: 'network', status: null, message: `Nothing is listening at ${baseUrl}: is the API running, and is the URL right?` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ok: false, code: 'network', status: null, message: `The host of ${baseUrl} could not be found.` };
  return { ok: false, code: 'network', status: null, message: `The API at ${baseUrl} could not be reached (${code || cause?.message || String(error)}).` };
}

async function readJson(response: Response): Promise<unknown> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return null;
  try {
    const text = await response.text();
    return text.length > MAX_BODY_BYTES ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function parseServerDate(header: string | null): number | null {
  const time = header ? Date.parse(header) : NaN;
  return Number.isFinite(time) ? time : null;
}
