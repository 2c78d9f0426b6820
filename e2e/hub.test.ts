import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { WebSocket } from 'ws';
import { launchChromium, newContext, screenshotPath } from './support/browser';
import type { HubProcess } from './support/hub-process';
import { startHub } from './support/hub-process';

describe('the hub in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await hub?.stop()).toBe(0);
  });

  it('prints its address with an access token, bound to loopback', () => {
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{16,}$/);
  });

  it('renders app.info and the connection state from the core', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(hub.url);
    await page.getByRole('button', { name: 'About' }).click();
    await page.getByTestId('app-info').waitFor();
    await expect.poll(() => page.locator('[data-field="name"]').textContent()).toBe('RVM Control Room');
    expect(await page.locator('[data-field="dataDir"]').textContent()).toBe(hub.dataDir);
    expect(await page.locator('[data-field="runtime"]').textContent()).toBe('Hub (in a browser)');
    expect(await page.locator('[data-connection-state]').getAttribute('data-connection-state')).toBe('signed-out');
    // The token leaves the address bar once the page has it.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: screenshotPath('hub-about'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('serves the page with a content security policy that forbids eval', async () => {
    const response = await fetch(new URL('/', hub.url));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it('refuses the contract socket without the token, and files outside the renderer', async () => {
    const port = new URL(hub.url).port;
    const refused = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=wrong-token-wrong-token`);
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(refused).toBe(401);
    const traversal = await fetch(`http://127.0.0.1:${port}/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it('answers a command over the socket with the token, and refuses a malformed one', async () => {
    const token = new URL(hub.url).searchParams.get('token')!;
    const port = new URL(hub.url).port;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${token}`);
    const messages: Array<{ type: string; id?: number; result?: { ok: boolean; code?: string } }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('{not json');
    socket.send(JSON.stringify({ type: 'command', id: 1, name: 'app.info', args: { extra: true } }));
    socket.send(JSON.stringify({ type: 'command', id: 2, name: 'app.info', args: {} }));
    await expect.poll(() => messages.filter((m) => m.type === 'result').length).toBe(2);
    socket.close();
    expect(messages[0]).toEqual({ type: 'welcome', access: 'operate' });
    expect(messages.find((m) => m.id === 1)?.result).toMatchObject({ ok: false, code: 'invalid-arguments' });
    expect(messages.find((m) => m.id === 2)?.result).toMatchObject({ ok: true });
  });
});
