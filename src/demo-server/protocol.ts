// Pusher protocol 7 as Laravel Reverb speaks it: frames, error codes, signatures.
// Everything here is pure so both the socket server and the HTTP API share one definition.
import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Reverb's defaults (config/reverb.php). */
export const ACTIVITY_TIMEOUT_S = 30;
export const PING_INTERVAL_MS = 60_000;
export const MAX_MESSAGE_SIZE = 10_000;
export const MAX_REQUEST_SIZE = 10_000;

export interface PusherError {
  readonly code: number;
  readonly message: string;
}

export const PUSHER_ERRORS = {
  unknownApp: { code: 4001, message: 'Application does not exist' },
  unauthorized: { code: 4009, message: 'Connection is unauthorized' },
  notAMember: { code: 4009, message: 'The client is not a member of the specified channel.' },
  invalidMessage: { code: 4200, message: 'Invalid message format' },
  pongTimeout: { code: 4201, message: 'Pong reply not received in time' },
} as const satisfies Record<string, PusherError>;

/** WebSocket close code for a frame over `max_message_size` (RFC 6455 "message too big"). */
export const CLOSE_MESSAGE_TOO_BIG = 1009;

export type ChannelKind = 'public' | 'private' | 'presence';

/** Reverb decides a channel's type by its prefix only; encrypted channels are private ones relayed as ciphertext. */
export function channelKind(channel: string): ChannelKind {
  if (channel.startsWith('presence-')) return 'presence';
  if (channel.startsWith('private-')) return 'private';
  return 'public';
}

export function errorFrame(error: PusherError): string {
  return JSON.stringify({ event: 'pusher:error', data: JSON.stringify(error) });
}

export function connectionEstablishedFrame(socketId: string, activityTimeoutS: number): string {
  return JSON.stringify({
    event: 'pusher:connection_established',
    data: JSON.stringify({ socket_id: socketId, activity_timeout: activityTimeoutS }),
  });
}

/** Reverb drops empty `data`, so its ping and pong carry the event name only. */
export const PING_FRAME = JSON.stringify({ event: 'pusher:ping' });
export const PONG_FRAME = JSON.stringify({ event: 'pusher:pong' });

export function internalFrame(event: string, channel: string, data: unknown): string {
  return JSON.stringify({ event: `pusher_internal:${event}`, data: JSON.stringify(data), channel });
}

/** A channel event as clients receive it: `data` stays the JSON string the publisher sent. */
export function channelEventFrame(event: string, channel: string, data: string): string {
  return JSON.stringify({ event, channel, data });
}

/** Two random integers joined by a dot: the only form Laravel's Pusher SDK accepts. */
export function newSocketId(): string {
  return `${randomInt(1, 1_000_000_000)}.${randomInt(1, 1_000_000_000)}`;
}

export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

function channelSignature(secret: string, socketId: string, channel: string, channelData?: string): string {
  const text = channelData ? `${socketId}:${channel}:${channelData}` : `${socketId}:${channel}`;
  return hmacHex(secret, text);
}

/** The `auth` value a broadcasting-auth endpoint returns: `key:hex`. */
export function channelAuth(key: string, secret: string, socketId: string, channel: string, channelData?: string): string {
  return `${key}:${channelSignature(secret, socketId, channel, channelData)}`;
}

/** Constant-time check of the hex part after the first colon, as Reverb's `hash_equals` does. */
export function channelAuthValid(
  secret: string,
  socketId: string,
  channel: string,
  auth: string,
  channelData?: string,
): boolean {
  const colon = auth.indexOf(':');
  const given = Buffer.from(colon === -1 ? '' : auth.slice(colon + 1));
  const expected = Buffer.from(channelSignature(secret, socketId, channel, channelData));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Query keys Reverb leaves out of the signed string (`body_md5` is recomputed from the body). */
const UNSIGNED_QUERY_KEYS = new Set(['auth_signature', 'body_md5', 'appId', 'appKey', 'channelName']);

/**
 * Signature of an HTTP API request: "METHOD\nPATH\nk=v&…" over the sorted, decoded query
 * plus `body_md5` when there is a body, HMAC-SHA256 with the app secret, hex.
 */
export function requestSignature(
  secret: string,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
): string {
  const params = new Map<string, string>();
  for (const [key, value] of query) {
    if (!UNSIGNED_QUERY_KEYS.has(key)) params.set(key, value);
  }
  if (body.length > 0) params.set('body_md5', createHash('md5').update(body).digest('hex'));
  const sorted = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const queryText = sorted.map(([key, value]) => `${key}=${value}`).join('&');
  return hmacHex(secret, `${method}\n${path}\n${queryText}`);
}

export function requestSignatureValid(
  secret: string,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
): boolean {
  const given = Buffer.from(query.get('auth_signature') ?? '');
  const expected = Buffer.from(requestSignature(secret, method, path, query, body));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
