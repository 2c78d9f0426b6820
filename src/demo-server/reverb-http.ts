// Reverb's HTTP API: how Laravel publishes (signed queries), channel information, and the health check.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, sendText } from './http-io';
import { isRecord } from './json-value';
import { requestSignatureValid } from './protocol';
import type { ChannelSummary, PusherSocketServer } from './websocket-server';

export interface ReverbHttpOptions {
  readonly appId: string;
  readonly appSecret: string;
  readonly maxRequestSize: number;
  readonly sockets: PusherSocketServer;
}

type Payload = Record<string, unknown>;
type FieldErrors = Record<string, string[]>;

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handle: (response: ServerResponse, params: RouteParams) => void;
}

interface RouteParams {
  readonly query: URLSearchParams;
  readonly body: Buffer;
  readonly channel: string;
}


function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Laravel's validator messages for the few rules these endpoints use. */
function requireString(payload: Payload, field: string, label: string, errors: FieldErrors): void {
  const value = payload[field];
  if (value === undefined || value === null || value === '') errors[label] = [`The ${label} field is required.`];
  else if (typeof value !== 'string') errors[label] = [`The ${label} field must be a string.`];
}

function optionalString(payload: Payload, field: string, label: string, errors: FieldErrors): void {
  if (payload[field] !== undefined && typeof payload[field] !== 'string') {
    errors[label] = [`The ${label} field must be a string.`];
  }
}

function infoFields(info: string | null | undefined): Set<string> {
  return new Set((info ?? '').split(',').filter((field) => field !== ''));
}

/** Reverb reports `user_count` for presence channels and `subscription_count` for the rest. */
function channelInfo(summary: ChannelSummary | undefined, fields: Set<string>): Payload {
  if (!summary) return fields.has('occupied') ? { occupied: false } : {};
  const info: Payload = {};
  if (fields.has('occupied')) info.occupied = summary.subscriptionCount > 0;
  if (fields.has('user_count') && summary.kind === 'presence') info.user_count = summary.subscriptionCount;
  if (fields.has('subscription_count') && summary.kind !== 'presence') {
    info.subscription_count = summary.subscriptionCount;
  }
  return info;
}

export class ReverbHttpApi {
  private readonly routes: readonly Route[] = [
    { method: 'POST', pattern: /^\/events$/, handle: (res, p) => this.events(res, p) },
    { method: 'POST', pattern: /^\/batch_events$/, handle: (res, p) => this.batchEvents(res, p) },
    { method: 'GET', pattern: /^\/channels$/, handle: (res, p) => this.channels(res, p) },
    { method: 'GET', pattern: /^\/channels\/([^/]+)$/, handle: (res, p) => this.channel(res, p) },
    { method: 'GET', pattern: /^\/channels\/([^/]+)\/users$/, handle: (res, p) => this.users(res, p) },
    { method: 'GET', pattern: /^\/connections$/, handle: (res) => this.connections(res) },
  ];

  constructor(private readonly options: ReverbHttpOptions) {}

