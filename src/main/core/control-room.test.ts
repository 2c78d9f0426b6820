import { afterEach, describe, expect, it } from 'vitest';
import type { LiveFixture } from './testing/live-fixture';
import { liveFixture, OPERATOR, publishRaw, until } from './testing/live-fixture';
import { ControlRoom } from './control-room';

let fixture: LiveFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const phase = (f: LiveFixture) => f.room.connectionState().phase;
const statusOf = (f: LiveFixture, id: number) => f.room.fleet.get(String(id))?.status;
const truthMatches = (f: LiveFixture) =>
  f.server.control.truth().every((machine) => f.room.fleet.get(String(machine.id))?.status === machine.status);

describe('signing in and out', () => {
  it('signs in, resolves the role slug, goes live with the whole fleet', async () => {
    fixture = await liveFixture();
    const info = fixture.room.sessionInfo();
    expect(info?.user).toMatchObject({ email: OPERATOR.email, roleName: 'Operator', roleSlug: 'operator' });
    expect(info?.canOperate).toBe(true);
    await until(() => phase(fixture!) === 'live' && fixture!.room.fleet.size === 24, 10_000, 'live with 24 machines');
    expect(truthMatches(fixture)).toBe(true);
  });

  it('says so when the password is wrong, and stays signed out', async () => {
    fixture = await liveFixture({ signIn: null });
    const result = await fixture.room.signIn(fixture.profileId, OPERATOR.email, 'wrong-password');
    expect(result).toEqual({ ok: false, code: 'unauthenticated', message: 'Wrong email or password.' });
    expect(fixture.room.sessionInfo()).toBeNull();
    expect(phase(fixture)).toBe('signed-out');
  });

  it('revokes the token on sign-out', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    const token = (fixture.room as unknown as { session: { client: { token: string } } }).session.client.token;
    await fixture.room.signOut();
    expect(phase(fixture)).toBe('signed-out');
    expect(fixture.room.fleet.size).toBe(0);
    const after = await fetch(`${fixture.server.url}/api/v2/auth/me`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    expect(after.status).toBe(401);
  });

  it('signs out with a clear reason when the token is revoked mid-session', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    fixture.server.control.revokeTokens(OPERATOR.email);
    fixture.server.control.dropSockets();
    await until(() => phase(fixture!) === 'signed-out', 15_000, 'signed out');
    expect(fixture.room.connectionState().reason).toMatch(/session has ended.*sign in again/i);
    expect(fixture.pushed['session.changed'].at(-1)).toBeNull();
  });
});

describe('live updates', () => {
  it('applies a status change within a second and stores the double delivery once', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    const next = statusOf(fixture, 3) === 'error' ? 'active' : 'error';
    const sent = Date.now();
    fixture.server.control.setStatus(3, next);
    await until(() => statusOf(fixture!, 3) === next, 1_000, 'the change in the fleet');
    expect(Date.now() - sent).toBeLessThan(1_000);
    // The same broadcast came on rvm-status and private-admin-dashboard.
    await until(() => fixture!.room.handlers !== null && (fixture!.room as unknown as { session: { ingest: { counters: { duplicates: number } } } }).session.ingest.counters.duplicates >= 1, 2_000, 'the second copy');
    const events = await fixture.room.handlers['machine.events']({ id: '3', limit: 50 }, { access: 'read', via: 'hub' });
    expect(events.ok && events.value.filter((event) => event.type === 'rvm.status.updated' && event.status === next)).toHaveLength(1);
    // The renderer is sent only the changed machine, not the fleet.
    await until(() => fixture!.pushed['fleet.patch'].some((p) => !p.reset && p.machines.some((m) => m.id === '3' && m.status === next)), 1_000, 'a patch');
    const patch = fixture.pushed['fleet.patch'].find((p) => !p.reset && p.machines.some((m) => m.id === '3' && m.status === next))!;
    expect(patch.machines.length).toBeLessThan(24);
  });
});

