/**
 * The quick probe a session runs before it trusts a server's conformance clock: move it forward a minute, see that
 * it moved a minute, put it back, see that it went back. A server that moves it wrongly (not at all, backwards, by
 * another amount) is then reported as exactly that, instead of as failures of whichever time rules come next.
 */
import { MAX_CLOCK_OFFSET_MS } from '../spec/protocol/conformance-clock.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { sampleClock, type ClockSample } from './protocol-clock.js';

export const PROBE_STEP_MS = 60_000;
/**
 * How far a move may be from the one asked for, besides the round trips of the two readings it compares (when
 * within each the server read its clock is unknown): room for a busy two-core machine, far below any rule's scale.
 */
export const PROBE_TOLERANCE_MS = 1_000;

const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${Math.round(ms)} ms`;

/**
 * How far the server's clock moved between two readings: a running clock beyond the time that passed on this
 * machine, a frozen one (which moves only when told) by the whole difference, however slow the machine was.
 */
function movedBetween(before: ClockSample, after: ClockSample, frozen: boolean): { moved: number; tolerance: number } {
  if (frozen) return { moved: after.now - before.now, tolerance: PROBE_TOLERANCE_MS };
  return {
    moved: after.now - before.now - (after.localMs - before.localMs),
    tolerance: PROBE_TOLERANCE_MS + (before.roundTripMs + after.roundTripMs) / 2,
  };
}

/** Sets the offset, then reads the clock; a problem when the answer or the reading is not what was asked. */
async function step(
  console: MbsClient,
  from: ClockSample,
  to: number,
  what: string,
  frozen: boolean,
): Promise<ClockSample | string> {
  const answer = await console.call('setConformanceClock', { body: { offsetMs: to } });
  if (answer.offsetMs !== to)
    return `${what}: asked for an offset of ${to} ms, the server answered ${answer.offsetMs} ms`;
  const after = await sampleClock(console);
  const asked = to - from.offsetMs;
  const { moved, tolerance } = movedBetween(from, after, frozen);
  if (Math.abs(moved - asked) > tolerance) return `${what}: asked ${signed(asked)}, it moved ${signed(moved)}`;
  return after;
}

/**
 * Why the server's conformance clock cannot be trusted, or undefined when it moves as told both ways. `frozen`: the
 * server says its clock stands still between moves (the conformance-clock-frozen capability).
 */
export async function clockProblem(console: MbsClient, frozen = false): Promise<string | undefined> {
  const told = "the server's conformance clock does not move as told";
  let start: ClockSample | undefined;
  try {
    start = await sampleClock(console);
    // Forward when there is room, else back: either way a minute, and the second step undoes the first.
    const there = start.offsetMs + PROBE_STEP_MS <= MAX_CLOCK_OFFSET_MS ? start.offsetMs + PROBE_STEP_MS : 0;
    const moved = await step(console, start, there, told, frozen);
    if (typeof moved === 'string') return moved;
    const back = await step(console, moved, start.offsetMs, `${told} (putting it back)`, frozen);
    return typeof back === 'string' ? back : undefined;
  } catch (error) {
    return `the server advertises the conformance clock, but its routes failed: ${(error as Error).message}`;
  } finally {
    // Whatever went wrong, the server is left at the offset it had.
    if (start) await console.call('setConformanceClock', { body: { offsetMs: start.offsetMs } }).catch(() => {});
  }
}