  handles(path: string): boolean {
    return path === '/up' || path.startsWith('/apps/');
  }

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    // Reverb refuses an oversized request before it even routes it.
    const read = await readBody(request, this.options.maxRequestSize);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      sendText(response, 413, 'Payload too large.', true);
      return;
    }
    if (url.pathname === '/up') {
      sendJson(response, 200, { health: 'OK' });
      return;
    }
    const match = /^\/apps\/([^/]+)(\/.*)$/.exec(url.pathname);
    const found = match && this.findRoute(match[2] ?? '');
    if (!match || !found) {
      sendText(response, 404, 'Not found.');
      return;
    }
    const { route, channel } = found;
    if (request.method !== route.method) {
      response.setHeader('Allow', route.method);
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    const appId = decodeSegment(match[1] ?? '');
    if (appId !== this.options.appId) {
      sendText(response, 404, `No matching application for ID [${appId ?? match[1]}].`);
      return;
    }
    if (!requestSignatureValid(this.options.appSecret, route.method, url.pathname, url.searchParams, read.body)) {
      sendText(response, 401, 'Authentication signature invalid.');
      return;
    }
    route.handle(response, { query: url.searchParams, body: read.body, channel });
  }

  private findRoute(rest: string): { route: Route; channel: string } | undefined {
    for (const route of this.routes) {
      const match = route.pattern.exec(rest);
      if (!match) continue;
      const channel = match[1] === undefined ? '' : decodeSegment(match[1]);
      return channel === undefined ? undefined : { route, channel };
    }
    return undefined;
  }

  /**
   * Reverb answers a body that is not JSON with a 500 (its decoder throws); the demo does the same
   * so that a client's handling of that reply is exercised. A JSON array validates like an empty object.
   */
  private parsePayload(response: ServerResponse, body: Buffer): Payload | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      sendText(response, 500, 'Internal server error.');
      return undefined;
    }
    if (Array.isArray(parsed)) return {};
    if (!isRecord(parsed)) {
      sendText(response, 500, 'Internal server error.');
      return undefined;
    }
    return parsed;
  }

  private exceptSocket(socketId: unknown): string | undefined {
    return typeof socketId === 'string' && this.options.sockets.hasConnection(socketId) ? socketId : undefined;
  }

  private events(response: ServerResponse, { body }: RouteParams): void {
    const payload = this.parsePayload(response, body);
    if (!payload) return;
    const errors: FieldErrors = {};
    requireString(payload, 'name', 'name', errors);
    requireString(payload, 'data', 'data', errors);
    let channels: string[] = [];
    if (payload.channels !== undefined) {
      if (!Array.isArray(payload.channels)) errors.channels = ['The channels field must be an array.'];
      else {
        payload.channels.forEach((channel: unknown, index) => {
          if (typeof channel !== 'string') errors[`channels.${index}`] = [`The channels.${index} field must be a string.`];
        });
        channels = payload.channels.filter((channel): channel is string => typeof channel === 'string');
      }
    } else if (payload.channel === undefined) {
      errors.channels = ['The channels field is required when channel is not present.'];
      errors.channel = ['The channel field is required when channels is not present.'];
    } else if (typeof payload.channel !== 'string') {
      errors.channel = ['The channel field must be a string.'];
    } else {
      channels = [payload.channel];
    }
    optionalString(payload, 'socket_id', 'socket_id', errors);
    optionalString(payload, 'info', 'info', errors);
    if (Object.keys(errors).length > 0) {
      sendJson(response, 422, errors);
      return;
    }
    const { sockets } = this.options;
    sockets.publish(channels, payload.name as string, payload.data as string, this.exceptSocket(payload.socket_id));
    if (typeof payload.info === 'string') {
      const fields = infoFields(payload.info);
      const info = Object.fromEntries(channels.map((name) => [name, channelInfo(sockets.channelSummary(name), fields)]));
      sendJson(response, 200, { channels: info });
      return;
    }
    sendJson(response, 200, {});
  }

  private batchEvents(response: ServerResponse, { body }: RouteParams): void {
    const payload = this.parsePayload(response, body);
    if (!payload) return;
    const errors: FieldErrors = {};
    const batch = payload.batch;
    if (!Array.isArray(batch)) {
      errors.batch = [batch === undefined ? 'The batch field is required.' : 'The batch field must be an array.'];
    } else {
      batch.forEach((item: unknown, index) => {
        const entry = isRecord(item) ? item : {};
        requireString(entry, 'name', `batch.${index}.name`, errors);
        requireString(entry, 'data', `batch.${index}.data`, errors);
        requireString(entry, 'channel', `batch.${index}.channel`, errors);
        optionalString(entry, 'socket_id', `batch.${index}.socket_id`, errors);
        optionalString(entry, 'info', `batch.${index}.info`, errors);
      });
    }
    if (!Array.isArray(batch) || Object.keys(errors).length > 0) {
      sendJson(response, 422, errors);
      return;
    }
    const { sockets } = this.options;
    const items = batch as Payload[];
    const infos = items.map((item) => {
      const channel = item.channel as string;
      sockets.publish([channel], item.name as string, item.data as string, this.exceptSocket(item.socket_id));
      return typeof item.info === 'string' ? channelInfo(sockets.channelSummary(channel), infoFields(item.info)) : {};
    });
    const anyInfo = infos.some((info) => Object.keys(info).length > 0);
    sendJson(response, 200, { batch: anyInfo ? infos : {} });
  }

  private channels(response: ServerResponse, { query }: RouteParams): void {
    const prefix = query.get('filter_by_prefix') ?? '';
    const fields = infoFields(query.get('info'));
    const channels = this.options.sockets
      .channelSummaries()
      .filter((summary) => summary.name.startsWith(prefix) && summary.subscriptionCount > 0)
      .map((summary) => [summary.name, channelInfo(summary, fields)] as const);
    sendJson(response, 200, { channels: Object.fromEntries(channels) });
  }

  private channel(response: ServerResponse, { query, channel }: RouteParams): void {
    const fields = infoFields(query.get('info'));
    fields.add('occupied');
    sendJson(response, 200, channelInfo(this.options.sockets.channelSummary(channel), fields));
  }

  private users(response: ServerResponse, { channel }: RouteParams): void {
    const summary = this.options.sockets.channelSummary(channel);
    if (!summary) {
      sendJson(response, 404, {});
      return;
    }
    if (summary.kind !== 'presence') {
      sendJson(response, 400, {});
      return;
    }
    const ids = this.options.sockets.presenceUserIds(channel) ?? [];
    sendJson(response, 200, { users: ids.map((id) => ({ id })) });
  }

  private connections(response: ServerResponse): void {
    sendJson(response, 200, { connections: this.options.sockets.connectionCount });
  }
}
