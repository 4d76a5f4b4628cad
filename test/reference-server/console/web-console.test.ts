/**
 * The web console served at / (reference-server/console/), in real Chromium: its headers, a wrong key refused
 * with one message whether the key is near or far, no key in any URL, a server that goes away and comes back on
 * the same port (the page says so, retries, and goes on), and a screen behind another tab that reads nothing.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../conformance/kit/browser.js';
import { CONSOLE_CSP } from '../../../reference-server/http/console-assets.js';
import { startServer } from '../../../reference-server/server.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { deviceIdentity, startTestServer, tempDir, type TestServer } from '../../helpers/test-server.js';

const hasChromium = existsSync(CHROMIUM_PATH);
/** reference-server/console/ticker.js as the page has it. */
type Ticker = (el: Element, remainingMs: number, onEnd: () => void) => { restart(ms: number): void };

/** Runs in the page: each text a countdown from 3.5 s is given until it ends, restarted at once from 3.4 s. */
async function textsDrawn(ticker: Ticker): Promise<string[]> {
  const el = document.createElement('span');
  document.body.append(el);
  const texts: string[] = [];
  // Each write of the text is a record of its own, even where two come in one task.
  new MutationObserver((records) => {
    for (const record of records) texts.push(record.addedNodes[0]?.textContent ?? '');
  }).observe(el, { childList: true, characterData: true, subtree: true });
  await new Promise<void>((ended) => ticker(el, 3_500, ended).restart(3_400));
  return texts;
}
const KEY = 'console-key-for-the-page-test';
let t: TestServer;
let browser: Browser | undefined;
const urls: string[] = [];

