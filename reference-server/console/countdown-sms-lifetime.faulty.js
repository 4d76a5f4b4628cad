/*
 * The self-test's faulty countdown.js (console-email-countdown-5-minutes): one code countdown for both codes, built
 * for the SMS code's 5 minutes: the e-mail code's counts from 5 minutes too, whatever the server stated is left of
 * its 24 hours; the others as stated.
 */
import { ticker } from './ticker.js';

const SMS_CODE_MS = 5 * 60_000;
const stated = (el, ms) => (el.id === 'email-code-countdown' ? Math.min(ms, SMS_CODE_MS) : ms);

export function countdown(el, remainingMs, onEnd) {
  const clock = ticker(el, stated(el, remainingMs), onEnd);
  return { restart: (ms) => clock.restart(stated(el, ms)), stop: clock.stop };
}
