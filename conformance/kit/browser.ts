/**
 * The one Chromium of a run: Debian's, driven by playwright-core, launched for the first check that needs it and
 * closed a moment after the last one lets go, so the few checks through a web page share one browser. Each check
 * gets a context of its own (its own storage: the console key in sessionStorage, a trusted browser's token).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, chromium } from 'playwright-core';

/**
 * playwright-core loaded as the CommonJS package it is: importing it as ESM takes about 0.19 s more CPU on the kit's
 * thread (0.50 s against 0.31 s), Node's CommonJS lexer reading its bundles for their exports.
 */
const playwright = (): { chromium: typeof chromium } =>
  createRequire(import.meta.url)('playwright-core') as { chromium: typeof chromium };

/**
 * Debian's builds of Chromium, the lighter first. The headless shell is the same engine without the browser's own
 * user interface: in the smoke subset it took 3-4 s less CPU than the full browser, with the same verdicts.
 */
export const CHROMIUM_BUILDS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;
/** What installs a Chromium the kit can drive, for the messages of checks and tests that need one. */
export const CHROMIUM_INSTALL = 'apt-get install -y chromium-headless-shell';

/** The Chromium to drive: `MBSC_CHROMIUM` when set and not empty, else the first of Debian's builds present, else the first. */
export function chromiumPath(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): string {
  return env.MBSC_CHROMIUM || (CHROMIUM_BUILDS.find(exists) ?? CHROMIUM_BUILDS[0]);
}

export const CHROMIUM_PATH = chromiumPath();
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Long enough for the next check of the run to take the browser over instead of starting another. */
const LINGER_MS = 5_000;

/** Why no browser check can run here, or undefined when Chromium and playwright-core are both present. */
export async function browserLack(): Promise<string | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (${CHROMIUM_INSTALL})`;
  try {
    playwright();
    return undefined;
  } catch {
    return 'playwright-core is not installed (npm install playwright-core)';
  }
}

/** How long a browser launched ahead waits for its first check before it closes. */
const AHEAD_MS = 60_000;

let shared: Promise<Browser> | undefined;
let users = 0;
let closing: NodeJS.Timeout | undefined;

function launch(): Promise<Browser> {
  return Promise.resolve().then(() =>
    playwright().chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
  );
}

/**
 * Launches the shared Chromium ahead of the run's first check through a web page, while the servers start: its
 * launch is a second or more on a busy machine, and those checks are among a run's longest. A launch that fails here
 * fails again, with its reason, in the check that needs the browser.
 */
export function launchBrowserAhead(): void {
  if (shared || !existsSync(CHROMIUM_PATH)) return;
  shared = launch();
  shared.catch(() => undefined);
  if (users === 0) closeAfter(AHEAD_MS);
}

/** A fresh browser context on the shared Chromium; closing it lets the browser go. */
export async function browserContext(): Promise<BrowserContext> {
  clearTimeout(closing);
  users += 1;
  try {
    shared ??= launch();
    const browser = await shared;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    context.on('close', release);
    return context;
  } catch (error) {
    release();
    shared = undefined;
    throw error;
  }
}

/** Closes the shared Chromium now unless a check holds it: the run has ended, no later check will take it over. */
export async function closeIdleBrowser(): Promise<void> {
  if (users > 0 || !shared) return;
  clearTimeout(closing);
  const browser = shared;
  shared = undefined;
  await browser.then((b) => b.close()).catch(() => undefined);
}

function release(): void {
  users -= 1;
  if (users > 0) return;
  closeAfter(LINGER_MS);
}

function closeAfter(ms: number): void {
  clearTimeout(closing);
  closing = setTimeout(() => {
    const browser = shared;
    shared = undefined;
    void browser?.then((b) => b.close()).catch(() => undefined);
  }, ms);
  closing.unref();
}