describe('reconciliation', () => {
  it('after dropped and refused sockets, the fleet equals the server’s truth and history holds the gap', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    fixture.server.control.refuseSockets(2_500);
    fixture.server.control.dropSockets();
    await until(() => phase(fixture!) === 'reconnecting', 5_000, 'reconnecting');
    for (const id of [1, 2, 5, 8]) fixture.server.control.setStatus(id, 'maintenance');
    await until(() => phase(fixture!) === 'live', 12_000, 'live again');
    await until(() => truthMatches(fixture!), 10_000, 'the fleet to equal the server');
    const db = (fixture.room as unknown as { session: { store: { flush(): void; query(f: object, p: object): Array<{ type: string; payload: { durationMs: number } }> } } }).session.store;
    await until(() => {
      db.flush();
      return db.query({ types: ['gap'] }, { limit: 10, order: 'desc' }).length === 1;
    }, 5_000, 'a gap record');
    const [gap] = db.query({ types: ['gap'] }, { limit: 10, order: 'desc' });
    expect(gap.payload.durationMs).toBeGreaterThan(1_000);
  });

  it('after broadcasting was paused, the counts reveal the missed changes and the fleet converges', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live' && truthMatches(fixture!), 10_000, 'live');
    fixture.server.control.pauseBroadcasting();
    for (const id of [4, 6, 7]) fixture.server.control.setStatus(id, statusOf(fixture, id) === 'full' ? 'error' : 'full');
    fixture.server.control.resumeBroadcasting();
    await until(() => truthMatches(fixture!), 10_000, 'the fleet to equal the server');
  });

  it('keeps the fleet fresh by polling while the socket cannot connect', async () => {
    fixture = await liveFixture({ pollIntervalMs: 500 });
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    fixture.server.control.refuseSockets(60_000);
    fixture.server.control.dropSockets();
    fixture.server.control.setStatus(9, statusOf(fixture, 9) === 'inactive' ? 'active' : 'inactive');
    await until(() => fixture!.room.connectionState().source === 'polling' && truthMatches(fixture!), 5_000, 'fresh data from polling');
    expect(fixture.room.connectionState().reason).toMatch(/polling/);
  });
});

