// The MyRVM REST API and broadcasting auth: every endpoint's success and error bodies (CONTRACT.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, startDemoServer, type DemoServer } from './index';
import { getJson, login, postJson } from './test-support';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UNAUTHENTICATED = { message: 'Unauthenticated.' };
const NOT_FOUND = { success: false, message: 'RVM not found' };

let server: DemoServer;
let admin: string;

beforeAll(async () => {
  server = await startDemoServer({ port: 0, rate: 0 });
  admin = await login(server, 'admin@demo.rvm');
});

afterAll(async () => {
  await server.stop();
});

const api = (path: string): string => `${server.url}/api/v2${path}`;
const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

describe('auth', () => {
  it('logs in every demo account with the shared password; role is the display name', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const reply = await postJson(api('/auth/login'), { email: account.email, password: DEMO_PASSWORD });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        success: true,
        message: 'Login successful',
        data: {
          user: { id: account.id, name: account.name, email: account.email, role: expect.any(String) },
          token: expect.stringMatching(/^\d+\|[A-Za-z0-9]{40}[0-9a-f]{8}$/),
          token_type: 'Bearer',
        },
      });
    }
    const reply = await postJson(api('/auth/login'), { email: 'superadmin@demo.rvm', password: DEMO_PASSWORD });
    expect((reply.body as { data: { user: { role: string } } }).data.user.role).toBe('Super Admin');
  });

  it('answers wrong credentials with 401 and bad input with 422', async () => {
    expect(await postJson(api('/auth/login'), { email: 'admin@demo.rvm', password: 'wrong-password' })).toEqual({
      status: 401,
      body: { success: false, message: 'Invalid credentials' },
    });
    expect(await postJson(api('/auth/login'), { email: 'nobody@demo.rvm', password: DEMO_PASSWORD })).toEqual({
      status: 401,
      body: { success: false, message: 'Invalid credentials' },
    });
    expect(await postJson(api('/auth/login'), { email: 'not-an-email', password: '123' })).toEqual({
      status: 422,
      body: {
        success: false,
        message: 'Validation failed',
        errors: {
          email: ['The email field must be a valid email address.'],
          password: ['The password field must be at least 6 characters.'],
        },
      },
    });
    const garbage = await postJson(api('/auth/login'), '{"email": ');
    expect(garbage.status).toBe(422);
    expect((garbage.body as { errors: Record<string, unknown> }).errors).toEqual({
      email: ['The email field is required.'],
      password: ['The password field is required.'],
    });
  });

  it('shows the signed-in user and the roles', async () => {
    expect(await getJson(api('/auth/me'), admin)).toEqual({
      status: 200,
      body: { success: true, data: { user: { id: 2, name: 'Demo Admin', email: 'admin@demo.rvm', role: 'Admin' } } },
    });
    const roles = await getJson(api('/users/roles'), admin);
    expect(roles.body).toEqual({
      success: true,
      data: [
        { id: 1, name: 'Super Admin', slug: 'super-admin' },
        { id: 2, name: 'Admin', slug: 'admin' },
        { id: 3, name: 'Operator', slug: 'operator' },
        { id: 4, name: 'Technician', slug: 'technician' },
        { id: 5, name: 'Tenant', slug: 'tenant' },
        { id: 6, name: 'User', slug: 'user' },
      ],
    });
  });

  it('ends a token at logout and at revocation: 401 Unauthenticated afterwards', async () => {
    const token = await login(server, 'operator@demo.rvm');
    expect(await postJson(api('/auth/logout'), {}, bearer(token))).toEqual({
      status: 200,
      body: { success: true, message: 'Logged out successfully' },
    });
    expect(await getJson(api('/auth/me'), token)).toEqual({ status: 401, body: UNAUTHENTICATED });

    const revoked = await login(server, 'technician@demo.rvm');
    expect((await getJson(api('/auth/me'), revoked)).status).toBe(200);
    expect(server.control.revokeTokens('technician@demo.rvm')).toBeGreaterThanOrEqual(1);
    expect(await getJson(api('/admin/rvm/list'), revoked)).toEqual({ status: 401, body: UNAUTHENTICATED });
    expect(await getJson(api('/auth/me'))).toEqual({ status: 401, body: UNAUTHENTICATED });
    expect(await getJson(api('/auth/me'), '1|forged-token')).toEqual({ status: 401, body: UNAUTHENTICATED });
  });
});