async function open(): Promise<Page> {
  const page = await browser!.newPage();
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${t.server.url}/`);
  await page.waitForSelector('html[data-ready]');
  return page;
}

async function signIn(page: Page, key: string): Promise<string> {
  await page.fill('#console-key', key);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForFunction(
    () => document.documentElement.dataset.ready === 'console' || document.getElementById('sign-in-error')?.textContent,
  );
  return (await page.textContent('#sign-in-error')) ?? '';
}

beforeAll(async () => {
  t = await startTestServer('pro', { consoleKey: KEY });
  if (!hasChromium) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the web console', () => {
  it('is served at / with a strict Content-Security-Policy and nothing from elsewhere', async () => {
    const answer = await fetch(`${t.server.url}/`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await answer.text();
    expect(html).not.toMatch(/<script>|https?:\/\/(?!www\.w3)/);
    expect((await fetch(`${t.server.url}/console/nope.js`)).status).toBe(404);
    expect((await fetch(`${t.server.url}/console/..%2Fserver.js`)).status).toBe(404);
  });

  it.skipIf(!hasChromium)(
    'refuses a wrong key with one message, near or far, and keeps the key out of URLs',
    async () => {
      const page = await open();
      const near = await signIn(page, `${KEY.slice(0, -1)}X`);
      const far = await signIn(page, 'x');
      expect(near).toBe(far);
      expect(near).not.toMatch(/exist|unknown|length/i);
      expect(await page.isVisible('#main')).toBe(false);
      expect(await signIn(page, KEY)).toBe('');
      expect(await page.isVisible('#add-or-migrate')).toBe(true);
      expect(urls.filter((u) => u.includes(KEY))).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(!hasChromium)(
    'asks for change notices no more often than every 250 ms on a server that keeps changing',
    async () => {
      const page = await open();
      await signIn(page, KEY);
      const asked: number[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/console/changes')) asked.push(performance.now());
      });
      // Three hundred answered writes one after another (refused ones count as well): every notice is a change.
      const from = performance.now();
      for (let i = 0; i < 300; i += 1) await (await fetch(`${t.server.url}/v1/pairing`, { method: 'POST' })).text();
      const elapsed = performance.now() - from;
      const during = asked.filter((at) => at >= from && at <= from + elapsed).length;
      // Paced by the gap: at most one ask per 250 ms of the writes, and one in flight when they began.
      expect(during).toBeLessThanOrEqual(Math.floor(elapsed / 250) + 2);
      await page.close();
    },
  );

  it.skipIf(!hasChromium)('says the server is gone, retries, and goes on when it is back', async () => {
    const page = await open();
    await signIn(page, KEY);
    const { url, dataDir } = t.server;
    const port = Number(new URL(url).port);
    await t.server.close();
    await page.waitForSelector('#connection[data-state=lost]', { timeout: 20_000 });
    expect(await page.textContent('#connection')).toMatch(/cannot be reached.*Retrying/);
    const again = await startServer({
      edition: 'pro',
      dataDir,
      host: '127.0.0.1',
      tcpPort: port,
      udpPort: 0,
      consoleKey: KEY,
    });
    try {
      await page.waitForSelector('#connection[data-state=connected]', { state: 'attached', timeout: 20_000 });
      expect(await page.isVisible('#connection')).toBe(false);
    } finally {
      await again.close();
      t = await startTestServer('pro', { consoleKey: KEY, dataDir: tempDir() });
    }
    await page.close();
  });

  it.skipIf(!hasChromium)('draws a countdown as the second it shows changes, never the same text again', async () => {
    const page = await open();
    // Restarted from what it already shows, then once a second until it ends.
    const drawn = await page.evaluate<string[]>(
      `import('/console/ticker.js').then(({ ticker }) => (${textsDrawn.toString()})(ticker))`,
    );
    expect(drawn).toEqual(['(00:00:03)', '(00:00:02)', '(00:00:01)', '(00:00:00)']);
    await page.close();
  });

  it.skipIf(!hasChromium)('draws a list read again unchanged not anew', async () => {
    // A paired device and a registered phone, so that each list has a row to draw.
    const pairing = await t.console.call('createPairing', { body: { mode: 'add' } });
    const device = deviceIdentity('Listed phone');
    await new MbsClient({ baseUrl: t.server.url }).call('pair', {
      body: { token: pairing.token, edition: 'pro', device },
    });
    const { payload } = await t.console.call('createRegistration', { body: {} });
    const registrationToken = new URL(payload).searchParams.get('token') ?? '';
    await t.console.call('registerAuthenticator', {
      body: { registrationToken, name: 'Listed app', platform: 'android', installId: 'listed-app' },
    });
    const page = await open();
    await signIn(page, KEY);
    const changes = await page.evaluateHandle(() => [] as string[]);
    const watch = (list: string) =>
      page.evaluate(
        ([id, changed]) =>
          new MutationObserver((records) => changed.push(...records.map(() => id))).observe(
            document.getElementById(id)!,
            { childList: true, subtree: true, characterData: true, attributes: true },
          ),
        [list, changes] as const,
      );
    // Each list watched once drawn with what it shows, then read twice more with nothing changed on the server.
    const readTwice = async (matches: (path: string) => boolean) => {
      for (let i = 0; i < 2; i += 1) await page.waitForResponse((r) => matches(new URL(r.url()).pathname));
    };
    await page.waitForSelector('#device-list .backup-count');
    await watch('device-list');
    await readTwice((path) => path.startsWith('/v1/console/devices/') && path.endsWith('/items'));
    await page.click('#tab-authentication');
    await page.waitForSelector('#authenticator-list tr');
    await watch('authenticator-list');
    await readTwice((path) => path === '/v1/console/2fa');
    expect(await changes.evaluate((changed) => changed)).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasChromium)('reads a screen behind another tab only once it is shown, then at once', async () => {
    const page = await open();
    await signIn(page, KEY);
    const read: string[] = [];
    page.on('request', (r) => read.push(new URL(r.url()).pathname));
    // Settings > Mobile Backup in front: past its polls' period, and with notices of changes coming.
    for (let i = 0; i < 3; i += 1) await (await fetch(`${t.server.url}/v1/pairing`, { method: 'POST' })).text();
    await page.waitForTimeout(2_500);
    expect(read.filter((p) => p === '/v1/console/2fa')).toEqual([]);
    expect(read.filter((p) => p === '/v1/console/devices').length).toBeGreaterThan(0);
    const shown = page.waitForRequest((r) => new URL(r.url()).pathname === '/v1/console/2fa', { timeout: 5_000 });
    await page.click('#tab-authentication');
    await shown;
    await page.close();
  });
});
