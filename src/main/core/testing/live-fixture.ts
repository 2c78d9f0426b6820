import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoServer, DemoServerOptions } from '../../../demo-server/index';
import { startDemoServer } from '../../../demo-server/index';
import type { EventName, EventPayload } from '../../../shared/contract';
import { ControlRoom } from '../control-room';
import { MemorySecretStore } from '../profiles/secret-store';

/** A demo server on a free port and a control room signed in to it, with its data in a temp folder. */
export interface LiveFixture {
  server: DemoServer;
  room: ControlRoom;
  dataDir: string;
  profileId: string;
  secrets: MemorySecretStore;
  /** Every event the core pushed, by name, in order. */
  pushed: { [E in EventName]: EventPayload<E>[] };
  close(): Promise<void>;
}

export const OPERATOR = { email: 'operator@demo.rvm', password: 'demo12345' };

export async function liveFixture(
  options: { demo?: DemoServerOptions; authPath?: string; signIn?: { email: string; password: string } | null; pollIntervalMs?: number } = {},
): Promise<LiveFixture> {
  const server = await startDemoServer({ port: 0, rate: 0, dashboardIntervalMs: 500, ...options.demo });
  const dataDir = mkdtempSync(join(tmpdir(), 'rvm-core-'));
  const secrets = new MemorySecretStore();
  const { controlRoom: room } = await ControlRoom.open({ dataDir, runtime: 'hub', secrets, pollIntervalMs: options.pollIntervalMs });
  const pushed = { 'connection.state': [], 'fleet.patch': [], 'session.changed': [], 'notification.request': [], 'machine.focus': [] } as unknown as LiveFixture['pushed'];
  room.events.onAny((name, payload) => (pushed[name] as unknown[]).push(payload));
  const saved = await room.handlers['profiles.save'](
    {
      profile: {
        name: 'Test fleet',
        apiBaseUrl: `${server.url}/api/v2`,
        reverb: { key: server.key, host: server.wsHost, port: server.wsPort, scheme: 'http' },
        authEndpoint: `${server.url}${options.authPath ?? '/api/broadcasting/auth'}`,
        timezone: 'Asia/Jakarta',
        email: null,
      },
    },
    { access: 'operate', via: 'ipc' },
  );
  if (!saved.ok) throw new Error(saved.message);
  const credentials = options.signIn === undefined ? OPERATOR : options.signIn;
  if (credentials) {
    const signedIn = await room.signIn(saved.value.id, credentials.email, credentials.password);
    if (!signedIn.ok) throw new Error(signedIn.message);
  }
  return {
    server,
    room,
    dataDir,
    profileId: saved.value.id,
    secrets,
    pushed,
    close: async () => {
      await room.close();
      await server.stop();
    },
  };
}

/** Resolves once `probe` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Publishes through Reverb's HTTP API exactly as Laravel does (signed query, PROTOCOL.md), with any
 * `data` string at all: the way hostile or broken payloads reach a client.
 */
export async function publishRaw(server: DemoServer, event: { name: string; channel: string; data: string }): Promise<number> {
  const body = JSON.stringify({ name: event.name, channel: event.channel, data: event.data });
  const path = `/apps/${server.appId}/events`;
  const params: Record<string, string> = {
    auth_key: server.key,
    auth_timestamp: String(Math.floor(Date.now() / 1000)),
    auth_version: '1.0',
    body_md5: createHash('md5').update(body).digest('hex'),
  };
  const query = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
  const signature = createHmac('sha256', server.secret).update(`POST\n${path}\n${query}`).digest('hex');
  const response = await fetch(`${server.url}${path}?${query}&auth_signature=${signature}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return response.status;
}
