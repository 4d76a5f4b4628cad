/**
 * `npm run bench:console`: the web console in Chromium against a reference server on 127.0.0.1: its first load
 * (open, sign in, the Mobile Backup screen drawn) and a whole push login (start, choose the phone, the phone
 * approves, the page logged in), each ROUNDS times, median and p95, beside a same-run baseline: a blank page in
 * the same browser. It prints; it never asserts on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../conformance/kit/browser.js';
import { decodeRegistrationPayload } from '../../conformance/spec/protocol/two-factor-payload.js';
import { startServer, type RunningServer } from '../../reference-server/server.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { table } from '../text-table.js';

benchArgs('Usage: npm run bench:console (no flags)', {});
import { benchArgs } from '../bench-args.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

function summary(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function blankPage(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const ms = await timed(async () => {
    await page.goto('about:blank');
    await page.setContent('<p id="x">ready</p>');
    await page.waitForSelector('#x');
  });
  await context.close();
  return ms;
}

async function firstLoad(browser: Browser, server: RunningServer): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const ms = await timed(async () => {
    await page.goto(`${server.url}/`);
    await page.fill('#console-key', server.consoleKey);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('html[data-ready=console]');
  });
  await context.close();
  return ms;
}

async function pushLogin(browser: Browser, server: RunningServer, phone: MbsClient): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('#console-key', server.consoleKey);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('html[data-ready=console]');
  await page.click('#tab-login');
  const ms = await timed(async () => {
    await page.click('#start-login');
    await page.click('.push-device');
    await page.waitForSelector('#push-countdown');
    const { notifications } = await phone.call('listNotifications', { query: {} });
    const pending = notifications.filter((n) => n.status === 'pending').at(-1);
    if (!pending) throw new Error('the phone got no push request');
    await phone.call('answerPush', { params: { requestId: pending.requestId }, body: { decision: 'approve' } });
    await page.waitForSelector('#logged-in');
  });
  await context.close();
  return ms;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mbsc-bench-console-'));
  const server = await startServer({ edition: 'pro', dataDir, host: '127.0.0.1', tcpPort: 0, udpPort: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const desk = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
    const registration = await desk.call('createRegistration', { body: {} });
    const phone = new MbsClient({ baseUrl: server.url });
    const registered = await phone.call('registerAuthenticator', {
      body: {
        registrationToken: decodeRegistrationPayload(registration.payload).token,
        name: 'Bench phone',
        platform: 'android',
        installId: 'bench-console-phone',
      },
    });
    phone.authenticatorKey = registered.authenticatorKey;
    const rows: [string, number[]][] = [
      ['blank page (baseline)', []],
      ['console first load', []],
      ['whole push login', []],
    ];
    await firstLoad(browser, server); // warm-up, not counted
    for (let round = 0; round < ROUNDS; round += 1) {
      rows[0]![1].push(await blankPage(browser));
      rows[1]![1].push(await firstLoad(browser, server));
      rows[2]![1].push(await pushLogin(browser, server, phone));
    }
    const base = summary(rows[0]![1]).median;
    console.log(`bench:console: ${ROUNDS} rounds, Chromium ${browser.version()}, reference server ${server.url}`);
    const lines = rows.map(([what, samples]) => {
      const { median, p95 } = summary(samples);
      return [what, median.toFixed(1), p95.toFixed(1), `${(median / base).toFixed(1)}x`];
    });
    console.log(table([['what', 'median ms', 'p95 ms', 'median / baseline'], ...lines]));
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
