/**
 * A countdown on the console page seen to go down. The page counts from the server's remainingMs and starts again
 * from each poll's answer (every second), so on a frozen server clock it stands still until that clock moves. Where
 * the check can move the server's clock it moves it and waits for the page to show the drop; where it cannot, it
 * waits in real time.
 */
import type { ConsoleLocatorKey } from '../../targets/web-console.js';
import type { ServerTime } from '../two-factor/common/support.js';
import { countdownSeconds, expect, type ConsolePage } from './console-page.js';

/** How far a reading may stray from the drop the clock's move should show: a whole second read, a poll's restart. */
const SLACK_S = 2;
/** How far a countdown that has just started may read below its lifetime where the server's clock is movable. */
const FRESH_S = 5;
/** The longest wait for the page to show a drop or a range: several polls on a busy machine. */
const SHOW_MS = 10_000;

/**
 * Where a countdown of a lifetime of `lifetimeS` that has just started may read first: on a movable clock within
 * FRESH_S (the page's own seconds, a poll's round trip) of what the server's clock has left of it, where `since` is
 * that clock read before the action that started it (a frozen clock has not run since; a running one has, by the
 * round trips of a slow server); in real time within `realS`.
 */
export function freshRange(
  time: ServerTime,
  lifetimeS: number,
  realS: number,
  since: number,
): readonly [number, number] {
  return [lifetimeS - (time.movable ? FRESH_S + secondsRun(time, since) : realS), lifetimeS];
}

/** Whole seconds the server's clock has run since `since` (a reading of it): none on a frozen clock. */
export function secondsRun(time: ServerTime, since: number): number {
  return Math.ceil(Math.max(0, time.now() - since) / 1000);
}

export async function readCountdown(view: ConsolePage, key: ConsoleLocatorKey): Promise<number> {
  return countdownSeconds(await view.text(key));
}

/** What the page says of one countdown element: in range, gone from the page (drawn anew), or out of time. */
type Watched = 'shown' | 'detached' | 'timeout';

/**
 * Waits, at most `timeoutMs`, for the countdown to read within [low, high] seconds; false when it never did. The
 * page itself watches the element's text and answers once, as the text changes: asking every animation frame
 * would make Chromium draw a frame 60 times a second for the whole wait. A page that draws the countdown anew (a
 * new element in place of the old) is followed to the new element until the time is up.
 */
export async function untilCountdown(
  view: ConsolePage,
  key: ConsoleLocatorKey,
  low: number,
  high: number,
  timeoutMs = SHOW_MS,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let left = timeoutMs; left > 0; left = deadline - Date.now()) {
    const element = await view
      .at(key)
      .elementHandle({ timeout: left })
      .catch((error: unknown) => {
        // Drawn anew and not back before the time was up: never in range.
        if (Date.now() >= deadline) return undefined;
        throw error;
      });
    if (!element) return false;
    try {
      const watched = await element.evaluate(watchCountdown, [low, high, left] as const);
      if (watched !== 'detached') return watched === 'shown';
    } finally {
      await element.dispose();
    }
  }
  return false;
}

/** Runs in the page: watches `el` (and, to see it replaced, the whole document) until its countdown is in range. */
function watchCountdown(el: Element, [from, to, waitMs]: readonly [number, number, number]): Promise<Watched> {
  return new Promise<Watched>((resolve) => {
    const state = (): Watched | undefined => {
      if (!el.isConnected) return 'detached';
      const match = /\((\d{2}):(\d{2}):(\d{2})\)/.exec(el.textContent ?? '');
      const seconds = match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : -1;
      return seconds >= from && seconds <= to ? 'shown' : undefined;
    };
    const now = state();
    if (now) return resolve(now);
    const done = (watched: Watched) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(watched);
    };
    const observer = new MutationObserver(() => {
      const watched = state();
      if (watched) done(watched);
    });
    const timer = setTimeout(() => done('timeout'), waitMs);
    observer.observe(el.ownerDocument, { childList: true, characterData: true, subtree: true });
  });
}

/**
 * The countdown at `key`, first read at `first` seconds, seen to drop: by `dropS` seconds within `SLACK_S` after
 * the server's clock moved by as much, or, where the clock cannot move, by at least a second in real time. The
 * move is the check's own (`time` puts it back when the check ends). Returns the second reading.
 */
export async function countsDown(
  view: ConsolePage,
  key: ConsoleLocatorKey,
  time: ServerTime,
  first: number,
  dropS: number,
  requirements: readonly string[],
): Promise<number> {
  const moved = time.movable;
  if (moved) await time.advance(dropS * 1000);
  const [low, high] = moved ? [first - dropS - SLACK_S, first - dropS + SLACK_S] : [0, first - 1];
  await untilCountdown(view, key, Math.max(0, low), high);
  const second = await readCountdown(view, key);
  const after = moved ? `after the server's clock moved ${dropS} s` : `after waiting up to ${SHOW_MS / 1000} s`;
  expect(
    requirements,
    second >= low && second <= high,
    `${key} read ${first} s, then ${second} s ${after} (expected ${Math.max(0, low)}–${high} s)`,
  );
  return second;
}
