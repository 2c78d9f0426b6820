// Reverb's HTTP API, driven by the official `pusher` server SDK (the way Laravel publishes).
import Pusher from 'pusher';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './index';
import { channelAuth } from './protocol';
import { frameData, RawSocket } from './test-support';

let server: DemoServer | undefined;
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server?.stop();
  server = undefined;
});

async function start(): Promise<DemoServer> {
  server = await startDemoServer({ port: 0, rate: 0 });
  return server;
}

function sdk(target: DemoServer, secret = target.secret, appId = target.appId): Pusher {
  return new Pusher({ appId, key: target.key, secret, host: target.wsHost, port: String(target.wsPort), useTLS: false });
}

async function subscribed(target: DemoServer, channel: string): Promise<RawSocket> {
  const socket = await RawSocket.open(target);
  sockets.push(socket);
  const socketId = await socket.socketId();
  const auth = channel.startsWith('private-') ? channelAuth(target.key, target.secret, socketId, channel) : '';
  socket.send({ event: 'pusher:subscribe', data: { channel, auth } });
  await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
  return socket;
}

/** POST through the SDK's signing; its types say the body is a string, but it JSON-encodes whatever it gets. */
function post(publisher: Pusher, path: string, body: object): Promise<unknown> {
  return publisher.post({ path, body: body as unknown as string });
}

/** The SDK throws a RequestError carrying the status and body for any reply of 400 or more. */
async function failure(request: Promise<unknown>): Promise<{ status: number; body: string }> {
  try {
    await request;
  } catch (error) {
    const { status, body } = error as { status: number; body: string };
    return { status, body };
  }
  throw new Error('the request succeeded');
}

describe('Reverb HTTP API', () => {
  it('publishes trigger and triggerBatch to subscribers, leaving out socket_id', async () => {
    const target = await start();
    const publisher = sdk(target);
    const [statusSocket, privateSocket] = [await subscribed(target, 'rvm-status'), await subscribed(target, 'private-admin-dashboard')];

    const reply = await publisher.trigger(['rvm-status', 'private-admin-dashboard'], 'rvm.status.updated', { rvm_id: 1, status: 'full' });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({});
    for (const socket of [statusSocket, privateSocket]) {
      const frame = await socket.next((f) => f.event === 'rvm.status.updated');
      expect(typeof frame.data).toBe('string');
      expect(frameData(frame)).toEqual({ rvm_id: 1, status: 'full' });
    }

    const batch = await publisher.triggerBatch([
      { channel: 'rvm-status', name: 'first', data: { n: 1 } },
      { channel: 'private-admin-dashboard', name: 'second', data: { n: 2 } },
    ]);
    expect(await batch.json()).toEqual({ batch: {} });
    expect(frameData(await statusSocket.next((f) => f.event === 'first'))).toEqual({ n: 1 });
    expect(frameData(await privateSocket.next((f) => f.event === 'second'))).toEqual({ n: 2 });

    await publisher.trigger('rvm-status', 'skipped', {}, { socket_id: await statusSocket.socketId() });
    await publisher.trigger('rvm-status', 'after', {});
    const next = await statusSocket.next((f) => f.event === 'skipped' || f.event === 'after');
    expect(next.event).toBe('after');
  });

  it('lists channels, one channel, presence users and connections', async () => {
    const target = await start();
    const publisher = sdk(target);
    await subscribed(target, 'rvm-status');
    await subscribed(target, 'rvm-status');
    await subscribed(target, 'rvm.4');

    const channels = await publisher.get({ path: '/channels', params: { info: 'subscription_count' } });
    expect(await channels.json()).toEqual({ channels: { 'rvm-status': { subscription_count: 2 }, 'rvm.4': { subscription_count: 1 } } });
    const filtered = await publisher.get({ path: '/channels', params: { filter_by_prefix: 'rvm.' } });
    expect(await filtered.json()).toEqual({ channels: { 'rvm.4': {} } });
    const one = await publisher.get({ path: '/channels/rvm-status', params: { info: 'subscription_count' } });
    expect(await one.json()).toEqual({ occupied: true, subscription_count: 2 });
    const empty = await publisher.get({ path: '/channels/nobody-here' });
    expect(await empty.json()).toEqual({ occupied: false });
    const connections = await publisher.get({ path: '/connections' });
    expect(await connections.json()).toEqual({ connections: 3 });
    expect((await failure(publisher.get({ path: '/channels/rvm-status/users' }))).status).toBe(400);
    expect((await failure(publisher.get({ path: '/channels/presence-none/users' }))).status).toBe(404);
  });

  it('answers a wrong signature with 401 "Authentication signature invalid."', async () => {
    const target = await start();
    const wrong = await failure(sdk(target, 'not-the-secret').trigger('rvm-status', 'x', {}));
    expect(wrong).toEqual({ status: 401, body: 'Authentication signature invalid.' });
    const unsigned = await fetch(`${target.url}/apps/${target.appId}/channels`);
    expect(unsigned.status).toBe(401);
  });

  it('answers an unknown app id with 404', async () => {
    const target = await start();
    expect(await failure(sdk(target, target.secret, 'other-app').trigger('rvm-status', 'x', {}))).toEqual({
      status: 404,
      body: 'No matching application for ID [other-app].',
    });
  });

  it('refuses a body over 10,000 bytes with 413', async () => {
    const target = await start();
    const body = { name: 'big', channel: 'rvm-status', data: JSON.stringify({ padding: 'x'.repeat(10_000) }) };
    expect((await failure(post(sdk(target), '/events', body))).status).toBe(413);
  });

  it('validates event bodies (422) and survives hostile ones', async () => {
    const target = await start();
    const publisher = sdk(target);
    const invalid = await failure(post(publisher, '/events', { name: 'x', data: { not: 'a string' }, channels: 'rvm-status' }));
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body)).toEqual({ data: ['The data field must be a string.'], channels: ['The channels field must be an array.'] });
    const batch = await failure(post(publisher, '/batch_events', { batch: [{ name: 'x' }] }));
    expect(JSON.parse(batch.body)).toEqual({ 'batch.0.data': ['The batch.0.data field is required.'], 'batch.0.channel': ['The batch.0.channel field is required.'] });
    const up = await fetch(`${target.url}/up`);
    expect(await up.json()).toEqual({ health: 'OK' });
  });
});
