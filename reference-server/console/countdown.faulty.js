/* The self-test's faulty countdown.js (console-countdown-frozen): the first value stays, nothing counts down. */
import { hhmmss } from './dom.js';

export function countdown(el, remainingMs) {
  el.textContent = `(${hhmmss(remainingMs)})`;
  el.classList.add('countdown');
  return { restart() {}, stop() {} };
}
