/**
 * index.html in real Chromium (Debian's, through playwright-core), opened from file:// with every other request
 * aborted and recorded: the page must draw the verdict, the matrix and the failures without asking for anything, run
 * no script from the data, and trip no Content-Security-Policy rule.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL, CHROMIUM_PATH } from '../../conformance/kit/browser.js';
import { REQUIREMENTS, requirementsInArea } from '../../conformance/spec/requirements/index.js';
import { htmlDocument } from '../../reports/html/html-document.js';
import { htmlReporter } from '../../reports/html/html-reporter.js';
import { reportData } from '../../reports/html/report-data.js';
import { writeFileAtomic } from '../../reports/output-files.js';
import {
  BATTERY_COMMANDS,
  BATTERY_REPLAY,
  HOSTILE,
  KIT_ERROR_REASON,
  PAGE_SOURCE,
  SCREENSHOT_PNG,
  sampleSummary,
  RESUME_EXCHANGES,
} from './sample-summary.js';

const CHROMIUM = CHROMIUM_PATH;
const ARGS = CHROMIUM_ARGS;
const hasChromium = existsSync(CHROMIUM);
const SKIP_REASON = `skipped: no Chromium at ${CHROMIUM} (${CHROMIUM_INSTALL})`;
if (!hasChromium) console.warn(`html-report-browser: ${SKIP_REASON}`);
const title = (what: string) => (hasChromium ? what : `${what} (${SKIP_REASON})`);

// A kit warning whose message carries markup: shown as text among the notices, never run.
const summary = {
  ...sampleSummary(),
  kitWarnings: [
    { check: 'bak.resume', column: 'redmi-note-8 @ pro', message: `could not remove device d-1: ${HOSTILE.markup}` },
  ],
};
const dir = mkdtempSync(path.join(tmpdir(), 'mbsc-html-'));
const profile = mkdtempSync(path.join(tmpdir(), 'mbsc-chromium-profile-'));
let context: BrowserContext;
/** Every non-file URL the page asked for, once each (the route and the request event both see it). */
const attempted: string[] = [];
const noteAttempt = (url: string) => void (!url.startsWith('file:') && !attempted.includes(url) && attempted.push(url));
const problems: string[] = [];

async function open(file: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-ready]');
  return page;
}

