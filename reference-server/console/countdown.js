/*
 * A countdown "(hh:mm:ss)" of a server lifetime (a push request, a one-time password's step, an SMS or e-mail code).
 * It counts from what the server stated (remainingMs, measured on the server's own clock, moved or not) with the
 * browser's monotonic clock for the time since; each fresh answer from the server restarts it from its new value.
 */
/* global performance, setInterval, clearInterval */
import { hhmmss } from './dom.js';
/** Shows `(hh:mm:ss)` in el, counting down from remainingMs; returns restart(remainingMs) and stop(). */
export function countdown(el, remainingMs, onEnd) {
  let base = remainingMs;
  let from = performance.now();
  let ended = false;
  const draw = () => {
    const left = Math.max(0, base - (performance.now() - from));
    el.textContent = `(${hhmmss(left)})`;
    el.dataset.remainingMs = String(Math.round(left));
    if (left === 0 && !ended) {
      ended = true;
      if (onEnd) onEnd();
    }
  };
  el.classList.add('countdown');
  draw();
  const timer = setInterval(draw, 250);
  return {
    restart(ms) {
      base = ms;
      from = performance.now();
      ended = false;
      draw();
    },
    stop: () => clearInterval(timer),
  };
}
