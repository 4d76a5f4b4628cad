/*
 * The self-test's faulty countdown.js (console-countdown-late): the push request's and the SMS code's countdowns
 * count from 15 s less than the server stated; the others as stated.
 */
import { ticker } from './ticker.js';

const LATE_MS = 15_000;
const late = (el) => (el.id === 'push-countdown' || el.id === 'sms-code-countdown' ? LATE_MS : 0);

export function countdown(el, remainingMs, onEnd) {
  const clock = ticker(el, remainingMs - late(el), onEnd);
  return { restart: (ms) => clock.restart(ms - late(el)), stop: clock.stop };
}