beforeAll(async () => {
  await htmlReporter({ outDir: dir }).onRunEnd(summary);
  if (!hasChromium) return;
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    noteAttempt(url);
    return route.abort();
  });
  context.on('request', (r) => noteAttempt(r.url()));
  // A string, not a function: the test's TypeScript has no DOM types, and this runs in the page.
  await context.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  `);
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

describe('index.html in Chromium', () => {
  it.skipIf(!hasChromium)(
    title('opens from file:// with no network and shows the verdict, matrix and failures'),
    async () => {
      const page = await open(path.join(dir, 'index.html'));

      expect(await page.locator('#verdict').textContent()).toBe('FAIL');
      expect(await page.title()).toBe(`FAIL: mbsc conformance, ${summary.target.description}`);
      expect(await page.locator('#target').textContent()).toBe(summary.target.description);
      expect(await page.locator('#fact-seed').textContent()).toBe('1234567');
      expect(await page.locator('#fact-duration').textContent()).toBe('48.2 s');
      expect(await page.locator('.run-command').textContent()).toBe(summary.command);
      expect(await page.locator('[data-total="failed"] .count').textContent()).toBe(String(summary.totals.failed));
      expect(await page.locator('[data-total="untested"] .count').textContent()).toBe(String(summary.totals.untested));

      // The matrix: a failing cell with the failure on hover, linked to its finding; a skipped one with its reason.
      const cell = page.locator('td.cell[data-requirement="RUN-03"][data-column="iphone-13 @ pro"]');
      expect(await cell.getAttribute('data-verdict')).toBe('fail');
      expect(await cell.getAttribute('title')).toContain('Backup kept running at 29% battery');
      const anchor = (await cell.locator('a').getAttribute('href'))!;
      expect(await page.locator(`${anchor} .replay-command`).textContent()).toBe(BATTERY_REPLAY);
      const skipped = page.locator('td.cell[data-requirement="FTYPE-03"][data-column="iphone-13 @ home"]');
      expect(await skipped.getAttribute('data-verdict')).toBe('skipped');
      expect(await skipped.getAttribute('title')).toContain(`Android-only source (seed §2.6.2). ${HOSTILE.markup}`);
      const advisory = page.locator('td.cell[data-requirement="TOTP-14"][data-column="redmi-note-8 @ pro"]');
      expect(await advisory.getAttribute('data-verdict')).toBe('advisory');
      const untested = page.locator('td.cell[data-requirement="PLAT-01"][data-column="redmi-note-8 @ pro"]');
      expect(await untested.getAttribute('title')).toContain('No suite covers this requirement yet.');
      // A kit exception is an error, not a failure of the target, linked to its error card.
      const errored = page.locator('td.cell[data-requirement="PUSH-04"][data-column="redmi-note-8 @ pro"]');
      expect(await errored.getAttribute('data-verdict')).toBe('error');
      const errorCard = (await errored.locator('a').getAttribute('href'))!;
      expect(await page.locator(`${errorCard} .message`).textContent()).toContain(KIT_ERROR_REASON);
      expect(await page.locator('#errors article.finding').count()).toBe(1);
      expect(await page.locator('[data-total="errored"] .count').textContent()).toBe(String(summary.totals.errored));
      // A MUST requirement that shares a check with an advisory finding it did not cause shows a pass, not a ✗.
      const shared = page.locator('td.cell[data-requirement="TOTP-02"][data-column="redmi-note-8 @ pro"]');
      expect(await shared.getAttribute('data-verdict')).toBe('pass');

      // A failure: message, shrunk commands, seed, path and the exact replay command in a <code>.
      const battery = page.locator('article.finding[data-check="run.battery-thresholds"]');
      expect(await battery.locator('.replay-command').evaluate((e) => e.tagName)).toBe('CODE');
      expect(await battery.locator('.replay-command').textContent()).toBe(BATTERY_REPLAY);
      expect(await battery.locator('ol.commands li').allTextContents()).toEqual(BATTERY_COMMANDS);
      expect(await battery.locator('.finding-facts').textContent()).toContain('Seed1702418734Path5:2:0:1');
      const hostile = page.locator('article.finding[data-check="bak.resume"]');
      expect(await hostile.locator('.replay-command').textContent()).toBe(
        summary.checks[2]!.cells[2]!.failure!.replayCommand,
      );
      expect(await hostile.locator('.message').textContent()).toBe(summary.checks[2]!.cells[2]!.failure!.message);
      // Its HTTP exchanges, shown open, as text: the hostile body is shown, never run.
      const exchanges = hostile.locator('details.exchanges');
      expect(await exchanges.locator('summary').textContent()).toBe(`HTTP exchanges (${RESUME_EXCHANGES.length})`);
      const exchangesText = (await exchanges.locator('pre.exchanges-text').textContent()) ?? '';
      expect(exchangesText).toContain('4 earlier not kept');
      expect(exchangesText).toContain('  2. POST /v1/uploads → 200');
      expect(exchangesText).toContain('x-mbs-console-key: [masked: 43 chars]');
      expect(exchangesText).toContain(HOSTILE.script);
      expect(await page.locator('article.finding.expected').count()).toBe(1);
      expect(await page.locator('#advisories article.finding').count()).toBe(1);
      expect(await page.locator('#not-tested table.not-judged tbody tr').count()).toBe(
        summary.totals.skipped + summary.totals.untested + summary.totals.errored,
      );
      expect(await page.locator('#fixed-expected-failures').textContent()).toContain('PAIR-02');
      expect(await page.locator('#kit-warnings li').allTextContents()).toEqual([
        `bak.resume, redmi-note-8 @ pro could not remove device d-1: ${HOSTILE.markup}`,
      ]);

      // Nothing from the data ran, nothing was fetched, no policy was tripped.
      expect(await page.evaluate('window.pwned')).toBeUndefined();
      expect(await page.evaluate('window.cspViolations')).toEqual([]);
      expect(attempted).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(!hasChromium)(
    title('says beside the checks that a run ran the smoke subset, or the editions in turn'),
    async () => {
      const smokeDir = mkdtempSync(path.join(tmpdir(), 'mbsc-html-smoke-'));
      try {
        const editionsInTurn = { cells: 1431, of: 3951 };
        const smoke = { cells: 131, of: 1431, runs: 10 };
        await htmlReporter({ outDir: smokeDir }).onRunEnd({ ...summary, smoke, editionsInTurn });
        const page = await open(path.join(smokeDir, 'index.html'));
        expect(await page.locator('#fact-selection').textContent()).toBe(
          'smoke subset: 131 of 1431 cells of the selection, 10 sequences per property; not the full run',
        );
        expect(await page.locator('#fact-matrix').textContent()).toBe(
          "editions in turn: 1431 of 3951 cells of the full matrix, the device checks' profiles " +
            'taking the editions in turn (--full-matrix runs them all)',
        );
        await page.close();
        const full = await open(path.join(dir, 'index.html'));
        expect(await full.locator('#fact-selection').count()).toBe(0);
        expect(await full.locator('#fact-matrix').count()).toBe(0);
        await full.close();
      } finally {
        rmSync(smokeDir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!hasChromium)(
    title('says in the banner what errored, went untested or was expected, and why a run is an error'),
    async () => {
      const page = await open(path.join(dir, 'index.html'));
      const t = summary.totals;
      const gate = (await page.locator('header.banner .gate').textContent()) ?? '';
      expect(gate).toMatch(/^\d+ MUST requirements? failed\./);
      expect(gate).toContain(`${t.errored} errored.`);
      expect(gate).toContain(`${t.untested} untested.`);
      expect(await page.locator('#run-reason').count()).toBe(0);
      // The failure the baseline lists is labelled so, and the failures section counts it apart.
      const expected = page.locator('article.finding.expected .finding-head .badge');
      expect(await expected.textContent()).toBe('EXPECTED FAILURE');
      expect(await page.locator('#failures h2').textContent()).toBe('Failures (2) and expected failures (1)');
      await page.close();

      const errorDir = mkdtempSync(path.join(tmpdir(), 'mbsc-html-error-'));
      try {
        const reason = `1 requirement could not be judged: PUSH-04: ${KIT_ERROR_REASON}`;
        await htmlReporter({ outDir: errorDir }).onRunEnd({ ...summary, verdict: 'error', reason });
        const error = await open(path.join(errorDir, 'index.html'));
        expect(await error.locator('#verdict').textContent()).toBe('ERROR');
        expect(await error.locator('header.banner .gate').textContent()).toMatch(/^No verdict on the target/);
        expect(await error.locator('#run-reason').textContent()).toBe(reason);
        await error.close();
      } finally {
        rmSync(errorDir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!hasChromium)(title('shows one card per finding, listing the columns it was seen on'), async () => {
    const page = await open(path.join(dir, 'index.html'));
    // The advisory seen on both Pro columns is one card naming both, and each matrix cell links to it.
    const advisory = page.locator('#advisories article.finding');
    expect(await advisory.count()).toBe(1);
    expect(await advisory.getAttribute('data-columns')).toBe('2');
    expect(
      await advisory.locator('.finding-columns li').evaluateAll((els) => els.map((e) => e.dataset.column)),
    ).toEqual(['redmi-note-8 @ pro', 'iphone-13 @ pro']);
    const id = await advisory.getAttribute('id');
    for (const column of ['redmi-note-8 @ pro', 'iphone-13 @ pro']) {
      const cell = page.locator(`td.cell[data-requirement="TOTP-15"][data-column="${column}"] a`);
      expect(await cell.getAttribute('href')).toBe(`#${id}`);
    }
    // Findings seen on one column only keep a card each.
    expect(await page.locator('#failures article.finding').count()).toBe(3);
    await page.close();
  });

  it.skipIf(!hasChromium)(
    title('embeds the screenshot and page source of a failure seen through the screens'),
    async () => {
      const page = await open(path.join(dir, 'index.html'));
      const battery = page.locator('article.finding[data-check="run.battery-thresholds"]');
      const image = battery.locator('img.screenshot');
      expect(await image.getAttribute('src')).toBe(`data:image/png;base64,${SCREENSHOT_PNG}`);
      // Decoded and drawn: a broken image has no natural width.
      expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(2);
      expect(await battery.locator('.page-source pre').textContent()).toBe(PAGE_SOURCE);
      expect(await page.locator('img.screenshot').count()).toBe(1);
      expect(await page.evaluate('window.cspViolations')).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(!hasChromium)(title('draws verdicts by area and the timeline of the run in the page itself'), async () => {
    const page = await open(path.join(dir, 'index.html'));
    const data = reportData(summary);
    expect(await page.locator('#charts .area-row').count()).toBe(data.areas.length);
    const run = page.locator('#charts .area-row[data-area="RUN"]');
    const failing = data.areas.find((a) => a.area === 'RUN')!.counts.fail!;
    expect(failing).toBeGreaterThan(0);
    expect(await run.getAttribute('title')).toContain(`${failing} fail`);
    // Each segment's width is its share of the area's requirements.
    const [bar, seg] = await Promise.all([
      run.locator('.area-bar').evaluate((e) => e.getBoundingClientRect().width),
      run.locator('.seg[data-verdict="fail"]').evaluate((e) => e.getBoundingClientRect().width),
    ]);
    const total = data.areas.find((a) => a.area === 'RUN')!.total;
    expect(seg / bar).toBeCloseTo(failing / total, 2);
    // One mark per cell that ran, in its edition's lane.
    const ran = summary.checks.flatMap((c) => c.cells).filter((c) => c.durationMs > 0);
    expect(await page.locator('#charts svg.timeline rect.mark').count()).toBe(ran.length);
    expect(await page.locator('#charts .lane-name').allTextContents()).toEqual(summary.target.editions);
    expect(attempted).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasChromium)(title('says what this target could not be checked on, and why'), async () => {
    const reason = 'without the server clock: a lifetime of 24 hours is not waited out';
    const unchecked = sampleSummary();
    const cell = unchecked.checks[0]!.cells[1]!;
    cell.unchecked = { requirements: ['PAIR-01'], reason };
    const file = path.join(dir, 'unchecked.html');
    await writeFileAtomic(file, htmlDocument(reportData(unchecked)));
    const page = await open(file);
    const rows = page.locator('#not-tested table.unchecked tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toBe(`PAIR-01${reason}${cell.column}`);
    const untested = page.locator('#not-tested table.not-judged tr[data-requirement="PLAT-01"]');
    expect(await untested.textContent()).toContain('No suite covers this requirement yet.');
    await page.close();
  });

  it.skipIf(!hasChromium)(title('reads at 390 px wide without scrolling sideways'), async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await page.waitForSelector('html[data-ready="true"]');
    const wide = await page.evaluate(`[...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 390.5 && !e.closest('.matrix-scroll, .plain, pre'))
      .slice(0, 10).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`);
    expect(wide).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });

  it.skipIf(!hasChromium)(title('filters the matrix by area, level and verdict'), async () => {
    const page = await open(path.join(dir, 'index.html'));
    const visible = () => page.locator('tr.req-row:visible th.req-id').allTextContents();
    const runIds = requirementsInArea('RUN').map((r) => r.id);

    await page.selectOption('#filter-area', 'RUN');
    expect(await visible()).toEqual(runIds);
    expect(await page.locator('#matrix-count').textContent()).toBe(
      `Showing ${runIds.length} of ${REQUIREMENTS.length} requirements.`,
    );
    await page.selectOption('#filter-verdict', 'fail');
    expect(await visible()).toEqual(['RUN-03', 'RUN-04', 'RUN-06']);
    await page.selectOption('#filter-area', '');
    expect(await visible()).toEqual(['BAK-02', 'BAK-03', 'BAK-07', 'RUN-03', 'RUN-04', 'RUN-06']);
    await page.selectOption('#filter-verdict', 'skipped');
    await page.selectOption('#filter-level', 'MUST');
    expect(await visible()).toContain('FTYPE-03');
    await page.selectOption('#filter-level', 'ADVISORY');
    expect(await visible()).toEqual(['TOTP-14', 'TOTP-15']);
    await page.selectOption('#filter-level', '');
    await page.selectOption('#filter-verdict', '');
    await page.fill('#filter-text', 'Exactly 30%');
    expect(await visible()).toEqual(['RUN-04']);

    // A totals tile filters by its verdict.
    await page.fill('#filter-text', '');
    await page.click('[data-total="advisory"]');
    expect(await page.inputValue('#filter-verdict')).toBe('advisory');
    expect(await visible()).toEqual(['TOTP-14', 'TOTP-15']);
    expect(attempted).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasChromium)(title('copies the replay command'), async () => {
    const page = await open(path.join(dir, 'index.html'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const button = page.locator('article.finding[data-check="run.battery-thresholds"] .replay button.copy');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(BATTERY_REPLAY);
    await page.close();
  });

  it.skipIf(!hasChromium)(
    title('shows PASS or ERROR with its reason, and says so when it cannot draw the data'),
    async () => {
      const passing = path.join(dir, 'pass.html');
      await writeFileAtomic(passing, htmlDocument(reportData({ ...summary, verdict: 'pass' })));
      const page = await open(passing);
      expect(await page.locator('#verdict').textContent()).toBe('PASS');
      await page.close();

      const erroring = path.join(dir, 'error.html');
      const reason = 'the target could not be tested: http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1';
      await writeFileAtomic(erroring, htmlDocument(reportData({ ...summary, verdict: 'error', reason })));
      const errorPage = await open(erroring);
      expect(await errorPage.locator('#verdict').textContent()).toBe('ERROR');
      expect(await errorPage.locator('#run-reason').textContent()).toBe(reason);
      await errorPage.close();

      const future = path.join(dir, 'future.html');
      await writeFileAtomic(future, htmlDocument({ ...reportData(summary), version: 6 as 5 }));
      const broken = await open(future);
      expect(await broken.locator('#viewer-error').textContent()).toContain('this viewer reads version 5');
      await broken.close();
      expect(problems).toEqual([]);
      expect(attempted).toEqual([]);
    },
  );

  it.skipIf(!hasChromium)(title('would notice a request: the network guard itself works'), async () => {
    const leaky = path.join(dir, 'leaky.html');
    await writeFileAtomic(leaky, '<!DOCTYPE html><html data-ready><img src="http://mbsc.invalid/pixel.png"></html>');
    const page = await open(leaky);
    await expect.poll(() => [...attempted]).toEqual(['http://mbsc.invalid/pixel.png']);
    attempted.length = 0;
    await page.close();
  });
});
