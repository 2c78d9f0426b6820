// The real client libraries (pusher-js + laravel-echo in Node) against the demo server.
import type Echo from 'laravel-echo';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer, type DemoServerOptions } from './index';
import { createEcho, login, postJson, waitFor } from './test-support';

let server: DemoServer | undefined;
const clients: Echo<'reverb'>[] = [];

async function start(options: DemoServerOptions = {}): Promise<DemoServer> {
  server = await startDemoServer({ port: 0, rate: 0, ...options });
  return server;
}

function echo(target: DemoServer, token?: string, authEndpoint?: string): Echo<'reverb'> {
  const client = createEcho(target, token, authEndpoint);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server?.stop();
  server = undefined;
});

interface StatusPayload {
  rvm_id: number;
  rvm_name: string;
  status: string;
  timestamp: string;
  location: null;
}

/** Subscribes, records `.rvm.status.updated` payloads and counts successful subscriptions. */
function watchStatus(channel: ReturnType<Echo<'reverb'>['channel']>): { events: StatusPayload[]; subscriptions: () => number } {
  const events: StatusPayload[] = [];
  let subscriptions = 0;
  channel.listen('.rvm.status.updated', (payload: StatusPayload) => events.push(payload));
  channel.subscribed(() => subscriptions++);
  return { events, subscriptions: () => subscriptions };
}