describe('admin RVM endpoints', () => {
  it('lists machines', async () => {
    const reply = await getJson(api('/admin/rvm/list'), admin);
    const { success, data } = reply.body as { success: boolean; data: Record<string, unknown>[] };
    expect(success).toBe(true);
    expect(data).toHaveLength(24);
    expect(Object.keys(data[0] ?? {}).sort()).toEqual(
      ['id', 'name', 'location_description', 'status', 'last_status_change', 'created_at', 'active_sessions', 'total_sessions_today'].sort(),
    );
    expect(data[0]).toMatchObject({ id: 1, name: expect.stringMatching(/^RVM /), last_status_change: expect.stringMatching(ISO) });
  });

  it('gives details with the full model, secrets included', async () => {
    const reply = await getJson(api('/admin/rvm/1/details'), admin);
    expect(reply.status).toBe(200);
    const { data } = reply.body as { data: { rvm: Record<string, unknown>; recent_activity: unknown[]; status_info: Record<string, unknown> } };
    expect(data.rvm).toMatchObject({ id: 1, api_key: expect.stringMatching(/^rvm_[0-9a-f]{40}$/), admin_access_pin: expect.any(String) });
    expect(Array.isArray(data.recent_activity)).toBe(true);
    expect(Object.keys(data.status_info).sort()).toEqual(['color', 'description', 'icon', 'label']);
    expect(await getJson(api('/admin/rvm/9999/details'), admin)).toEqual({ status: 404, body: NOT_FOUND });
    expect(await getJson(api('/admin/rvm/abc/details'), admin)).toEqual({ status: 404, body: NOT_FOUND });
  });

  it('serves the older monitoring shape by default', async () => {
    const { body } = await getJson(api('/admin/rvm/monitoring'), admin);
    const { data } = body as { data: Record<string, unknown> & { rvms: Record<string, unknown>[] } };
    expect(data).toMatchObject({ total_rvms: 24, status_counts: expect.any(Object), active_sessions: expect.any(Number), total_sessions_today: expect.any(Number), total_deposits_today: expect.any(Number) });
    expect(Object.keys(data.rvms[0] ?? {}).sort()).toEqual(
      ['id', 'name', 'location', 'status', 'created_at', 'last_status_change', 'active_sessions', 'total_sessions_today', 'deposits_today', 'remote_access_enabled', 'kiosk_mode_enabled', 'status_info'].sort(),
    );
  });

  it('serves the newer monitoring shape with --monitoring-shape newer', async () => {
    const newer = await startDemoServer({ port: 0, rate: 0, monitoringShape: 'newer' });
    try {
      const { body } = await getJson(`${newer.url}/api/v2/admin/rvm/monitoring`, await login(newer, 'technician@demo.rvm'));
      const { data } = body as { data: { statistics: Record<string, number>; rvms: Record<string, unknown>[] } };
      expect(Object.keys(data.statistics).sort()).toEqual(['active_sessions', 'deposits_today', 'total_issues', 'total_rvm']);
      expect(data.statistics.total_rvm).toBe(24);
      const [first] = data.rvms;
      expect(first).toMatchObject({ id: 1, capacity: expect.any(Number), last_seen: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
      expect(Object.keys((first?.status_info ?? {}) as object).sort()).toEqual(['class', 'color', 'description', 'icon', 'label', 'priority', 'status']);
      const truth = newer.control.truth();
      expect(data.rvms.map((rvm) => rvm.status)).toEqual(truth.map((machine) => machine.status));
    } finally {
      await newer.stop();
    }
  });

  it('updates a status (200), validates it (422) and knows unknown machines (404)', async () => {
    const reply = await postJson(api('/admin/rvm/4/status'), { status: 'maintenance' }, bearer(admin));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      success: true,
      message: 'RVM status updated successfully',
      data: { rvm_id: '4', old_status: expect.any(String), new_status: 'maintenance', changed_at: expect.stringMatching(ISO) },
    });
    expect(server.control.truth()[3]?.status).toBe('maintenance');
    expect(await postJson(api('/admin/rvm/4/status'), { status: 'exploded' }, bearer(admin))).toEqual({
      status: 422,
      body: { success: false, message: 'Validation failed', errors: { status: ['The selected status is invalid.'] } },
    });
    expect((await postJson(api('/admin/rvm/4/status'), {}, bearer(admin))).body).toMatchObject({ errors: { status: ['The status field is required.'] } });
    expect(await postJson(api('/admin/rvm/404/status'), { status: 'active' }, bearer(admin))).toEqual({ status: 404, body: NOT_FOUND });
  });

  it('updates settings (200) and validates them (422)', async () => {
    const reply = await postJson(api('/admin/rvm/6/settings'), { admin_access_pin: '4321', remote_access_enabled: false, kiosk_mode_enabled: '1', pos_settings: { currency: 'IDR' } }, bearer(admin), 'PUT');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      success: true,
      message: 'RVM settings updated successfully',
      data: { id: 6, admin_access_pin: '4321', remote_access_enabled: false, kiosk_mode_enabled: true, pos_settings: { currency: 'IDR' } },
    });
    const invalid = await postJson(api('/admin/rvm/6/settings'), { admin_access_pin: '12', remote_access_enabled: 'yes', pos_settings: 5 }, bearer(admin), 'PUT');
    expect(invalid).toEqual({
      status: 422,
      body: {
        success: false,
        message: 'Validation failed',
        errors: {
          admin_access_pin: ['The admin access pin field must be at least 4 characters.'],
          remote_access_enabled: ['The remote access enabled field must be true or false.'],
          pos_settings: ['The pos settings field must be an array.'],
        },
      },
    });
    expect((await postJson(api('/admin/rvm/6/settings'), { admin_access_pin: '123456789' }, bearer(admin), 'PUT')).status).toBe(422);
    expect(await postJson(api('/admin/rvm/999/settings'), {}, bearer(admin), 'PUT')).toEqual({ status: 404, body: NOT_FOUND });
  });

  it('refuses the user and tenant roles with the exact 403 body', async () => {
    for (const [email, role] of [['user@demo.rvm', 'user'], ['tenant@demo.rvm', 'tenant']] as const) {
      const token = await login(server, email);
      const forbidden = {
        status: 403,
        body: { success: false, message: 'Insufficient permissions. Required roles: super-admin, admin, operator, technician', user_role: role },
      };
      expect(await getJson(api('/admin/rvm/list'), token)).toEqual(forbidden);
      expect(await getJson(api('/admin/rvm/monitoring'), token)).toEqual(forbidden);
      expect(await getJson(api('/admin/rvm/1/details'), token)).toEqual(forbidden);
      expect(await postJson(api('/admin/rvm/1/status'), { status: 'active' }, bearer(token))).toEqual(forbidden);
      expect(await postJson(api('/admin/rvm/1/settings'), {}, bearer(token), 'PUT')).toEqual(forbidden);
      const auth = await postJson(`${server.url}/api/broadcasting/auth`, { socket_id: '1.2', channel_name: 'private-admin-dashboard' }, bearer(token));
      expect(auth.status).toBe(403);
    }
  });

  it('answers unknown routes 404 and wrong methods 405, in Laravel words', async () => {
    expect(await getJson(api('/nothing'), admin)).toEqual({ status: 404, body: { message: 'The route api/v2/nothing could not be found.' } });
    expect(await getJson(api('/auth/login'))).toEqual({
      status: 405,
      body: { message: 'The GET method is not supported for route api/v2/auth/login. Supported methods: POST.' },
    });
  });
});

