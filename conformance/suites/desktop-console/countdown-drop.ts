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
/** The longest wait for the page to show a drop or a range: several polls on a busy machine. */
const SHOW_MS = 10_000;

export async function readCountdown(view: ConsolePage, key: ConsoleLocatorKey): Promise<number> {
  return countdownSeconds(await view.text(key));
}

/**
 * Waits, at most `timeoutMs`, for the countdown to read within [low, high] seconds; false when it never did. The
 * page itself watches the element's text and answers once, as the text changes: asking every animation frame
 * would make Chromium draw a frame 60 times a second for the whole wait.
 */
export async function untilCountdown(
  view: ConsolePage,
  key: ConsoleLocatorKey,
  low: number,
  high: number,
  timeoutMs = SHOW_MS,
): Promise<boolean> {
  const element = await view.at(key).elementHandle();
  try {
    return await element.evaluate(
      (el, [from, to, waitMs]) =>
        new Promise<boolean>((resolve) => {
          const inRange = () => {
            const match = /\((\d{2}):(\d{2}):(\d{2})\)/.exec(el.textContent ?? '');
            const seconds = match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : -1;
            return seconds >= from && seconds <= to;
          };
          if (inRange()) return resolve(true);
          const done = (shown: boolean) => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(shown);
          };
          const observer = new MutationObserver(() => {
            if (inRange()) done(true);
          });
          const timer = setTimeout(() => done(false), waitMs);
          observer.observe(el, { childList: true, characterData: true, subtree: true });
        }),
      [low, high, timeoutMs] as const,
    );
  } finally {
    await element.dispose();
  }
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
