// Pusher connections, channels and presence, behaving like Reverb's Pusher server.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isRecord } from './json-value';
import {
  channelAuthValid,
  channelEventFrame,
  channelKind,
  connectionEstablishedFrame,
  errorFrame,
  internalFrame,
  newSocketId,
  PING_FRAME,
  PONG_FRAME,
  PUSHER_ERRORS,
  type ChannelKind,
  type PusherError,
} from './protocol';

export interface SocketServerOptions {
  readonly appKey: string;
  readonly appSecret: string;
  readonly activityTimeoutS: number;
  /** Silence after which a connection is pinged, and after a further check, pruned. */
  readonly pingIntervalMs: number;
  /** How often idle connections are checked (Reverb: every 60 s). */
  readonly pruneCheckMs: number;
  readonly maxMessageSize: number;
  readonly log: (line: string) => void;
}

interface Connection {
  readonly socketId: string;
  readonly ws: WebSocket;
  lastSeen: number;
  pinged: boolean;
  readonly channels: Set<string>;
}

type UserId = string | number;

interface PresenceMember {
  readonly user_id: UserId;
  readonly user_info?: unknown;
}

interface Subscription {
  readonly connection: Connection;
  readonly member?: PresenceMember;
}

interface Channel {
  readonly name: string;
  readonly kind: ChannelKind;
  readonly subscriptions: Map<string, Subscription>;
}

export interface ChannelSummary {
  readonly name: string;
  readonly kind: ChannelKind;
  readonly subscriptionCount: number;
}

/** The WebSocket path, optionally behind a prefix, as Reverb routes it: `[/prefix]/app/{key}`. */
const APP_PATH = /\/app\/([^/]+)$/;

class InvalidMessage extends Error {
  constructor(readonly error: PusherError = PUSHER_ERRORS.invalidMessage) {
    super(error.message);
  }
}


