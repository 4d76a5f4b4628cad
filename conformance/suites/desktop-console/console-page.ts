/**
 * The desktop console in Chromium for one check: a page of its own, signed in with the console key, its elements
 * found through the target's locator map. A failure carries a screenshot of the screen as it stood.
 */
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import type jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { browserContext, browserLack } from '../../kit/browser.js';
import { NotApplicable, Untestable, type CheckOutcome } from '../../kit/check.js';
import { Violation, violationDetails } from '../../kit/violation.js';
import type { TargetSession } from '../../targets/target.js';
import type { ConsoleLocatorKey } from '../../targets/web-console.js';

// Generous for a loaded machine: a passing screen shows long before; only a failing one waits it out.
const WAIT_MS = 45_000;
/**
 * jsqr, a CommonJS bundle, loaded only when a check reads a QR code, and as CommonJS: importing it as ESM at the
 * kit's start cost every run about 45 ms of CPU (Node's CommonJS lexer reads the whole bundle for its exports).
 */
const jsQR = (): typeof jsQRModule.default => createRequire(import.meta.url)('jsqr') as typeof jsQRModule.default;

export interface ConsolePage {
  readonly page: Page;
  /** The selector a key of the locator map names. */
  sel(key: ConsoleLocatorKey): string;
  /** The element a key of the locator map names. */
  at(key: ConsoleLocatorKey): ReturnType<Page['locator']>;
  /** Its text, once it shows. */
  text(key: ConsoleLocatorKey): Promise<string>;
  /** The text of the QR code the element shows, read back from a screenshot of it. */
  qrText(key: ConsoleLocatorKey): Promise<string>;
}

/** Why the console cannot be checked here: what the target or this machine lacks (the cell reads untested). */
export async function consoleLack(session: TargetSession): Promise<string | undefined> {
  if (!session.webConsole) return 'the target has no web console (give --console-url and --console-locators)';
  if (!session.console) return 'the target gives no console key, the console’s sign-in';
  return browserLack();
}

export async function withConsolePage(
  session: TargetSession,
  body: (console: ConsolePage) => Promise<void>,
): Promise<CheckOutcome> {
  const lack = await consoleLack(session);
  if (lack) throw new Untestable(lack);
  const web = session.webConsole!;
  const context = await browserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const at = (key: ConsoleLocatorKey) => page.locator(web.locators[key]).first();
  const view: ConsolePage = {
    page,
    sel: (key) => web.locators[key],
    at,
    text: async (key) => (await at(key).textContent()) ?? '',
    qrText: async (key) => {
      const png = PNG.sync.read(await at(key).screenshot());
      const found = jsQR()(new Uint8ClampedArray(png.data), png.width, png.height);
      if (!found) throw new Error(`no QR code could be read from ${web.locators[key]}`);
      return found.data;
    },
  };
  try {
    await page.goto(web.url);
    // The form is shown once the page can handle it; the console is ready once signed in, not before.
    await at('keyInput').waitFor();
    await at('keyInput').fill(session.console!.consoleKey ?? '');
    await at('signIn').click();
    await at('keyInput').waitFor({ state: 'hidden' });
    await page.locator(web.locators.ready).first().waitFor();
    await body(view);
    return { verdict: 'pass', runs: 1 };
  } catch (error) {
    if (error instanceof NotApplicable) throw error;
    const screenshot = await page
      .screenshot({ fullPage: true })
      .then((b) => b.toString('base64'))
      .catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    return {
      verdict: 'fail',
      runs: 1,
      failure: {
        message,
        ...violationDetails(error),
        ...(screenshot ? { screenshot } : {}),
        thrown: error,
      },
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** `(hh:mm:ss)` read off a countdown, in seconds. */
export function countdownSeconds(text: string): number {
  const match = /\((\d{2}):(\d{2}):(\d{2})\)/.exec(text);
  if (!match) throw new Error(`"${text}" is not a countdown (hh:mm:ss)`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

export function expect(requirements: readonly string[], ok: boolean, message: string): void {
  if (!ok) throw new Violation(requirements, message);
}
