// Raw Pusher frames against the socket server: the handshake, errors and closes of PROTOCOL.md.
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer, type DemoServerOptions } from './index';
import { channelAuth } from './protocol';
import { frameData, RawSocket } from './test-support';

let server: DemoServer | undefined;
const sockets: RawSocket[] = [];

async function start(options: DemoServerOptions = {}): Promise<DemoServer> {
  server = await startDemoServer({ port: 0, rate: 0, ...options });
  return server;
}

async function open(target: DemoServer, key?: string): Promise<RawSocket> {
  const socket = await RawSocket.open(target, key);
  sockets.push(socket);
  return socket;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server?.stop();
  server = undefined;
});

const isError = (code: number) => (frame: { event: string; data?: unknown }) =>
  frame.event === 'pusher:error' && frameData(frame).code === code;

describe('Pusher WebSocket server', () => {
  it('greets with a socket id of two integers and a non-zero activity timeout', async () => {
    const socket = await open(await start());
    const established = await socket.next((f) => f.event === 'pusher:connection_established');
    const data = frameData(established);
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(30);
    expect(typeof established.data).toBe('string');
  });

  it('answers a client ping with a pong', async () => {
    const socket = await open(await start());
    socket.send({ event: 'pusher:ping', data: {} });
    const pong = await socket.next((f) => f.event.startsWith('pusher:p'));
    expect(pong).toEqual({ event: 'pusher:pong' });
  });

  it('refuses an unknown app key with 4001 and closes', async () => {
    const socket = await open(await start(), 'not-the-key');
    const error = await socket.next();
    expect(error.event).toBe('pusher:error');
    expect(frameData(error)).toEqual({ code: 4001, message: 'Application does not exist' });
    await socket.closed();
    expect(socket.frames.some((f) => f.event === 'pusher:connection_established')).toBe(false);
  });

  it('reports bad JSON and unknown protocol events as 4200 and stays open', async () => {
    const socket = await open(await start());
    await socket.socketId();
    socket.send('{not json');
    expect(frameData(await socket.next(isError(4200)))).toEqual({ code: 4200, message: 'Invalid message format' });
    socket.send({ event: 'pusher:teleport', data: {} });
    await socket.next(isError(4200));
    socket.send({ event: 'pusher:subscribe', data: { channel: 42 } });
    await socket.next(isError(4200));
    socket.send([1, 2, 3]);
    await socket.next(isError(4200));
    socket.send({ event: 'pusher:subscribe', data: { channel: 'rvm-status' } });
    const succeeded = await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    expect(succeeded).toEqual({ event: 'pusher_internal:subscription_succeeded', data: '{}', channel: 'rvm-status' });
    expect(socket.closeCode).toBeUndefined();
  });

  it('reports mistyped frames as 4200 without closing', async () => {
    const target = await start();
    const socket = await open(target);
    const socketId = await socket.socketId();
    socket.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    await socket.next(isError(4200));
    socket.send({ event: 'pusher:subscribe', data: 'rvm-status' });
    await socket.next(isError(4200));
    socket.send({ event: 'pusher:subscribe', data: { channel: 'rvm-status', auth: 12 } });
    await socket.next(isError(4200));
    socket.send({ event: 'client-x', channel: 'rvm-status', data: 'text' });
    await socket.next(isError(4200));
    const channelData = 'not json';
    const auth = channelAuth(target.key, target.secret, socketId, 'presence-room', channelData);
    socket.send({ event: 'pusher:subscribe', data: { channel: 'presence-room', auth, channel_data: channelData } });
    await socket.next(isError(4200));
    socket.send({ event: 'pusher:ping', data: {} });
    await socket.next((f) => f.event === 'pusher:pong');
    expect(socket.closeCode).toBeUndefined();
  });

  it('closes with 1009 on a frame over 10,000 bytes', async () => {
    const socket = await open(await start());
    await socket.socketId();
    socket.send({ event: 'pusher:ping', data: { padding: 'x'.repeat(10_001) } });
    expect(await socket.closed()).toBe(1009);
  });

  it('refuses a private subscription with a bad or missing signature (4009) and accepts a good one', async () => {
    const target = await start();
    const socket = await open(target);
    const socketId = await socket.socketId();
    socket.send({ event: 'pusher:subscribe', data: { channel: 'private-admin-dashboard', auth: `${target.key}:deadbeef` } });
    const refused = await socket.next(isError(4009));
    expect(frameData(refused)).toEqual({ code: 4009, message: 'Connection is unauthorized' });
    expect(refused.channel).toBeUndefined();
    socket.send({ event: 'pusher:subscribe', data: { channel: 'private-admin-dashboard' } });
    await socket.next(isError(4009));
    const auth = channelAuth(target.key, target.secret, socketId, 'private-admin-dashboard');
    socket.send({ event: 'pusher:subscribe', data: { channel: 'private-admin-dashboard', auth } });
    await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded' && f.channel === 'private-admin-dashboard');
    expect(socket.closeCode).toBeUndefined();
  });

  it('pings a silent connection, then prunes it with 4201', async () => {
    const socket = await open(await start({ pingIntervalMs: 150, pruneCheckMs: 50 }));
    await socket.socketId();
    socket.send({ event: 'pusher:subscribe', data: { channel: 'rvm-status' } });
    expect(await socket.next((f) => f.event === 'pusher:ping')).toEqual({ event: 'pusher:ping' });
    const pruned = await socket.next(isError(4201));
    expect(frameData(pruned)).toEqual({ code: 4201, message: 'Pong reply not received in time' });
    await socket.closed();
  });

  it('keeps a connection that answers the ping', async () => {
    const target = await start({ pingIntervalMs: 150, pruneCheckMs: 50 });
    const socket = await open(target);
    await socket.socketId();
    for (let i = 0; i < 3; i++) {
      await socket.next((f) => f.event === 'pusher:ping');
      socket.send({ event: 'pusher:pong', data: {} });
    }
    expect(socket.frames.some(isError(4201))).toBe(false);
    expect(target.control.stats().connections).toBe(1);
  });

  it('relays client events to the other members only, and only from members', async () => {
    const target = await start();
    const [alice, bob] = [await open(target), await open(target)];
    for (const socket of [alice, bob]) {
      const auth = channelAuth(target.key, target.secret, await socket.socketId(), 'private-chat');
      socket.send({ event: 'pusher:subscribe', data: { channel: 'private-chat', auth } });
      await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    }
    alice.send({ event: 'client-typing', channel: 'private-chat', data: { who: 'alice' } });
    expect(await bob.next((f) => f.event === 'client-typing')).toEqual({ event: 'client-typing', channel: 'private-chat', data: { who: 'alice' } });
    const outsider = await open(target);
    await outsider.socketId();
    outsider.send({ event: 'client-typing', channel: 'private-chat', data: {} });
    expect(frameData(await outsider.next(isError(4009))).message).toBe('The client is not a member of the specified channel.');
    alice.send({ event: 'pusher:ping', data: {} });
    await alice.next((f) => f.event === 'pusher:pong');
    expect(alice.frames.some((f) => f.event === 'client-typing')).toBe(false);
  });

  it('tracks presence members: list on join, member_added and member_removed to the others', async () => {
    const target = await start();
    const join = async (socket: RawSocket, userId: number): Promise<void> => {
      const channelData = JSON.stringify({ user_id: userId, user_info: { name: `user ${userId}` } });
      const auth = channelAuth(target.key, target.secret, await socket.socketId(), 'presence-room', channelData);
      socket.send({ event: 'pusher:subscribe', data: { channel: 'presence-room', auth, channel_data: channelData } });
    };
    const first = await open(target);
    await join(first, 1);
    const joined = await first.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    expect(frameData(joined)).toEqual({ presence: { count: 1, ids: [1], hash: { 1: { name: 'user 1' } } } });

    const second = await open(target);
    await join(second, 2);
    expect(frameData(await second.next((f) => f.event === 'pusher_internal:subscription_succeeded'))).toMatchObject({ presence: { count: 2, ids: [1, 2] } });
    expect(frameData(await first.next((f) => f.event === 'pusher_internal:member_added'))).toEqual({ user_id: 2, user_info: { name: 'user 2' } });

    second.send({ event: 'pusher:unsubscribe', data: { channel: 'presence-room' } });
    expect(frameData(await first.next((f) => f.event === 'pusher_internal:member_removed'))).toEqual({ user_id: 2 });
  });

  it('refuses upgrades while told to, and drops every socket on demand', async () => {
    const target = await start();
    const socket = await open(target);
    await socket.socketId();
    expect(target.control.dropSockets()).toBe(1);
    expect(await socket.closed()).toBe(1006);
    target.control.refuseSockets(60_000);
    await expect(RawSocket.open(target)).rejects.toThrow();
    target.control.refuseSockets(0);
    const again = await open(target);
    await again.socketId();
  });
});