function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidMessage();
  return value;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export class PusherSocketServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Map<string, Connection>();
  private readonly channels = new Map<string, Channel>();
  private readonly pruneTimer: NodeJS.Timeout;
  private refuseUntil = 0;

  constructor(private readonly options: SocketServerOptions) {
    // ws closes with 1009 by itself when a frame exceeds maxPayload.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageSize });
    this.pruneTimer = setInterval(() => this.pruneIdle(), options.pruneCheckMs);
    this.pruneTimer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const match = APP_PATH.exec(path);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 10\r\n\r\nNot found.');
      return;
    }
    if (Date.now() < this.refuseUntil) {
      socket.destroy();
      return;
    }
    const key = match[1] ?? '';
    this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, key));
  }

  /** Reject every upgrade for `ms`, the way a restarting server refuses connections. */
  refuseSockets(ms: number): void {
    this.refuseUntil = Date.now() + ms;
  }

  /** Terminate every socket abruptly (clients see 1006), as a Reverb restart would. */
  dropAll(): number {
    const count = this.connections.size;
    for (const connection of this.connections.values()) connection.ws.terminate();
    return count;
  }

  /** Sends one event to every subscriber of each channel, except the socket named; one frame per channel. */
  publish(channels: readonly string[], event: string, data: string, exceptSocketId?: string): void {
    for (const name of channels) {
      const channel = this.channels.get(name);
      if (channel) this.sendToOthers(channel, exceptSocketId, channelEventFrame(event, name, data));
    }
  }

  hasSubscribers(channels: readonly string[]): boolean {
    return channels.some((name) => this.channels.has(name));
  }

  hasConnection(socketId: string): boolean {
    return this.connections.has(socketId);
  }

  channelSummaries(): ChannelSummary[] {
    return [...this.channels.values()].map(({ name, kind, subscriptions }) => ({
      name,
      kind,
      subscriptionCount: subscriptions.size,
    }));
  }

  channelSummary(name: string): ChannelSummary | undefined {
    const channel = this.channels.get(name);
    return channel && { name, kind: channel.kind, subscriptionCount: channel.subscriptions.size };
  }

  /** One entry per subscribed connection, as Reverb's users endpoint lists them. */
  presenceUserIds(name: string): UserId[] | undefined {
    const channel = this.channels.get(name);
    if (!channel) return undefined;
    return [...channel.subscriptions.values()].flatMap(({ member }) => (member ? [member.user_id] : []));
  }

  async close(): Promise<void> {
    clearInterval(this.pruneTimer);
    this.dropAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private open(ws: WebSocket, key: string): void {
    ws.on('error', (error) => this.options.log(`socket error: ${error.message}`));
    if (key !== this.options.appKey) {
      ws.send(errorFrame(PUSHER_ERRORS.unknownApp));
      ws.close();
      return;
    }
    const connection: Connection = {
      socketId: newSocketId(),
      ws,
      lastSeen: Date.now(),
      pinged: false,
      channels: new Set(),
    };
    this.connections.set(connection.socketId, connection);
    ws.on('message', (data) => this.receive(connection, data));
    ws.on('ping', () => this.touch(connection));
    ws.on('close', () => this.disconnect(connection));
    ws.send(connectionEstablishedFrame(connection.socketId, this.options.activityTimeoutS));
  }

  private touch(connection: Connection): void {
    connection.lastSeen = Date.now();
    connection.pinged = false;
  }

  private receive(connection: Connection, data: RawData): void {
    this.touch(connection);
    try {
      let message: unknown;
      try {
        message = JSON.parse(rawText(data));
      } catch {
        throw new InvalidMessage();
      }
      if (!isRecord(message) || typeof message.event !== 'string') throw new InvalidMessage();
      if (message.event.startsWith('pusher:')) {
        this.handleProtocolEvent(connection, message.event, message.data ?? {});
      } else {
        this.handleClientEvent(connection, message);
      }
    } catch (error) {
      // Like Reverb, anything that goes wrong with a message is reported as a bad message.
      if (!(error instanceof InvalidMessage)) this.options.log(`message from ${connection.socketId} failed: ${String(error)}`);
      connection.ws.send(errorFrame(error instanceof InvalidMessage ? error.error : PUSHER_ERRORS.invalidMessage));
    }
  }

  private handleProtocolEvent(connection: Connection, event: string, data: unknown): void {
    switch (event) {
      case 'pusher:ping':
        connection.ws.send(PONG_FRAME);
        return;
      case 'pusher:pong':
        return;
      case 'pusher:subscribe': {
        if (!isRecord(data) || typeof data.channel !== 'string') throw new InvalidMessage();
        this.subscribe(connection, data.channel, optionalString(data.auth), optionalString(data.channel_data));
        return;
      }
      case 'pusher:unsubscribe': {
        if (!isRecord(data) || typeof data.channel !== 'string') throw new InvalidMessage();
        this.unsubscribe(connection, data.channel);
        return;
      }
      default:
        throw new InvalidMessage();
    }
  }

  private subscribe(connection: Connection, name: string, auth?: string, channelData?: string): void {
    const kind = channelKind(name);
    let member: PresenceMember | undefined;
    if (kind !== 'public') {
      const signed = auth !== undefined && channelAuthValid(
        this.options.appSecret,
        connection.socketId,
        name,
        auth,
        kind === 'presence' ? channelData : undefined,
      );
      if (!signed) throw new InvalidMessage(PUSHER_ERRORS.unauthorized);
    }
    if (kind === 'presence') member = parseMember(channelData);

    let channel = this.channels.get(name);
    if (!channel) {
      channel = { name, kind, subscriptions: new Map() };
      this.channels.set(name, channel);
    }
    const alreadyPresent = member !== undefined && memberPresent(channel, member.user_id);
    channel.subscriptions.set(connection.socketId, { connection, member });
    connection.channels.add(name);

    if (member && !alreadyPresent) {
      this.sendToOthers(channel, connection.socketId, internalFrame('member_added', name, member));
    }
    connection.ws.send(internalFrame('subscription_succeeded', name, kind === 'presence' ? presenceData(channel) : {}));
  }

  private unsubscribe(connection: Connection, name: string): void {
    const channel = this.channels.get(name);
    const subscription = channel?.subscriptions.get(connection.socketId);
    connection.channels.delete(name);
    if (!channel || !subscription) return;
    channel.subscriptions.delete(connection.socketId);
    if (channel.subscriptions.size === 0) {
      this.channels.delete(name);
      return;
    }
    const { member } = subscription;
    if (member && !memberPresent(channel, member.user_id)) {
      this.sendToOthers(channel, connection.socketId, internalFrame('member_removed', name, { user_id: member.user_id }));
    }
  }

  /** Client events (`client-…`) go to the other subscribers; the sender must be subscribed. */
  private handleClientEvent(connection: Connection, message: Record<string, unknown>): void {
    const { event, channel: name, data } = message;
    if (typeof event !== 'string' || typeof name !== 'string') throw new InvalidMessage();
    if (data !== undefined && data !== null && typeof data !== 'object') throw new InvalidMessage();
    if (!event.startsWith('client-')) return;
    const channel = this.channels.get(name);
    const subscription = channel?.subscriptions.get(connection.socketId);
    if (!channel || !subscription) throw new InvalidMessage(PUSHER_ERRORS.notAMember);
    const relayed: Record<string, unknown> = { event, channel: name, data: data ?? null };
    if (subscription.member) relayed.user_id = subscription.member.user_id;
    this.sendToOthers(channel, connection.socketId, JSON.stringify(relayed));
  }

  private sendToOthers(channel: Channel, exceptSocketId: string | undefined, frame: string): void {
    for (const [socketId, { connection }] of channel.subscriptions) {
      if (socketId !== exceptSocketId) connection.ws.send(frame);
    }
  }

  private disconnect(connection: Connection): void {
    for (const name of [...connection.channels]) this.unsubscribe(connection, name);
    this.connections.delete(connection.socketId);
  }

  /** Reverb's two periodic jobs: prune connections pinged and still silent, then ping the silent ones. */
  private pruneIdle(): void {
    const now = Date.now();
    for (const connection of this.connections.values()) {
      if (now - connection.lastSeen < this.options.pingIntervalMs) continue;
      if (connection.pinged) {
        connection.ws.send(errorFrame(PUSHER_ERRORS.pongTimeout));
        this.disconnect(connection);
        connection.ws.close();
      } else {
        connection.ws.send(PING_FRAME);
        connection.pinged = true;
      }
    }
  }
}

function parseMember(channelData: string | undefined): PresenceMember {
  let parsed: unknown;
  try {
    parsed = JSON.parse(channelData ?? '');
  } catch {
    throw new InvalidMessage();
  }
  if (!isRecord(parsed)) throw new InvalidMessage();
  const userId = parsed.user_id;
  if (!(typeof userId === 'string' && userId !== '') && typeof userId !== 'number') throw new InvalidMessage();
  return { user_id: userId, user_info: parsed.user_info };
}

function memberPresent(channel: Channel, userId: UserId): boolean {
  const wanted = String(userId);
  for (const { member } of channel.subscriptions.values()) {
    if (member && String(member.user_id) === wanted) return true;
  }
  return false;
}

function presenceData(channel: Channel): { presence: { count: number; ids: UserId[]; hash: Record<string, unknown> } } {
  const members = new Map<string, PresenceMember>();
  for (const { member } of channel.subscriptions.values()) {
    if (member && !members.has(String(member.user_id))) members.set(String(member.user_id), member);
  }
  const ids = [...members.values()].map((member) => member.user_id);
  const hash = Object.fromEntries([...members].map(([id, member]) => [id, member.user_info ?? null]));
  return { presence: { count: ids.length, ids, hash } };
}
