import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext } from '../../e2e/support/browser';
import type { HubProcess } from '../../e2e/support/hub-process';
import { startHub } from '../../e2e/support/hub-process';
import { envFileFor } from './control-room';
import type { ServerAddress } from './live-client';
import { pageNow } from './page-probes';
import type { BenchContext } from './scenario';

export { launchChromium } from '../../e2e/support/browser';

export const rows = (page: Page) => page.locator('[role="row"][data-rvm-id]');

/** The built hub (`node <out>/main/hub.js`), signed in to `server` through `--env-file`, as an operator would start it. */
export async function startHubFor(context: BenchContext, server: ServerAddress): Promise<HubProcess> {
  const envFile = join(context.tempDir('hub-env-'), '.env');
  writeFileSync(envFile, envFileFor(server));
  return startHub(['--env-file', envFile]);
}

/** A fresh page, with `initScripts` installed before the page's own, opened on `url` (after `beforeLoad`). */
export async function openPage(
  browser: Browser,
  url: string,
  initScripts: (() => void)[] = [],
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  for (const script of initScripts) await page.addInitScript(script);
  await beforeLoad?.(page);
  await page.goto(url);
  return { context, page, problems };
}

/** Waits for the desk to show the live fleet. */
export async function waitForLiveDesk(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.locator('[data-connection-state="live"]').first().waitFor({ timeout: timeoutMs });
  await rows(page).first().waitFor({ timeout: timeoutMs });
}

/**
 * How far the page's clock is ahead of this process's (ms): both read the system clock, but through
 * different timers; the round trip's midpoint stands for the moment the page read its clock.
 */
export async function pageClockOffset(page: Page): Promise<number> {
  const offsets: number[] = [];
  for (let i = 0; i < 7; i++) {
    const before = Date.now();
    const inPage = await page.evaluate(pageNow);
    const after = Date.now();
    offsets.push(inPage - (before + after) / 2);
  }
  return offsets.sort((a, b) => a - b)[3];
}
