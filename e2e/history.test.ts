import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from '../src/demo-server/index';
import { DEMO_PASSWORD, startDemoServer } from '../src/demo-server/index';
import { launchChromium, newContext, openWatchedPage, screenshotPath } from './support/browser';
import type { HubProcess } from './support/hub-process';
import { startHub } from './support/hub-process';

/** Tall enough that the virtualised desk renders all 24 demo machines at once. */
const TALL = { width: 1440, height: 1400 };

const rows = (page: Page) => page.locator('[role="row"][data-rvm-id]');
const row = (page: Page, id: string) => page.locator(`[role="row"][data-rvm-id="${id}"]`);
const nav = (page: Page, name: string) => page.locator('.app-nav').getByRole('button', { name, exact: true });

const openPage = openWatchedPage;

/**
 * The history is a cache: it must serve the review when the server is gone. A hub records a busy
 * demo fleet and two status changes the test makes at known moments; then the hub and the server
 * both stop, and a new hub opens on the same data folder with nothing to connect to.
 */
describe('history and replay from the cache, with the server gone', () => {
  let server: DemoServer;
  let hub: HubProcess | null = null;
  let browser: Browser;
  let context: BrowserContext;
  let dataDir: string;
  let machineId: string;

  beforeAll(async () => {
    server = await startDemoServer({ port: 0, rate: 20 });
    const envFile = join(mkdtempSync(join(tmpdir(), 'rvm-history-')), '.env');
    writeFileSync(
      envFile,
      [
        `RVM_API_URL=${server.url}/api/v2`,
        `RVM_AUTH_ENDPOINT=${server.url}/api/broadcasting/auth`,
        `REVERB_APP_KEY=${server.key}`,
        `REVERB_HOST=${server.wsHost}`,
        `REVERB_PORT=${server.wsPort}`,
        'REVERB_SCHEME=http',
        'RVM_EMAIL=operator@demo.rvm',
        `RVM_PASSWORD=${DEMO_PASSWORD}`,
      ].join('\n'),
    );
    [hub, browser] = await Promise.all([startHub(['--env-file', envFile]), launchChromium()]);
    dataDir = hub.dataDir;
    context = await newContext(browser, TALL);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (hub) expect(await hub.stop()).toBe(0);
    await server?.stop();
  });

  it('records the live fleet and two status changes made at known moments', async () => {
    const { page, problems } = await openPage(context, hub!.url);
    await page.locator('[data-connection-state="live"]').waitFor({ timeout: 20_000 });
    await rows(page).first().waitFor();
    // A busy fleet first (20 events a second), then quiet, so only the test changes statuses.
    await expect.poll(() => server.control.stats().eventsGenerated, { timeout: 15_000 }).toBeGreaterThan(60);
    server.control.stopSimulator();
    const machine = server.control.truth().find((candidate) => candidate.status !== 'inactive' && candidate.status !== 'error')!;
    machineId = String(machine.id);
    for (const status of ['inactive', 'error'] as const) {
      const changed = server.control.setStatus(machine.id, status);
      expect(changed.ok).toBe(true);
      await expect.poll(() => row(page, machineId).getAttribute('data-status')).toBe(status);
    }
    expect(problems).toEqual([]);
    await page.close();
    expect(await hub!.stop()).toBe(0);
    hub = null;
    await server.stop();
  });

  it('opens the cached fleet and its history offline, replays it, and goes back to live', async () => {
    hub = await startHub([], undefined, dataDir);
    const { page, problems } = await openPage(context, hub.url);
    await rows(page).first().waitFor({ timeout: 20_000 });
    await expect.poll(() => rows(page).count()).toBe(24);
    expect(['offline', 'connecting', 'reconnecting']).toContain(await page.locator('[data-connection-state]').getAttribute('data-connection-state'));
    expect(await row(page, machineId).getAttribute('data-status')).toBe('error');

    await nav(page, 'History').click();
    await page.getByTestId('history-view').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('history-count').getAttribute('data-total'))).toBeGreaterThan(60);
    await expect.poll(() => page.getByTestId('history-events').locator('[role="row"][data-seq]').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('cached-range').textContent()).toMatch(/^Cached history from .+ to .+/);
    // The whole cache as the range: the timeline spans exactly the recorded stretch.
    await page.locator('[data-range="all"]').click();
    await expect.poll(() => page.locator('[data-range="all"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('timeline-legend').textContent()).toMatch(/^\d+ events in this range/);

    // The machine's own history: its newest status event is the change to "error".
    await page.getByTestId('machine-filter').selectOption(machineId);
    const errorEvent = page.getByTestId('history-events').locator('[role="row"][data-type="rvm.status.updated"][data-status="error"]').first();
    await errorEvent.waitFor();
    const errorTime = Number(await errorEvent.getAttribute('data-time'));
    await errorEvent.locator('.history-time-button').click();
    const bar = page.getByTestId('replay-bar');
    await expect.poll(() => bar.getAttribute('data-replay-time')).toBe(new Date(errorTime).toISOString());
    const slider = page.getByRole('slider');
    expect(Number(await slider.getAttribute('aria-valuenow'))).toBe(errorTime);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/\d{2}:\d{2}:\d{2}/);

    // On the desk, the replayed fleet: the machine as it was just after the change.
    await nav(page, 'Fleet').click();
    await expect.poll(() => row(page, machineId).getAttribute('data-status')).toBe('error');
    expect(await bar.textContent()).toContain('REPLAY');
    await page.screenshot({ path: screenshotPath('replay') });

    // One event earlier (the change to "inactive"): the same row shows the status before the change.
    await nav(page, 'History').click();
    await page.getByTestId('step-previous').click();
    await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeLessThan(errorTime);
    await expect.poll(async () => Date.parse((await bar.getAttribute('data-replay-time'))!)).toBeLessThan(errorTime);
    await page.screenshot({ path: screenshotPath('history') });
    await nav(page, 'Fleet').click();
    await expect.poll(() => row(page, machineId).getAttribute('data-status')).toBe('inactive');
    await bar.waitFor();

    await page.getByTestId('back-to-live').click();
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => row(page, machineId).getAttribute('data-status')).toBe('error');
    expect(problems).toEqual([]);
  });

  it('exports the filtered events as a CSV download with its header', async () => {
    const page = context.pages().at(-1)!;
    await nav(page, 'History').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const file = await download.path();
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('seq,time,machine_id,machine_name,type,status,payload');
    // The filter is the one machine: every row is about it.
    const body = lines.slice(1).filter((line) => line !== '');
    expect(body.length).toBeGreaterThanOrEqual(2);
    for (const line of body) expect(line.split(',')[2]).toBe(machineId);
    await expect.poll(() => page.getByTestId('export-result').textContent()).toMatch(/rows? written/);
  });
});
