// Helpers for the demo server's tests: awaiting conditions, raw Pusher sockets, signing in, Echo clients.
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from './accounts';
import type { DemoServer } from './index';

/** Resolves with the first truthy value `probe` returns, polling; rejects after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Frame {
  readonly event: string;
  readonly channel?: string;
  readonly data?: unknown;
  readonly [key: string]: unknown;
}

/** `data` of a frame, parsed when it is a JSON string (as Pusher sends it). */
export function frameData(frame: Frame): Record<string, unknown> {
  return typeof frame.data === 'string' ? (JSON.parse(frame.data) as Record<string, unknown>) : (frame.data as Record<string, unknown>);
}

/** A bare WebSocket speaking Pusher frames by hand, recording everything it receives. */
export class RawSocket {
  readonly frames: Frame[] = [];
  readonly ws: WebSocket;
  closeCode: number | undefined;
  private cursor = 0;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data) => this.frames.push(JSON.parse(String(data)) as Frame));
    this.ws.on('close', (code) => {
      this.closeCode = code;
    });
    this.ws.on('error', () => undefined);
  }

  static async open(server: DemoServer, key = server.key): Promise<RawSocket> {
    const socket = new RawSocket(`ws://${server.wsHost}:${server.wsPort}/app/${key}?protocol=7&client=js&version=8.6.0&flash=false`);
    await new Promise<void>((resolve, reject) => {
      socket.ws.once('open', () => resolve());
      socket.ws.once('error', reject);
    });
    return socket;
  }

  /** The socket id from `pusher:connection_established`. */
  async socketId(): Promise<string> {
    const established = await waitFor(() => this.frames.find((f) => f.event === 'pusher:connection_established'), 5000, 'connection_established');
    return frameData(established).socket_id as string;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next frame (after those already taken) that matches. */
  async next(match: (frame: Frame) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    return waitFor(() => {
      const index = this.frames.findIndex((frame, i) => i >= this.cursor && match(frame));
      if (index === -1) return undefined;
      this.cursor = index + 1;
      return this.frames[index];
    }, timeoutMs, 'a matching frame');
  }

  async closed(timeoutMs = 5000): Promise<number> {
    return waitFor(() => this.closeCode, timeoutMs, 'the socket to close');
  }

  close(): void {
    this.ws.terminate();
  }
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export async function getJson(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Signs in through the REST API and returns the bearer token. */
export async function login(server: DemoServer, email: string, password = DEMO_PASSWORD): Promise<string> {
  const reply = await postJson(`${server.url}/api/v2/auth/login`, { email, password });
  if (reply.status !== 200) throw new Error(`login of ${email} failed with ${reply.status}`);
  return (reply.body as { data: { token: string } }).data.token;
}

/** A laravel-echo client on pusher-js's Node build, configured as the desktop app does. */
export function createEcho(server: DemoServer, token?: string, authEndpoint = `${server.url}/api/broadcasting/auth`): Echo<'reverb'> {
  return new Echo({
    broadcaster: 'reverb',
    key: server.key,
    wsHost: server.wsHost,
    wsPort: server.wsPort,
    wssPort: server.wsPort,
    forceTLS: false,
    enabledTransports: ['ws', 'wss'],
    authEndpoint,
    auth: { headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
    Pusher,
  });
}

/** The pusher-js connection state behind an Echo client. */
export function connectionState(echo: Echo<'reverb'>): string {
  return (echo.connector as unknown as { pusher: Pusher }).pusher.connection.state;
}
