/*
 * A countdown "(hh:mm:ss)" of a server lifetime (a push request, a one-time password's step, an SMS or e-mail code).
 * It counts from what the server stated (remainingMs, measured on the server's own clock, moved or not) with the
 * browser's monotonic clock for the time since; each fresh answer from the server restarts it from its new value.
 */
import { ticker } from './ticker.js';

/** Shows `(hh:mm:ss)` in el, counting down from remainingMs; returns restart(remainingMs) and stop(). */
export const countdown = (el, remainingMs, onEnd) => ticker(el, remainingMs, onEnd);
