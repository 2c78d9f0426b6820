// The control surface: in-process and over HTTP (only with the control option).
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './index';
import { getJson, login, postJson, RawSocket, waitFor } from './test-support';

let server: DemoServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const XSS = '<img src=x onerror=alert(1)>';

describe('control over HTTP', () => {
  it('is absent unless asked for', async () => {
    server = await startDemoServer({ port: 0, rate: 0 });
    const reply = await fetch(`${server.url}/__control/truth`);
    expect(reply.status).toBe(404);
  });

  it('reads the truth, sets statuses, adds and renames machines, and reports errors as values', async () => {
    server = await startDemoServer({ port: 0, rate: 0, control: true, rvms: 4 });
    const control = (path: string): string => `${server?.url}/__control${path}`;

    const truth = await getJson(control('/truth'));
    expect(truth.status).toBe(200);
    const machines = (truth.body as { value: Record<string, unknown>[] }).value;
    expect(machines).toHaveLength(4);
    expect(Object.keys(machines[0] ?? {}).sort()).toEqual(['capacity', 'id', 'last_status_change', 'name', 'status']);

    expect(await postJson(control('/status'), { id: 2, status: 'error' })).toEqual({
      status: 200,
      body: { ok: true, value: { old_status: expect.any(String), new_status: 'error', changed_at: expect.any(String) } },
    });
    expect(server.control.truth()[1]?.status).toBe('error');
    expect((await postJson(control('/status'), { id: 99, status: 'error' })).body).toEqual({ ok: false, code: 'not_found', message: 'No machine with id 99' });
    expect((await postJson(control('/status'), { id: 2, status: 'melted' })).status).toBe(400);

    const added = await postJson(control('/machines'), { name: XSS, location: 'Jl. Test No. 1, Depok' });
    expect(added.body).toEqual({ ok: true, value: { id: 5, name: XSS, status: 'active', capacity: 0, last_status_change: expect.any(String) } });
    const token = await login(server, 'admin@demo.rvm');
    const list = await getJson(`${server.url}/api/v2/admin/rvm/list`, token);
    expect((list.body as { data: { name: string }[] }).data[4]?.name).toBe(XSS);

    expect((await postJson(control('/machines/1/rename'), { name: 'RVM Baru' })).body).toMatchObject({ ok: true, value: { id: 1, name: 'RVM Baru' } });
    expect((await postJson(control('/machines/1/rename'), { name: '' })).status).toBe(400);
    expect((await postJson(control('/machines/77/rename'), { name: 'x' })).status).toBe(404);
    expect((await postJson(control('/nothing'), {})).status).toBe(404);
  });

  it('pauses and resumes broadcasting, drops and refuses sockets, revokes tokens, and steers the simulator', async () => {
    server = await startDemoServer({ port: 0, rate: 0, control: true });
    const control = (path: string): string => `${server?.url}/__control${path}`;

    await postJson(control('/broadcasting/pause'), {});
    expect(server.control.stats().broadcastingPaused).toBe(true);
    await postJson(control('/broadcasting/resume'), {});
    expect(server.control.stats().broadcastingPaused).toBe(false);

    const socket = await RawSocket.open(server);
    await socket.socketId();
    expect((await postJson(control('/sockets/drop'), {})).body).toEqual({ ok: true, value: 1 });
    expect(await socket.closed()).toBe(1006);
    expect((await postJson(control('/sockets/refuse'), { ms: 60_000 })).body).toEqual({ ok: true, value: 60_000 });
    await expect(RawSocket.open(server)).rejects.toThrow();
    expect((await postJson(control('/sockets/refuse'), { ms: 'soon' })).status).toBe(400);

    const token = await login(server, 'operator@demo.rvm');
    expect((await postJson(control('/tokens/revoke'), { email: 'operator@demo.rvm' })).body).toEqual({ ok: true, value: 1 });
    expect((await getJson(`${server.url}/api/v2/auth/me`, token)).status).toBe(401);

    expect((await postJson(control('/simulator/rate'), { eps: 500 })).body).toEqual({ ok: true, value: 500 });
    await waitFor(() => server?.control.stats().eventsGenerated, 5000, 'events at the new rate');
    await postJson(control('/simulator/stop'), {});
    expect(server.control.stats().simulatorRunning).toBe(false);
    const stopped = server.control.stats().eventsGenerated;
    await postJson(control('/simulator/start'), {});
    await waitFor(() => (server?.control.stats().eventsGenerated ?? 0) > stopped, 5000, 'events after restarting');
    expect((await postJson(control('/simulator/rate'), { eps: -5 })).status).toBe(400);
    expect((await getJson(control('/stats'))).body).toMatchObject({ ok: true, value: { rate: 500, simulatorRunning: true } });
  });
});

describe('the in-process control', () => {
  it('keeps changing the fleet while broadcasting is paused', async () => {
    server = await startDemoServer({ port: 0, rate: 2000 });
    server.control.pauseBroadcasting();
    const before = server.control.stats().eventsGenerated;
    await waitFor(() => (server?.control.stats().eventsGenerated ?? 0) > before + 100, 5000, 'the simulator to go on');
    expect(server.control.setStatus(1, 'inactive')).toMatchObject({ ok: true });
    expect(server.control.truth()[0]?.status).toBe('inactive');
  });
});
