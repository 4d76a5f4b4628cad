/*
 * The self-test's faulty countdown.js (console-otp-countdown-whole-step): the one-time password's countdown counts
 * each 30-second step from its start, whatever the server stated is left of it; the others as stated.
 */
import { ticker } from './ticker.js';

const STEP_MS = 30_000;
const stated = (el, ms) => (el.id === 'otp-countdown' ? STEP_MS : ms);

export function countdown(el, remainingMs, onEnd) {
  const clock = ticker(el, stated(el, remainingMs), onEnd);
  return { restart: (ms) => clock.restart(stated(el, ms)), stop: clock.stop };
}
