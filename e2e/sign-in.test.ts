import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshotPath } from './support/browser';
import type { HubProcess } from './support/hub-process';
import { startHub } from './support/hub-process';

const SECRET = 's3cr3t-never-shown-9f2c41';
const ENV_TEXT = [
  'APP_NAME="Depo Ciliwung"',
  'APP_URL=https://rvm.example.id',
  'RVM_API_URL=https://rvm.example.id/api/v2',
  'REVERB_APP_ID=501',
  'REVERB_APP_KEY=ciliwung-key',
  `REVERB_APP_SECRET=${SECRET}`,
  'REVERB_HOST=ws.example.id',
  'REVERB_PORT=8080',
  'REVERB_SCHEME=https',
  'RVM_EMAIL=ops@example.id',
  'RVM_PASSWORD=from-the-env-file',
].join('\n');

/** The sign-in view of a hub started without --demo: the operator's way in. */
describe('signing in', () => {
  let hub: HubProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const banner = () => page.locator('[data-connection-state]');
  const alertWith = (text: string) => page.getByRole('alert').filter({ hasText: text });

  beforeAll(async () => {
    hub = await startHub([]);
    browser = await launchChromium();
    context = await newContext(browser);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(hub.url);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    expect(await hub?.stop()).toBe(0);
  });

  it('shows the sign-in view when nobody is signed in', async () => {
    await page.getByRole('button', { name: 'Try the demo fleet' }).waitFor();
    expect(await banner().getAttribute('data-connection-state')).toBe('signed-out');
    await expect.poll(() => page.getByText('A simulated fleet of 24 machines runs inside the app', { exact: false }).count()).toBe(1);
  });

  it('starts the demo fleet in one click and shows the desk, then signs out back to sign-in', async () => {
    await page.getByRole('button', { name: 'Try the demo fleet' }).click();
    await expect.poll(() => page.locator('[data-rvm-id]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => banner().getAttribute('data-connection-state'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => page.locator('.session-menu').textContent()).toContain('Operator');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Try the demo fleet' }).waitFor();
    await expect.poll(() => banner().getAttribute('data-connection-state')).toBe('signed-out');
    expect(await page.locator('[data-rvm-id]').count()).toBe(0);
  });

  it('says "Wrong email or password." for a wrong password on the demo profile', async () => {
    await page.getByRole('radio', { name: /Demo fleet/ }).check();
    const email = page.getByLabel('Email');
    expect(await email.inputValue()).toBe('operator@demo.rvm');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await alertWith('Wrong email or password.').waitFor();
    // The password is selected for retyping.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-password');
    expect(await banner().getAttribute('data-connection-state')).toBe('signed-out');
  });

  it('marks each setting that needs fixing before anything is saved', async () => {
    await page.getByRole('button', { name: 'Add a server' }).click();
    await page.getByLabel('Name').fill('Half done');
    await page.getByLabel('API base URL').fill('rvm.example.id');
    await page.getByLabel('Port (REVERB_PORT)').fill('0');
    await page.getByLabel('Name').press('Enter');
    await alertWith('Some settings need fixing').waitFor();
    const invalid = await page.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((field) => field.id));
    expect(invalid).toEqual(['signin-profile-apiBaseUrl', 'signin-profile-reverbKey', 'signin-profile-reverbHost', 'signin-profile-reverbPort', 'signin-profile-authEndpoint']);
    // Focus goes to the first field to fix, whose error is read with it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-profile-apiBaseUrl');
    expect(await page.getByLabel('API base URL').getAttribute('aria-describedby')).toContain('signin-profile-apiBaseUrl-error');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('radio', { name: /Half done/ }).count()).toBe(0);
  });

  it('names the API address when it cannot be reached', async () => {
    await page.getByRole('button', { name: 'Add a server' }).click();
    // The form opens with its first field focused.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-profile-name');
    await page.getByLabel('Name').fill('Nowhere');
    await page.getByLabel('API base URL').fill('http://127.0.0.1:9/api/v2');
    await page.getByLabel('App key (REVERB_APP_KEY)').fill('nowhere-key');
    // Leaving the API field fills in the usual guesses for the Reverb host and the auth endpoint.
    expect(await page.getByLabel('Host (REVERB_HOST)').inputValue()).toBe('127.0.0.1');
    expect(await page.getByLabel('Channel authorisation endpoint').inputValue()).toBe('http://127.0.0.1:9/api/broadcasting/auth');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Jakarta');
    await page.getByLabel('Port (REVERB_PORT)').fill('8080');
    await page.getByLabel('Scheme (REVERB_SCHEME)').selectOption('http');
    await page.getByLabel('Port (REVERB_PORT)').press('Enter');

    await page.getByRole('heading', { name: 'Sign in to Nowhere' }).waitFor();
    await page.getByLabel('Email').fill('operator@demo.rvm');
    await page.getByLabel('Password', { exact: true }).fill('demo12345');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = alertWith('could not be reached');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('http://127.0.0.1:9/api/v2');
  });

  it('removes a server only after asking', async () => {
    await page.getByRole('button', { name: 'Remove Nowhere' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Nowhere?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('radio', { name: /Nowhere/ }).count()).toBe(1);

    await page.getByRole('button', { name: 'Remove Nowhere' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('radio', { name: /Nowhere/ }).count()).toBe(0);
  });

  it('imports a pasted .env into the form, and never shows the Reverb secret', async () => {
    await page.getByRole('button', { name: 'Import a .env file' }).click();
    const text = page.getByLabel('The .env text');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-env-text');
    await text.fill(ENV_TEXT);
    await page.getByRole('button', { name: 'Read the settings' }).click();
    await page.getByTestId('env-notes').waitFor();

    expect(await page.getByTestId('env-notes').textContent()).toContain('The Reverb secret was ignored');
    expect(await page.getByLabel('Name').inputValue()).toBe('Depo Ciliwung');
    expect(await page.getByLabel('API base URL').inputValue()).toBe('https://rvm.example.id/api/v2');
    expect(await page.getByLabel('App key (REVERB_APP_KEY)').inputValue()).toBe('ciliwung-key');
    expect(await page.getByLabel('Host (REVERB_HOST)').inputValue()).toBe('ws.example.id');
    expect(await page.getByLabel('Port (REVERB_PORT)').inputValue()).toBe('8080');
    expect(await page.getByLabel('Scheme (REVERB_SCHEME)').inputValue()).toBe('https');
    expect(await page.getByLabel('Channel authorisation endpoint').inputValue()).toBe('https://rvm.example.id/api/broadcasting/auth');

    const secretOnPage = () =>
      page.evaluate((secret) => {
        const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((field) => field.value);
        return [document.documentElement.outerHTML, document.body.innerText, ...values].some((text) => text.includes(secret));
      }, SECRET);
    expect(await secretOnPage()).toBe(false);

    await page.getByRole('button', { name: 'Save server' }).click();
    await page.getByRole('heading', { name: 'Sign in to Depo Ciliwung' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('ops@example.id');
    // RVM_PASSWORD fills the password for this one sign-in.
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('from-the-env-file');
    expect(await secretOnPage()).toBe(false);

    await page.screenshot({ path: screenshotPath('sign-in'), fullPage: true });

    // Editing keeps the profile and its email; a server's name is shown as text, never as markup.
    await page.getByRole('button', { name: 'Edit Depo Ciliwung' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-profile-name');
    await page.getByLabel('Name').fill('<img src=x onerror=alert(1)>');
    await page.getByLabel('Name').press('Enter');
    await page.getByRole('heading', { name: 'Sign in to <img src=x onerror=alert(1)>' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('ops@example.id');
    expect(await page.locator('.signin img').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
