import { mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from '../src/demo-server/index';
import { DEMO_PASSWORD, startDemoServer } from '../src/demo-server/index';
import { RVM_STATUSES } from '../src/shared/statuses';
import { launchChromium, newContext, openWatchedPage, screenshotPath } from './support/browser';
import type { HubProcess } from './support/hub-process';
import { startHub } from './support/hub-process';

/** Tall enough that the virtualised table renders all 24 demo machines at once. */
const TALL = { width: 1440, height: 1400 };
const XSS_NAME = '<img src=x onerror=alert(1)>';

const rows = (page: Page) => page.locator('[role="row"][data-rvm-id]');
const row = (page: Page, id: string) => page.locator(`[role="row"][data-rvm-id="${id}"]`);
/** Conditions over the network settle within seconds, not vitest's default second. */
const poll = <T>(condition: () => T | Promise<T>, timeout = 10_000) => expect.poll(condition, { timeout, interval: 100 });
const shownCount = async (page: Page) => Number(await page.getByTestId('fleet-table').getAttribute('data-row-count'));

/** Opens the hub's page and waits for the live fleet. */
async function openDesk(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openWatchedPage(context, url);
  await page.locator('[data-connection-state="live"]').waitFor({ timeout: 20_000 });
  await rows(page).first().waitFor();
  return { page, problems };
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the desk on the demo fleet', () => {
  let hub: HubProcess;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    hub = await startHub(['--demo']);
    context = await newContext(browser, TALL);
    ({ page, problems } = await openDesk(context, hub.url));
  });

  afterAll(async () => {
    await context?.close();
    expect(await hub?.stop()).toBe(0);
  });

  it('shows every machine of the demo fleet as a row with its status', async () => {
    await poll(() => shownCount(page)).toBe(24);
    // The viewport holds all 24, so the virtualised body has rendered each of them.
    await poll(() => rows(page).count()).toBe(24);
    const statuses = await rows(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-status')));
    for (const status of statuses) expect(RVM_STATUSES).toContain(status);
    expect(await page.getByTestId('fleet-count').textContent()).toBe('24 machines shown of 24');
    await page.screenshot({ path: screenshotPath('desk') });
    expect(problems).toEqual([]);
  });

  it('sends a status change from the drawer, after confirmation, and the row comes back with it', async () => {
    const candidates = await rows(page).evaluateAll((elements) =>
      elements.filter((element) => element.getAttribute('data-status') !== 'maintenance').map((element) => element.getAttribute('data-rvm-id')!),
    );
    const id = candidates[0];
    await row(page, id).click();
    const drawer = page.getByTestId('machine-drawer');
    await drawer.waitFor();
    // Focus moves into the drawer when it opens.
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await drawer.locator('[data-command-status="maintenance"]').click();
    const confirm = page.getByRole('dialog', { name: /maintenance/i });
    await confirm.waitFor();
    await confirm.getByTestId('confirm').click();
    await poll(() => row(page, id).getAttribute('data-status')).toBe('maintenance');
    await poll(() => page.locator('.toast-success').count()).toBeGreaterThan(0);
    // The accepted command is in the machine's history, read from the cache.
    await poll(() => drawer.getByTestId('machine-events').textContent()).toContain('command');
    await drawer.getByTestId('machine-details').waitFor();
    await page.screenshot({ path: screenshotPath('drawer') });
    // Escape closes the drawer and gives the focus back to the row.
    await page.keyboard.press('Escape');
    await poll(() => drawer.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rvm-id'))).toBe(id);
    expect(problems).toEqual([]);
  });

  it('narrows the rows by search and by status filter, and sorts by a column header', async () => {
    const firstName = (await rows(page).first().locator('.desk-cell-name').textContent())!;
    const needle = firstName.replace(/^RVM /, '').split(' ')[0].toUpperCase();
    await page.getByTestId('fleet-search').fill(needle);
    await poll(() => shownCount(page)).toBeLessThan(24);
    const names = await rows(page).locator('.desk-cell-name').allTextContents();
    const locations = await rows(page).locator('.desk-cell-location').allTextContents();
    names.forEach((name, index) => expect(`${name} ${locations[index]}`.toLowerCase()).toContain(needle.toLowerCase()));
    await page.getByTestId('fleet-search').fill('');
    await poll(() => shownCount(page)).toBe(24);

    // The rarest status shown narrows the most; when every machine shares one status, another shows none.
    const shown = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-status')!));
    const tally = (status: string) => shown.filter((s) => s === status).length;
    const status = [...RVM_STATUSES].filter((s) => tally(s) < 24).sort((a, b) => (tally(b) > 0 ? 1 : 0) - (tally(a) > 0 ? 1 : 0) || tally(a) - tally(b))[0];
    const chip = page.locator(`[data-filter-status="${status}"]`);
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await poll(() => shownCount(page)).toBeLessThan(24);
    await poll(async () => (await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))).every((s) => s === status)).toBe(true);
    expect(await chip.textContent()).toContain(String(await shownCount(page)));
    await chip.click();
    await poll(() => shownCount(page)).toBe(24);

    const header = page.locator('[role="columnheader"]', { has: page.locator('[data-sort-key="name"]') });
    await page.locator('[data-sort-key="name"]').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const sorted = await rows(page).locator('.desk-cell-name').allTextContents();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    expect(problems).toEqual([]);
  });
});

