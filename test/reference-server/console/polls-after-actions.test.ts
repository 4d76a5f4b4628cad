/**
 * The console's screens that poll, in real Chromium, with a poll asked before an action and answered after the
 * action's own refresh was drawn, as on a slow network: the poll goes to the server at once, but its answer reaches
 * the page only once the action's outcome shows. The screen must not draw that poll's older state (a removed
 * authenticator back in the list, the password lock off again, a paired device gone again, the login's password form
 * again once the password was taken). The check is made when
 * the screen asks its next poll: it asks that only once it has handled the held answer (one poll at a time), and
 * that poll's answer is held too, so nothing has drawn the screen anew since.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { browserContext, CHROMIUM_PATH, closeIdleBrowser } from '../../../conformance/kit/browser.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { registerOwners } from '../../helpers/owner-authenticator.js';
import { bytesOf, deviceIdentity, photo, sha256, startTestServer, type TestServer } from '../../helpers/test-server.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const KEY = 'console-key-for-the-polls-test';
let t: TestServer;

interface HeldRead {
  /** The server has answered it: the state it read is the one before whatever the test does next. */
  readonly answered: Promise<void>;
  /** Hands the answer to the page. */
  release(): void;
}

/** The page's next GET of a path: sent to the server at once, its answer handed to the page once released. */
async function holdNextRead(page: Page, pathname: RegExp): Promise<HeldRead> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let serverAnswered = (): void => undefined;
  const answered = new Promise<void>((resolve) => (serverAnswered = resolve));
  let taken = false;
  await page.route(
    (url) => pathname.test(url.pathname),
    async (route: Route) => {
      if (taken || route.request().method() !== 'GET') return route.fallback();
      taken = true;
      const response = await route.fetch();
      serverAnswered();
      await released;
      // A page closed meanwhile takes no answer.
      await route.fulfill({ response }).catch(() => undefined);
    },
  );
  return { answered, release };
}

/**
 * Holds a poll of a path across `act` (which ends once the action's outcome shows), hands it to the page, and
 * returns what `shown` reads of the page when the poll after it is asked.
 */
async function acrossHeldPoll<T>(page: Page, pathname: RegExp, act: () => Promise<void>, shown: () => Promise<T>) {
  const before = await holdNextRead(page, pathname);
  await before.answered;
  await act();
  const next = await holdNextRead(page, pathname);
  before.release();
  await next.answered;
  const seen = await shown();
  next.release();
  return seen;
}

async function signedIn(page?: Page): Promise<Page> {
  // A context of its own: nothing kept in the browser (a trusted browser, the console key) from another test.
  page ??= await (await browserContext()).newPage();
  await page.goto(`${t.server.url}/`);
  await page.waitForSelector('html[data-ready=sign-in]');
  await page.fill('#console-key', KEY);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('html[data-ready=console]');
  return page;
}

const authenticatorRow = (id: string) => `#authenticator-list tr[data-authenticator-id="${id}"]`;

beforeAll(async () => {
  t = await startTestServer('pro', { consoleKey: KEY });
});
afterAll(async () => {
  await closeIdleBrowser();
  await t?.close();
});

