import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { launchChromium, newContext, screenshotPath } from './support/browser';
import type { HubProcess } from './support/hub-process';
import { startHub } from './support/hub-process';

const DISPLAY_KEY = 'wall-display-key-0123456789';
const FULL_HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

/** Three views, five seconds each (the shortest a layout allows), so the test sees the rotation. */
const LAYOUT = {
  version: 1,
  name: 'E2E wall',
  displays: [{ name: 'Lobby', screen: 'primary', playlist: [{ view: 'grid' }, { view: 'critical' }, { view: 'stats' }], intervalSeconds: 5 }],
  resumeAfterSeconds: 5,
};

/** The hub's address for a wall display: its display key instead of the access token. */
function wallUrl(hub: HubProcess, key = DISPLAY_KEY): string {
  const url = new URL(hub.url);
  url.searchParams.delete('token');
  url.searchParams.set('key', key);
  url.hash = 'wall';
  return url.toString();
}

interface Result {
  ok: boolean;
  code?: string;
  value?: unknown;
}

/** Sends commands over the contract socket with a key, as a page would, and returns the access and results. */
async function ask(hub: HubProcess, key: string, commands: Array<{ name: string; args: unknown }>): Promise<{ access: string; results: Result[] }> {
  const port = new URL(hub.url).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${encodeURIComponent(key)}`);
  const frames: Array<{ type: string; id?: number; access?: string; result?: Result }> = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  commands.forEach((command, id) => socket.send(JSON.stringify({ type: 'command', id, ...command })));
  await expect.poll(() => frames.filter((frame) => frame.type === 'result').length).toBe(commands.length);
  socket.close();
  return {
    access: frames.find((frame) => frame.type === 'welcome')?.access ?? 'none',
    results: commands.map((_, id) => frames.find((frame) => frame.type === 'result' && frame.id === id)!.result!),
  };
}

/** Opens the wall in its own browser context, collecting console errors, page errors and CSP violations. */
async function openWall(browser: Browser, url: string, viewport: { width: number; height: number }, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`)),
  );
  // The desk's light theme must not reach the wall.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  return { context, page };
}

const tiles = (page: Page) => page.locator('.wall-grid [data-rvm-id]');