describe('a stock platform that refuses bearer tokens for private channels', () => {
  it('goes public-only, names the fix, and still gets status updates', async () => {
    fixture = await liveFixture({ demo: { stockBroadcastAuth: true }, authPath: '/broadcasting/auth' });
    await until(() => phase(fixture!) === 'public-only', 10_000, 'public-only');
    const state = fixture.room.connectionState();
    expect(state.reason).toMatch(/refused the private channel private-admin-dashboard \(HTTP 403/);
    expect(state.fix).toMatch(/auth:sanctum/);
    expect(state.fix).toMatch(/\/api\/broadcasting\/auth/);
    const next = statusOf(fixture, 2) === 'error' ? 'active' : 'error';
    fixture.server.control.setStatus(2, next);
    await until(() => statusOf(fixture!, 2) === next, 2_000, 'the update over rvm-status');
  });
});

describe('hostile payloads', () => {
  it('counts and drops them, keeps unknown statuses as unknown, and keeps running', async () => {
    fixture = await liveFixture({ demo: { maxRequestSize: 4 * 1024 * 1024 } });
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    const base = { rvm_id: 1, rvm_name: 'RVM Blok M', status: 'full', timestamp: new Date().toISOString(), location: null };
    const hostile = [
      JSON.stringify({ ...base, rvm_id: { $ne: 1 } }),
      JSON.stringify({ rvm_id: 1 }),
      JSON.stringify({ ...base, rvm_name: 'x'.repeat(1024 * 1024) }),
      '{"not json',
      JSON.stringify([1, 2, 3]),
    ];
    for (const data of hostile) expect(await publishRaw(fixture.server, { name: 'rvm.status.updated', channel: 'rvm-status', data })).toBe(200);
    const markup = '<img src=x onerror=alert(1)>';
    await publishRaw(fixture.server, {
      name: 'rvm.status.updated',
      channel: 'rvm-status',
      data: JSON.stringify({ ...base, rvm_id: 11, rvm_name: markup, status: 'on-fire', timestamp: new Date(Date.now() + 1000).toISOString() }),
    });
    await until(() => fixture!.room.fleet.get('11')?.status === 'unknown', 3_000, 'the unknown status');
    expect(fixture.room.fleet.get('11')?.name).toBe(markup);
    const rejected = async () => {
      const diagnostics = await fixture!.room.handlers['diagnostics.get']({}, { access: 'read', via: 'hub' });
      return diagnostics.ok ? Object.values(diagnostics.value.ingest.rejected).reduce((a, b) => a + b, 0) : 0;
    };
    await expect.poll(rejected, { timeout: 3_000 }).toBe(hostile.length);
    expect(phase(fixture)).toBe('live');
  });
});

describe('alerts', () => {
  it('turns 20 machines becoming full within 2 s into one grouped notification request', async () => {
    fixture = await liveFixture({ demo: { rvms: 30 } });
    await until(() => phase(fixture!) === 'live' && fixture!.room.fleet.size === 30, 10_000, 'live');
    const ids = fixture.server.control.truth().filter((m) => m.status !== 'full').slice(0, 20).map((m) => m.id);
    expect(ids).toHaveLength(20);
    for (const id of ids) {
      fixture.server.control.setStatus(id, 'full');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await until(() => fixture!.pushed['notification.request'].some((n) => n.kind === 'full'), 6_000, 'the notification');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const full = fixture.pushed['notification.request'].filter((n) => n.kind === 'full');
    expect(full).toHaveLength(1);
    expect(full[0].machineIds.sort()).toEqual(ids.map(String).sort());
    expect(full[0].title).toMatch(/20/);
  });
});

describe('offline start', () => {
  it('opens on the cached fleet at once, with its age, when no server answers', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live' && truthMatches(fixture!), 10_000, 'live');
    const { dataDir, secrets } = fixture;
    const known = fixture.room.fleet.machines().map((m) => [m.id, m.name, m.status]).sort();
    // Quit (the session stays signed in), and the server goes away.
    await fixture.close();
    fixture = null;
    const { controlRoom: room } = await ControlRoom.open({ dataDir, runtime: 'hub', secrets });
    try {
      expect(room.fleet.machines().map((m) => [m.id, m.name, m.status]).sort()).toEqual(known);
      const state = room.connectionState();
      expect(state.source).toBe('cache');
      expect(state.dataAsOf).not.toBeNull();
      expect(['connecting', 'reconnecting', 'offline']).toContain(state.phase);
      expect(room.sessionInfo()?.user.email).toBe(OPERATOR.email);
    } finally {
      await room.close();
    }
  });
});

describe('status commands', () => {
  const caller = { access: 'operate', via: 'hub' } as const;

  it('sets a status on the server, applies the reply, and audits it', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    const next = statusOf(fixture, 5) === 'maintenance' ? 'active' : 'maintenance';
    const result = await fixture.room.handlers['machine.set-status']({ id: '5', status: next }, caller);
    expect(result).toMatchObject({ ok: true, value: { id: '5', newStatus: next } });
    expect(fixture.server.control.truth().find((m) => m.id === 5)?.status).toBe(next);
    expect(statusOf(fixture, 5)).toBe(next);
    const store = (fixture.room as unknown as { session: { store: { listAudit(n: number): Array<{ user: string; machineId: string; ok: boolean }> } } }).session.store;
    expect(store.listAudit(5)[0]).toMatchObject({ user: OPERATOR.email, machineId: '5', ok: true });
  });

  it('passes the server’s refusals on as values with its message', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    expect(await fixture.room.handlers['machine.set-status']({ id: '9999', status: 'active' }, caller)).toEqual({
      ok: false,
      code: 'not-found',
      message: 'RVM not found',
    });
  });

  it('refuses locally for a role that may not, saying why, and keeps the public channel', async () => {
    fixture = await liveFixture({ signIn: { email: 'user@demo.rvm', password: 'demo12345' } });
    await until(() => phase(fixture!) === 'public-only', 10_000, 'public-only');
    expect(fixture.room.connectionState().reason).toMatch(/role \(User\)/);
    expect(fixture.room.sessionInfo()).toMatchObject({ canOperate: false, operateReason: expect.stringMatching(/may not change machine statuses/) });
    const result = await fixture.room.handlers['machine.set-status']({ id: '1', status: 'active' }, caller);
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('never hands out the machine’s secrets', async () => {
    fixture = await liveFixture();
    await until(() => phase(fixture!) === 'live', 10_000, 'live');
    const details = await fixture.room.handlers['machine.details']({ id: '1' }, { access: 'read', via: 'hub' });
    expect(details.ok).toBe(true);
    const text = JSON.stringify(details);
    expect(text).not.toMatch(/api_key|admin_access_pin/);
    expect(details.ok && details.value.machine.name).toBeTruthy();
  });
});