describe('pusher-js and laravel-echo against the demo server', () => {
  it('delivers rvm.status.updated on the public channel (listened with the leading dot)', async () => {
    const target = await start();
    const watch = watchStatus(echo(target).channel('rvm-status'));
    await waitFor(() => watch.subscriptions() === 1, 5000, 'subscription');
    const change = target.control.setStatus(3, 'maintenance');
    expect(change.ok).toBe(true);
    const [event] = await waitFor(() => watch.events.length > 0 && watch.events, 5000, 'status event');
    expect(event).toEqual({ rvm_id: 3, rvm_name: target.control.truth()[2]?.name, status: 'maintenance', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), location: null });
  });

  it('authorises the private admin channel with a bearer token and delivers REST status updates and dashboards', async () => {
    const target = await start({ dashboardIntervalMs: 100 });
    const token = await login(target, 'operator@demo.rvm');
    const client = echo(target, token);
    const channel = client.private('admin-dashboard');
    const watch = watchStatus(channel);
    const dashboards: Record<string, unknown>[] = [];
    channel.listen('.dashboard.data.updated', (payload: Record<string, unknown>) => dashboards.push(payload));
    await waitFor(() => watch.subscriptions() === 1, 5000, 'private subscription');

    const reply = await postJson(`${target.url}/api/v2/admin/rvm/5/status`, { status: 'error' }, { Authorization: `Bearer ${token}` });
    expect(reply.status).toBe(200);
    await waitFor(() => watch.events.some((e) => e.rvm_id === 5 && e.status === 'error'), 5000, 'status event');

    const seen = dashboards.length;
    const dashboard = await waitFor(() => dashboards[seen], 5000, 'a dashboard after the change');
    const counts: Record<string, number> = {};
    for (const machine of target.control.truth()) counts[machine.status] = (counts[machine.status] ?? 0) + 1;
    expect(dashboard.status_counts).toEqual(counts);
    expect(dashboard.total_rvms).toBe(24);
  });

  it('leaves out the socket named by X-Socket-ID', async () => {
    const target = await start();
    const token = await login(target, 'admin@demo.rvm');
    const sender = echo(target, token);
    const senderWatch = watchStatus(sender.channel('rvm-status'));
    const otherWatch = watchStatus(echo(target).channel('rvm-status'));
    await waitFor(() => senderWatch.subscriptions() === 1 && otherWatch.subscriptions() === 1, 5000, 'subscriptions');

    const headers = { Authorization: `Bearer ${token}`, 'X-Socket-ID': sender.socketId() ?? '' };
    expect((await postJson(`${target.url}/api/v2/admin/rvm/2/status`, { status: 'inactive' }, headers)).status).toBe(200);
    await waitFor(() => otherWatch.events.length === 1, 5000, 'the other client to hear it');
    target.control.setStatus(2, 'active');
    await waitFor(() => senderWatch.events.length === 1, 5000, 'the sender to hear the next one');
    expect(senderWatch.events.map((e) => e.status)).toEqual(['active']);
  });

  it('shows presence members joining and leaving to another client', async () => {
    const target = await start();
    const admin = echo(target, await login(target, 'admin@demo.rvm'));
    const here: unknown[][] = [];
    const joined: unknown[] = [];
    const left: unknown[] = [];
    admin.join('control-room').here((members: unknown[]) => here.push(members)).joining((m: unknown) => joined.push(m)).leaving((m: unknown) => left.push(m));
    await waitFor(() => here.length === 1, 5000, 'admin in the room');
    expect(here[0]).toEqual([{ id: 2, name: 'Demo Admin', role: 'admin' }]);

    const operator = echo(target, await login(target, 'operator@demo.rvm'));
    operator.join('control-room');
    await waitFor(() => joined.length === 1, 5000, 'member_added');
    expect(joined[0]).toEqual({ id: 3, name: 'Demo Operator', role: 'operator' });
    operator.leave('control-room');
    await waitFor(() => left.length === 1, 5000, 'member_removed');
    expect(left[0]).toEqual({ id: 3, name: 'Demo Operator', role: 'operator' });
  });

  it('re-subscribes public and private channels by itself after the server drops every socket', async () => {
    const target = await start();
    const client = echo(target, await login(target, 'technician@demo.rvm'));
    const publicWatch = watchStatus(client.channel('rvm-status'));
    const privateWatch = watchStatus(client.private('admin-dashboard'));
    await waitFor(() => publicWatch.subscriptions() === 1 && privateWatch.subscriptions() === 1, 5000, 'subscriptions');
    const firstSocket = client.socketId();

    expect(target.control.dropSockets()).toBe(1);
    await waitFor(() => publicWatch.subscriptions() === 2 && privateWatch.subscriptions() === 2, 10_000, 're-subscription');
    expect(client.socketId()).not.toBe(firstSocket);
    target.control.setStatus(7, 'full');
    await waitFor(() => publicWatch.events.length === 1 && privateWatch.events.length === 1, 5000, 'events after reconnect');
  });

  it('broadcasts nothing while paused, though the state still changes', async () => {
    const target = await start();
    const watch = watchStatus(echo(target).channel('rvm-status'));
    await waitFor(() => watch.subscriptions() === 1, 5000, 'subscription');
    target.control.pauseBroadcasting();
    target.control.setStatus(1, 'error');
    expect(target.control.truth()[0]?.status).toBe('error');
    target.control.resumeBroadcasting();
    target.control.setStatus(1, 'maintenance');
    await waitFor(() => watch.events.length > 0, 5000, 'the event after resuming');
    expect(watch.events.map((e) => e.status)).toEqual(['maintenance']);
  });

  it('refuses the admin channel to the user and tenant roles (403 to Echo)', async () => {
    const target = await start();
    for (const email of ['user@demo.rvm', 'tenant@demo.rvm']) {
      const errors: { status?: number }[] = [];
      echo(target, await login(target, email)).private('admin-dashboard').error((error: { status?: number }) => errors.push(error));
      const [error] = await waitFor(() => errors.length > 0 && errors, 5000, `auth error for ${email}`);
      expect(error?.status).toBe(403);
    }
  });

  it('with --stock-broadcast-auth, refuses bearer tokens at /broadcasting/auth (403) and has no /api/broadcasting/auth (404)', async () => {
    const target = await start({ stockBroadcastAuth: true });
    const token = await login(target, 'admin@demo.rvm');
    const errors: { status?: number }[] = [];
    echo(target, token, `${target.url}/broadcasting/auth`).private('admin-dashboard').error((error: { status?: number }) => errors.push(error));
    expect((await waitFor(() => errors[0], 5000, 'auth error')).status).toBe(403);

    const body = { socket_id: '1.2', channel_name: 'private-admin-dashboard' };
    const headers = { Authorization: `Bearer ${token}` };
    expect((await postJson(`${target.url}/broadcasting/auth`, body, headers)).status).toBe(403);
    expect((await postJson(`${target.url}/api/broadcasting/auth`, body, headers)).status).toBe(404);

    const publicWatch = watchStatus(echo(target).channel('rvm-status'));
    await waitFor(() => publicWatch.subscriptions() === 1, 5000, 'public channels still work');
  });
});