describe('the wall display in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fullHdTileHeight = 0;
  const problems: string[] = [];

  beforeAll(async () => {
    const layoutFile = join(mkdtempSync(join(tmpdir(), 'rvm-wall-')), 'wall.json');
    writeFileSync(layoutFile, JSON.stringify(LAYOUT));
    hub = await startHub(['--demo', '--display-key', DISPLAY_KEY, '--layout', layoutFile]);
    browser = await launchChromium();
    ({ context, page } = await openWall(browser, wallUrl(hub), FULL_HD, problems));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    expect(await hub?.stop()).toBe(0);
  });

  it('shows every demo machine as a tile, full screen, with no desk around it', async () => {
    await expect.poll(() => tiles(page).count(), { timeout: 20_000 }).toBe(24);
    await expect.poll(() => page.locator('[data-connection-state]').getAttribute('data-connection-state'), { timeout: 15_000 }).toBe('live');
    expect(await page.locator('.app-header, .app-nav').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Every tile says its status in a word the page can read, not by colour alone.
    const statuses = await tiles(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-status')));
    expect(statuses.every((status) => ['active', 'full', 'maintenance', 'inactive', 'error', 'unknown'].includes(status ?? ''))).toBe(true);
    // Nothing scrolls: the grid fits the screen.
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await page.locator('.wall-grid').getAttribute('data-fits')).toBe('true');
    fullHdTileHeight = (await tiles(page).first().boundingBox())!.height;
    // The key left the address bar.
    expect(page.url()).not.toContain('key=');
    await page.screenshot({ path: screenshotPath('wall-1080p') });
  });

  it('rotates to the critical list, then the stats, then back to the grid', async () => {
    await page.locator('[data-wall-view="critical"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.wall-critical').count()).toBe(1);
    const critical = await page.locator('.wall-critical [data-rvm-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(critical.every((status) => status === 'full' || status === 'error')).toBe(true);
    await page.locator('[data-wall-view="stats"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('[data-stat="total"] .stat-value').textContent()).toBe('24');
    await page.locator('[data-chart="status"] svg.apexcharts-svg').waitFor();
    await page.locator('[data-wall-view="grid"]').waitFor({ timeout: 15_000 });
    expect(await tiles(page).count()).toBe(24);
  });

  it('updates live, and sounds when a machine goes into error', async () => {
    const id = (await tiles(page).first().getAttribute('data-rvm-id'))!;
    const before = await tiles(page).first().getAttribute('data-status');
    const next = before === 'error' ? 'maintenance' : 'error';
    const alertsBefore = Number(await page.getByTestId('wall-sound').getAttribute('data-alert-count'));
    // The desk's command, sent with the access token (the wall's own key may not).
    const { results } = await ask(hub, new URL(hub.url).searchParams.get('token')!, [{ name: 'machine.set-status', args: { id, status: next } }]);
    expect(results[0]).toMatchObject({ ok: true });
    // The machine shows its new status wherever it is on the wall now: a tile, or a critical row.
    await expect
      .poll(async () => {
        const shown = page.locator(`[data-rvm-id="${id}"]`);
        return (await shown.count()) > 0 ? shown.first().getAttribute('data-status') : null;
      }, { timeout: 20_000 })
      .toBe(next);
    if (next === 'error') {
      await expect.poll(async () => Number(await page.getByTestId('wall-sound').getAttribute('data-alert-count'))).toBeGreaterThan(alertsBefore);
    }
  });

  it('refuses every command from a display key that would change something', async () => {
    const { access, results } = await ask(hub, DISPLAY_KEY, [
      { name: 'machine.set-status', args: { id: '1', status: 'maintenance' } },
      { name: 'wall.import-layout', args: { text: JSON.stringify(LAYOUT) } },
      { name: 'session.sign-out', args: {} },
      { name: 'wall.layout', args: {} },
    ]);
    expect(access).toBe('read');
    expect(results.slice(0, 3)).toEqual([
      expect.objectContaining({ ok: false, code: 'read-only' }),
      expect.objectContaining({ ok: false, code: 'read-only' }),
      expect.objectContaining({ ok: false, code: 'read-only' }),
    ]);
    expect(results[3]).toMatchObject({ ok: true, value: { layout: { name: 'E2E wall' } } });
    // Still signed in and live: the refused sign-out did nothing.
    expect(await page.locator('[data-connection-state]').getAttribute('data-connection-state')).toBe('live');
  });

  it('pauses while someone uses it, hides an idle cursor, and keeps the mute choice', async () => {
    await page.mouse.move(400, 400);
    await page.getByTestId('wall-paused').waitFor();
    expect(await page.locator('.wall-progress').getAttribute('data-paused')).toBe('true');
    await expect.poll(() => page.locator('.wall').getAttribute('class'), { timeout: 6_000 }).toContain('wall-idle');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.wall-content')!).cursor)).toBe('none');
    // Quiet for the layout's five seconds: the rotation goes on.
    await page.getByTestId('wall-paused').waitFor({ state: 'detached', timeout: 10_000 });

    const sound = page.getByTestId('wall-sound');
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    await sound.focus();
    await page.keyboard.press('Space');
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await expect.poll(() => page.getByTestId('wall-sound').getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('false');
    expect(problems).toEqual([]);
  });

  it('fills a 4K wall the same way, with larger tiles', async () => {
    const { context: uhd, page: large } = await openWall(browser, wallUrl(hub), UHD, problems);
    await expect.poll(() => tiles(large).count(), { timeout: 20_000 }).toBe(24);
    expect((await tiles(large).first().boundingBox())!.height).toBeGreaterThan(fullHdTileHeight);
    await large.screenshot({ path: screenshotPath('wall-4k') });
    expect(problems).toEqual([]);
    await uhd.close();
  });
});

describe('a wall display before the control room signs in', () => {
  let hub: HubProcess;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startHub(['--display-key', DISPLAY_KEY]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await hub?.stop()).toBe(0);
  });

  it('says plainly that it waits for the sign-in, and a wrong key that it was refused', async () => {
    const problems: string[] = [];
    const { context, page } = await openWall(browser, wallUrl(hub), FULL_HD, problems);
    await expect.poll(() => page.locator('[data-wall-waiting]').getAttribute('data-wall-waiting'), { timeout: 15_000 }).toBe('signIn');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Waiting for the control room to sign in');
    expect(await page.locator('[data-connection-state]').getAttribute('data-connection-state')).toBe('signed-out');
    expect(await page.locator('[data-rvm-id]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const refused = await openWall(browser, wallUrl(hub, 'not-the-display-key-0000'), FULL_HD, []);
    await expect.poll(() => refused.page.locator('[data-wall-waiting]').getAttribute('data-wall-waiting'), { timeout: 15_000 }).toBe('refused');
    await refused.context.close();
  });
});