describe('hostile input', () => {
  it('answers oversized, malformed and mistyped bodies with the right error, and keeps serving', async () => {
    const huge = await postJson(api('/auth/login'), { email: 'admin@demo.rvm', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge).toEqual({ status: 413, body: { message: 'The POST data is too large.' } });
    expect((await postJson(api('/auth/login'), [1, 2])).status).toBe(422);
    expect((await postJson(api('/auth/login'), { email: 5, password: {} })).body).toMatchObject({
      errors: { email: ['The email field must be a valid email address.'], password: ['The password field must be a string.'] },
    });
    expect((await postJson(api('/admin/rvm/1/status'), { status: ['active'] }, bearer(admin))).status).toBe(422);
    expect((await postJson(api('/admin/rvm/1/status'), 'status=active&', bearer(admin))).status).toBe(422);
    expect((await getJson(api('/admin/rvm/%E0%A4%A/details'), admin)).status).toBe(404);
    expect((await getJson(api('/auth/me'), admin)).status).toBe(200);
  });
});

describe('broadcasting auth', () => {
  const endpoints = () => [`${server.url}/api/broadcasting/auth`, `${server.url}/broadcasting/auth`];

  it('signs private channels for staff, from form or JSON bodies', async () => {
    for (const endpoint of endpoints()) {
      const form = await fetch(endpoint, {
        method: 'POST',
        headers: { ...bearer(admin), Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'socket_id=123.456&channel_name=private-admin-dashboard',
      });
      expect(form.status).toBe(200);
      expect(await form.json()).toEqual({ auth: expect.stringMatching(new RegExp(`^${server.key}:[0-9a-f]{64}$`)) });
      const json = await postJson(endpoint, { socket_id: '123.456', channel_name: 'private-admin-dashboard' }, bearer(admin));
      expect(json.status).toBe(200);
    }
  });

  it('adds channel_data for presence channels', async () => {
    const reply = await postJson(`${server.url}/api/broadcasting/auth`, { socket_id: '1.1', channel_name: 'presence-control-room' }, bearer(admin));
    const body = reply.body as { auth: string; channel_data: string };
    expect(JSON.parse(body.channel_data)).toEqual({ user_id: 2, user_info: { id: 2, name: 'Demo Admin', role: 'admin' } });
  });

  it('refuses missing tokens (401), unknown channels (403) and malformed socket ids (500, as Laravel)', async () => {
    const url = `${server.url}/api/broadcasting/auth`;
    expect(await postJson(url, { socket_id: '1.1', channel_name: 'private-admin-dashboard' })).toEqual({ status: 401, body: UNAUTHENTICATED });
    expect((await postJson(url, { socket_id: '1.1', channel_name: 'private-secret-stuff' }, bearer(admin))).status).toBe(403);
    expect((await postJson(url, { socket_id: 'abc', channel_name: 'private-admin-dashboard' }, bearer(admin))).status).toBe(500);
    expect((await postJson(url, 'garbage', bearer(admin))).status).toBe(403);
  });
});
