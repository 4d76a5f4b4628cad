/**
 * The console checks' wait for a countdown, on a page of its own in Chromium: it answers once the text comes into
 * range, follows a countdown the page draws anew as a new element, and says no when the range never shows.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserContext, browserLack } from '../../../../conformance/kit/browser.js';
import type { ConsolePage } from '../../../../conformance/suites/desktop-console/console-page.js';
import { untilCountdown } from '../../../../conformance/suites/desktop-console/countdown-drop.js';

const lack = await browserLack();

/** A page whose push countdown reads `(00:04:00)`, and then what `script` makes of it. */
async function pageWith(context: BrowserContext, script: string): Promise<ConsolePage> {
  const page = await context.newPage();
  await page.setContent(`<p><span id="push-countdown">(00:04:00)</span></p><script>${script}</script>`);
  const sel = () => '#push-countdown';
  return {
    page,
    sel,
    at: () => page.locator(sel()),
    text: async () => (await page.locator(sel()).textContent()) ?? '',
    qrText: () => Promise.reject(new Error('no QR code here')),
  };
}

describe.skipIf(lack !== undefined)(`waiting for a countdown${lack ? ` (skipped: ${lack})` : ''}`, () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browserContext();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('answers when the text comes into range', async () => {
    const view = await pageWith(
      context,
      "setTimeout(() => { document.getElementById('push-countdown').textContent = '(00:03:58)'; }, 300);",
    );
    expect(await untilCountdown(view, 'pushCountdown', 237, 239, 20_000)).toBe(true);
  });

  it('follows a countdown drawn anew as a new element', async () => {
    const view = await pageWith(
      context,
      `setTimeout(() => {
         const fresh = document.createElement('span');
         fresh.id = 'push-countdown';
         fresh.textContent = '(00:03:59)';
         document.getElementById('push-countdown').replaceWith(fresh);
       }, 300);`,
    );
    expect(await untilCountdown(view, 'pushCountdown', 237, 239, 20_000)).toBe(true);
  });

  it('says no when the range never shows', async () => {
    const view = await pageWith(
      context,
      "setTimeout(() => { document.getElementById('push-countdown').textContent = '(00:03:00)'; }, 100);",
    );
    expect(await untilCountdown(view, 'pushCountdown', 237, 239, 1_500)).toBe(false);
  });
});
