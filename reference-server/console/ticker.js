/*
 * What a countdown shows: "(hh:mm:ss)" counting down from a base value on the browser's monotonic clock, drawn
 * anew when restarted from another value (countdown.js says where the values come from).
 */
/* global performance, setInterval, clearInterval */
import { hhmmss } from './dom.js';

/** Shows `(hh:mm:ss)` in el, counting down from remainingMs; returns restart(remainingMs) and stop(). */
export function ticker(el, remainingMs, onEnd) {
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
