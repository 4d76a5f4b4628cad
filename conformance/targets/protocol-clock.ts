/**
 * A server's clock moved through protocol v1's conformance clock routes: the one way the kit moves any server's
 * time, the reference server's included. Reading stays synchronous: the kit knows the offset it set, and the skew
 * between the server's wall clock and this machine's, measured once when the clock is opened. A frozen clock (one
 * that stands still between moves, PROTOCOL.md) reads its fixed start plus the offset: no wall clock enters.
 */
import { MAX_CLOCK_OFFSET_MS } from '../spec/protocol/conformance-clock.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { TargetClock } from './target.js';

/** One reading of the server's clock, with when it was asked and answered on this machine. */
export interface ClockSample {
  /** The time the server read, and its offset from its wall clock. */
  readonly now: number;
  readonly offsetMs: number;
  /** This machine's time halfway through the round trip: the best guess of when the server read its clock. */
  readonly localMs: number;
  readonly roundTripMs: number;
}

export async function sampleClock(console: MbsClient): Promise<ClockSample> {
  const sent = Date.now();
  const reading = await console.call('getConformanceClock');
  const answered = Date.now();
  return { ...reading, localMs: (sent + answered) / 2, roundTripMs: answered - sent };
}

/** Samples taken to measure the skew; the one with the shortest round trip is trusted. */
const SKEW_SAMPLES = 3;

/**
 * How far the server's wall clock is ahead of this machine's. A skew within the round trip's noise is no skew: a
 * server on this machine (loopback) reads the same wall clock, and a skew of a few ms would only blur every reading.
 */
async function measureSkew(console: MbsClient): Promise<{ skewMs: number; offsetMs: number }> {
  let best: ClockSample | undefined;
  for (let i = 0; i < SKEW_SAMPLES; i++) {
    const sample = await sampleClock(console);
    if (!best || sample.roundTripMs < best.roundTripMs) best = sample;
  }
  const sample = best as ClockSample;
  const skew = sample.now - sample.offsetMs - sample.localMs;
  // Milliseconds are whole on both sides, so a millisecond on top of half the round trip is still noise.
  const noise = sample.roundTripMs / 2 + 1;
  return { skewMs: Math.abs(skew) <= noise ? 0 : Math.round(skew), offsetMs: sample.offsetMs };
}

export class ProtocolClock implements TargetClock {
  private constructor(
    private readonly console: MbsClient,
    private offsetMs: number,
    readonly skewMs: number,
    /** Where a frozen clock stands at offset 0; undefined for one that runs with the server's wall clock. */
    readonly frozenAtMs?: number,
  ) {}

  /**
   * Opens the clock of the server `console` reaches; the offset the server has now is where the kit starts. A
   * frozen clock is read once for where it stands; a running one is sampled for the skew.
   */
  static async open(console: MbsClient, frozen = false): Promise<ProtocolClock> {
    if (frozen) {
      const reading = await console.call('getConformanceClock');
      return new ProtocolClock(console, reading.offsetMs, 0, reading.now - reading.offsetMs);
    }
    const { skewMs, offsetMs } = await measureSkew(console);
    return new ProtocolClock(console, offsetMs, skewMs);
  }

  now(): number {
    if (this.frozenAtMs !== undefined) return this.frozenAtMs + this.offsetMs;
    return Date.now() + this.skewMs + this.offsetMs;
  }

  /** Moves the server's clock by `ms` (back when negative), never before its wall clock nor past the maximum. */
  async advance(ms: number): Promise<void> {
    const wanted = this.offsetMs + ms;
    if (!Number.isInteger(wanted) || wanted < 0 || wanted > MAX_CLOCK_OFFSET_MS) {
      throw new Error(
        `the server's clock cannot be moved by ${ms} ms from an offset of ${this.offsetMs} ms: ` +
          `the conformance clock takes whole offsets from 0 to ${MAX_CLOCK_OFFSET_MS} ms`,
      );
    }
    const answer = await this.console.call('setConformanceClock', { body: { offsetMs: wanted } });
    if (answer.offsetMs !== wanted) {
      throw new Error(`the server was asked for a clock offset of ${wanted} ms and answered ${answer.offsetMs} ms`);
    }
    this.offsetMs = wanted;
  }
}
