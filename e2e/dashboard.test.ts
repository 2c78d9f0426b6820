import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshotPath } from './support/browser';
import type { HubProcess } from './support/hub-process';
import { startHub } from './support/hub-process';

const CHARTS = ['status', 'rate', 'capacity'] as const;

describe('the dashboard in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Console errors, uncaught exceptions and CSP violations, as they happen. */
  const problems: string[] = [];

  beforeAll(async () => {
    hub = await startHub(['--demo']);
    browser = await launchChromium();
    context = await newContext(browser);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    // Runs outside the page's CSP, so it reports a violation even if the page could not.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
      ),
    );
    // A dim control room: the page starts in its dark theme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(hub.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Dashboard', exact: true }).click();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    expect(await hub?.stop()).toBe(0);
  });

  it('shows the fleet of 24 in the cards and draws all three charts', async () => {
    await expect.poll(() => page.locator('[data-stat="total"] .stat-value').textContent(), { timeout: 15_000 }).toBe('24');
    for (const name of CHARTS) await page.locator(`[data-chart="${name}"] svg.apexcharts-svg`).waitFor();
    // The donut's legend carries the translated statuses and their counts, which add up to the fleet.
    const legend = await page.locator('[data-chart="status"] .apexcharts-legend-text').allTextContents();
    expect(legend.map((text) => text.split(':')[0])).toEqual(['Active', 'Full', 'Maintenance', 'Inactive', 'Error', 'Unknown']);
    expect(legend.reduce((sum, text) => sum + Number(text.split(':')[1]), 0)).toBe(24);
  });

  it('fills the events-per-minute chart from the live feed', async () => {
    const summary = page.getByTestId('rate-summary');
    await expect.poll(async () => Number(await summary.getAttribute('data-total')), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await summary.textContent()).toMatch(/^[1-9][\d,]* events in the last 60 minutes/);
    // Sixty minutes, one row each, in the visually hidden table under the chart.
    expect(await page.locator('[data-chart="rate"] ~ .visually-hidden tbody tr').count()).toBe(60);
  });

  it('looks right in the dark theme, with no console errors or CSP violations', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: screenshotPath('dashboard') });
    expect(problems).toEqual([]);
  });

  it('relabels the charts when the language changes', async () => {
    await page.getByLabel('Language').selectOption('id');
    await expect
      .poll(() => page.locator('[data-chart="status"] .apexcharts-legend-text').first().textContent())
      .toMatch(/^Aktif: \d+$/);
    expect(await page.locator('[data-chart="rate"] svg.apexcharts-svg').getAttribute('aria-label')).toMatch(/^Diagram kolom/);
    expect(await page.locator('[data-stat="total"] .stat-label').textContent()).toContain('Mesin');
    expect(problems).toEqual([]);
  });
});