describe.skipIf(!hasChromium)('a poll asked before an action and answered after it', () => {
  it('never brings a removed authenticator back on Settings > Authentication', async () => {
    const kept = await registerOwners(t.console, t.server.url, 'Kept phone');
    const removed = await registerOwners(t.console, t.server.url, 'Removed phone');
    const page = await signedIn();
    await page.click('#tab-authentication');
    await page.waitForSelector(authenticatorRow(removed.id));
    const rows = await acrossHeldPoll(
      page,
      /^\/v1\/console\/2fa$/,
      async () => {
        await page.click(`${authenticatorRow(removed.id)} .remove-authenticator`);
        await page.waitForSelector(authenticatorRow(removed.id), { state: 'detached' });
      },
      () => page.$$eval('#authenticator-list tr', (trs) => trs.map((tr) => tr.getAttribute('data-authenticator-id'))),
    );
    expect(rows).toEqual([kept.id]);
    expect(await page.textContent('#authentication-error')).toBe('');
    // The screen still draws what changes after the step: a phone registered through the protocol shows.
    const later = await registerOwners(t.console, t.server.url, 'Later phone');
    await page.waitForSelector(authenticatorRow(later.id));
    await page.context().close();
  });

  it('never shows the password lock off again once it was set', async () => {
    const page = await signedIn();
    await page.click('#tab-authentication');
    await page.waitForSelector('#password-lock-state:text("Password lock: off")');
    const lock = await acrossHeldPoll(
      page,
      /^\/v1\/console\/2fa$/,
      async () => {
        await page.fill('#lock-password', 'Lock-password-4821');
        await page.fill('#lock-email', 'owner@example.com');
        await page.click('#lock-set');
        await page.waitForSelector('#password-lock-state:text("Password lock: on")');
      },
      () => page.textContent('#password-lock-state'),
    );
    expect(lock).toBe('Password lock: on');
    await page.context().close();
  });

  it('never takes a device that just paired off Settings > Mobile Backup', async () => {
    const page = await signedIn();
    const created = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/console/pairings' && r.request().method() === 'POST',
    );
    await page.click('#add-or-migrate');
    await page.click('#wizard-next');
    const pairing = (await (await created).json()) as { token: string };
    let deviceId = '';
    const rows = await acrossHeldPoll(
      page,
      /^\/v1\/console\/devices$/,
      async () => {
        const paired = await new MbsClient({ baseUrl: t.server.url }).call('pair', {
          body: { token: pairing.token, edition: 'pro', device: deviceIdentity('Just paired') },
        });
        deviceId = paired.deviceId;
        await page.waitForSelector(`#device-list tr[data-device-id="${deviceId}"]`);
      },
      () => page.$$eval('#device-list tr', (trs) => trs.map((tr) => tr.getAttribute('data-device-id'))),
    );
    expect(rows).toContain(deviceId);
    await page.context().close();
  });

  it("never draws a device's backups older than ones it drew on Settings > Mobile Backup", async () => {
    const device = await t.pairDevice('Backed-up phone');
    const items = new RegExp(`^/v1/console/devices/${device.deviceId}/items$`);
    const count = `#device-list tr[data-device-id="${device.deviceId}"] .backup-count`;
    // The screen's first read of the device's backups, held from the start: it reads "no backups".
    const page = await (await browserContext()).newPage();
    const first = await holdNextRead(page, items);
    await signedIn(page);
    await first.answered;
    // A backup: its commit tells the screen, which reads the device's backups again (not held) and draws them.
    const bytes = bytesOf(7, 64);
    const job = await device.call('startBackup', { body: {} });
    await device.uploadItem(job.backupId, bytes, photo('IMG_1.jpg'), sha256(bytes));
    await device.call('commitBackup', {
      params: { backupId: job.backupId },
      body: { present: [sha256(bytes)], accounts: [] },
    });
    await page.waitForSelector(`${count}:text("1 backed-up items")`);
    // The first read answers last; what shows when the screen next reads the device is checked.
    const next = await holdNextRead(page, items);
    first.release();
    await next.answered;
    const shown = await page.textContent(count);
    next.release();
    expect(shown).toBe('1 backed-up items');
    await page.context().close();
  });

  it('never draws the login from before its password was taken', async () => {
    const password = 'Login-password-7305';
    await t.console.call('setPasswordLock', { body: { password, email: 'owner@example.com' } });
    // A registered phone: past the password, the login asks for the second factor.
    await registerOwners(t.console, t.server.url, 'Login phone');
    const page = await signedIn();
    await page.click('#tab-login');
    await page.click('#start-login');
    await page.waitForSelector('#login-body[data-state=password]');
    const state = await acrossHeldPoll(
      page,
      /^\/v1\/console\/logins\/[^/]+$/,
      async () => {
        await page.fill('#login-password', password);
        await page.click('#login-submit');
        await page.waitForSelector('#login-body[data-state=choose-method]');
      },
      () => page.getAttribute('#login-body', 'data-state'),
    );
    expect(state).toBe('choose-method');
    await page.context().close();
  });
});