/**
 * A fleet this test controls: its own demo server (no simulated events, so nothing moves on its own,
 * and a machine with markup for a name), reached by the hub through `--env-file`. The REST API goes
 * through a small pass-through that plays "this machine was deleted on the server": its status
 * command is sent to an id the server does not have, so the refusal is the server's own 404.
 */
describe('the desk on a fleet the test controls', () => {
  let server: DemoServer;
  let proxy: Server;
  let hub: HubProcess;
  /** Signed in as a tenant, a role that may not operate; started alongside the operator's hub. */
  let tenantHub: HubProcess;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let xssId: string;
  let deletedId: string;
  let proxyUrl: string;

  beforeAll(async () => {
    server = await startDemoServer({ port: 0, rate: 0, monitoringShape: 'newer' });
    const added = server.control.addMachine(XSS_NAME, 'Jl. <script>alert(2)</script>');
    if (!added.ok) throw new Error(added.message);
    xssId = String(added.value.id);
    deletedId = String(server.control.truth()[0].id);
    proxy = await startRestProxy(server.url, deletedId);
    const address = proxy.address();
    proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const envFile = writeEnvFile(server, proxyUrl, 'operator@demo.rvm');
    [hub, tenantHub] = await Promise.all([
      startHub(['--env-file', envFile]),
      startHub(['--env-file', writeEnvFile(server, proxyUrl, 'tenant@demo.rvm')]),
    ]);
    context = await newContext(browser, TALL);
    ({ page, problems } = await openDesk(context, hub.url));
  });

  afterAll(async () => {
    await context?.close();
    expect(await hub?.stop()).toBe(0);
    expect(await tenantHub?.stop()).toBe(0);
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.stop();
  });

  it('shows a machine named with markup as literal text and runs nothing', async () => {
    const xssRow = row(page, xssId);
    await xssRow.waitFor();
    expect(await xssRow.locator('.desk-cell-name').textContent()).toBe(XSS_NAME);
    expect(await xssRow.locator('.desk-cell-location').textContent()).toBe('Jl. <script>alert(2)</script>');
    await page.getByTestId('fleet-search').fill('<img');
    await poll(() => shownCount(page)).toBe(1);
    await xssRow.click();
    const drawer = page.getByTestId('machine-drawer');
    await poll(() => drawer.locator('h2').textContent()).toBe(XSS_NAME);
    await drawer.getByTestId('machine-details').waitFor();
    expect(await drawer.getByTestId('machine-details').textContent()).toContain('Jl. <script>alert(2)</script>');
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    await page.getByTestId('fleet-search').fill('');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });

  it('shows the pending status, then rolls back with the server’s message when the server refuses', async () => {
    const before = (await row(page, deletedId).getAttribute('data-status'))!;
    const target = before === 'error' ? 'unknown' : 'error';
    await row(page, deletedId).click();
    const drawer = page.getByTestId('machine-drawer');
    await drawer.locator(`[data-command-status="${target}"]`).click();
    // Optimistic while the server thinks it over ("→ Error…" in the row).
    await poll(() => row(page, deletedId).locator(`[data-pending-status="${target}"]`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('desk-pending') });
    await poll(() => drawer.getByTestId('command-failure').textContent()).toContain('RVM not found');
    expect(await row(page, deletedId).getAttribute('data-status')).toBe(before);
    expect(await row(page, deletedId).locator('[data-pending-status]').count()).toBe(0);
    expect(await page.locator('.toast-error').textContent()).toContain('RVM not found');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });

  it('runs a bulk action on the selection and reports each machine, keeping the failed one selected', async () => {
    const okId = (await rows(page).evaluateAll((els, skip) => els.map((el) => el.getAttribute('data-rvm-id')!).filter((id) => !skip.includes(id)), [deletedId, xssId]))[0];
    await row(page, okId).locator('input[type="checkbox"]').check();
    await row(page, deletedId).locator('input[type="checkbox"]').check();
    const bulk = page.getByTestId('bulk-actions');
    await bulk.getByRole('combobox').selectOption('inactive');
    await bulk.getByRole('button', { name: /apply to 2/i }).click();
    await page.getByRole('dialog', { name: /2 machines/i }).getByTestId('confirm').click();
    const results = page.getByTestId('bulk-results');
    await poll(() => results.locator(`[data-rvm-id="${okId}"]`).getAttribute('data-result')).toBe('ok');
    await poll(() => results.locator(`[data-rvm-id="${deletedId}"]`).getAttribute('data-result')).toBe('failed');
    expect(await results.locator(`[data-rvm-id="${deletedId}"]`).textContent()).toContain('RVM not found');
    expect(await page.getByTestId('bulk-progress').textContent()).toBe('1 succeeded, 1 failed');
    await poll(() => row(page, okId).getAttribute('data-status')).toBe('inactive');
    await page.getByRole('button', { name: 'Close' }).click();
    // The machine that failed stays selected for another try; the one that worked leaves the selection.
    expect(await row(page, deletedId).locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await row(page, okId).locator('input[type="checkbox"]').isChecked()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('shows a status change made on the server in its row within a second, without a reload', async () => {
    const target = server.control.truth().find((machine) => String(machine.id) !== deletedId && String(machine.id) !== xssId)!;
    const next = target.status === 'error' ? 'active' : 'error';
    await poll(() => row(page, String(target.id)).getAttribute('data-status')).toBe(target.status);
    server.control.setStatus(target.id, next);
    await poll(() => row(page, String(target.id)).getAttribute('data-status'), 1_000).toBe(next);
  });

  it('switches the labels to Bahasa Indonesia and back', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('id');
    await expect.poll(() => page.getByRole('navigation').getByRole('button').first().textContent()).toBe('Armada');
    expect(await page.locator('[data-connection-state]').textContent()).toMatch(/Langsung/);
    await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
    await expect.poll(() => page.getByRole('navigation').getByRole('button').first().textContent()).toBe('Fleet');
  });

  it('marks the rows stale while the live connection is down; the banner says reconnecting, then offline, then live', async () => {
    expect(await page.locator('.desk-stale').count()).toBe(0);
    server.control.refuseSockets(60_000);
    server.control.dropSockets();
    await poll(() => page.locator('[data-connection-state]').getAttribute('data-connection-state'), 15_000).toBe('reconnecting');
    await poll(() => page.locator('[data-connection-state]').getAttribute('data-connection-state'), 25_000).toBe('offline');
    expect(await page.locator('[data-connection-state]').textContent()).toMatch(/Offline since/);
    await page.screenshot({ path: screenshotPath('offline-banner') });
    await poll(() => rows(page).first().locator('.desk-stale').count()).toBe(1);
    expect(await rows(page).first().getAttribute('class')).toContain('is-stale');
    await page.screenshot({ path: screenshotPath('desk-stale') });
    // Back live: the marks go.
    server.control.refuseSockets(0);
    await page.getByRole('button', { name: 'Reconnect now' }).click();
    await page.locator('[data-connection-state="live"]').waitFor({ timeout: 15_000 });
    await poll(() => page.locator('.desk-stale').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('disables the commands for a role that may not operate, and says why', async () => {
    const tenantContext = await newContext(browser, TALL);
    try {
      const tenant = await tenantContext.newPage();
      await tenant.goto(tenantHub.url);
      await tenant.locator('[data-connection-state="public-only"]').waitFor({ timeout: 20_000 });
      // A tenant gets no fleet list; a status change on the public channel brings a machine into view
      // (sent again until one arrives: the hub may still be subscribing).
      let status: 'full' | 'error' = 'error';
      await poll(() => {
        status = status === 'full' ? 'error' : 'full';
        server.control.setStatus(Number(xssId), status);
        return row(tenant, xssId).count();
      }).toBe(1);
      await row(tenant, xssId).click();
      const buttons = tenant.getByTestId('machine-drawer').locator('[data-command-status]');
      await poll(() => buttons.count()).toBe(5);
      for (const button of await buttons.all()) expect(await button.isDisabled()).toBe(true);
      const reasonId = (await buttons.first().getAttribute('aria-describedby'))!;
      expect(await tenant.locator(`[id="${reasonId}"]`).textContent()).toMatch(/Tenant/);
    } finally {
      await tenantContext.close();
    }
  });
});

/** Laravel-style settings for `--env-file`: the REST API at `apiUrl`, Reverb and channel auth at the demo server. */
function writeEnvFile(server: DemoServer, apiUrl: string, email: string): string {
  const envFile = join(mkdtempSync(join(tmpdir(), 'rvm-desk-')), '.env');
  writeFileSync(
    envFile,
    [
      `RVM_API_URL=${apiUrl}/api/v2`,
      `RVM_AUTH_ENDPOINT=${server.url}/api/broadcasting/auth`,
      `REVERB_APP_KEY=${server.key}`,
      `REVERB_HOST=${server.wsHost}`,
      `REVERB_PORT=${server.wsPort}`,
      'REVERB_SCHEME=http',
      `RVM_EMAIL=${email}`,
      `RVM_PASSWORD=${DEMO_PASSWORD}`,
    ].join('\n'),
  );
  return envFile;
}

/**
 * Forwards every request to the demo server, except that the status command for `deletedId` goes to
 * an id the server has never had — as if the machine had been deleted there meanwhile. The answer
 * (a 404 "RVM not found") is the demo server's, and comes a moment later so the pending state shows.
 */
function startRestProxy(target: string, deletedId: string): Promise<Server> {
  const upstream = new URL(target);
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    let path = incoming.url ?? '/';
    const refused = incoming.method === 'POST' && path === `/api/v2/admin/rvm/${deletedId}/status`;
    if (refused) path = '/api/v2/admin/rvm/999999/status';
    const send = () => {
      const proxied = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: incoming.method, path, headers: { ...incoming.headers, host: upstream.host } },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      proxied.on('error', () => outgoing.destroy());
      incoming.pipe(proxied);
    };
    if (refused) setTimeout(send, 800);
    else send();
  };
  return new Promise((resolve) => {
    const proxy = createServer(forward);
    proxy.listen(0, '127.0.0.1', () => resolve(proxy));
  });
}
