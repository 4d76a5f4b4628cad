/*
 * What a countdown shows: "(hh:mm:ss)" counting down from a base value on the browser's monotonic clock, drawn
 * anew when restarted from another value (countdown.js says where the values come from). It shows whole seconds, so
 * it is drawn as the shown second changes, not more often: once a second, just past each second's end.
 */
/* global performance, setTimeout, clearTimeout */
import { hhmmss } from './dom.js';

/** Shows `(hh:mm:ss)` in el, counting down from remainingMs; returns restart(remainingMs) and stop(). */
export function ticker(el, remainingMs, onEnd) {
  let base = remainingMs;
  let from = performance.now();
  let ended = false;
  let timer;
  const draw = () => {
    clearTimeout(timer);
    const left = Math.max(0, base - (performance.now() - from));
    const shown = `(${hhmmss(left)})`;
    // The same text written again would still make the page lay out and draw anew.
    if (el.textContent !== shown) el.textContent = shown;
    if (left === 0) {
      if (!ended) {
        ended = true;
        if (onEnd) onEnd();
      }
      return;
    }
    // The next draw once the shown second has passed: a millisecond past it, so it shows the next one.
    timer = setTimeout(draw, (left % 1000) + 1);
  };
  el.classList.add('countdown');
  draw();
  return {
    restart(ms) {
      base = ms;
      from = performance.now();
      ended = false;
      draw();
    },
    stop: () => clearTimeout(timer),
  };
}
