/**
 * How long a slow vendor's server takes to answer: a fixed delay, a jitter and a rare long stall (an fsync held up
 * on a busy disk), each draw taken from a seed so that a run replays. The delays are the proxy's, on real time: they
 * stand for the network, the disk and the load of a real vendor's machine, never for the protocol's clock.
 */
import { seededRandom } from '../../conformance/load/seeded-random.js';

export interface Latency {
  /** Added to every answer, in ms. */
  readonly delayMs: number;
  /** At most this much more, drawn evenly for each answer, in ms. */
  readonly jitterMs?: number;
  /** One answer in `stallEvery` (drawn, not counted) waits `stallMs` more. */
  readonly stallEvery?: number;
  readonly stallMs?: number;
  readonly seed?: number;
}

/** A function that waits as long as the next answer takes; nothing when there is no latency. */
export function latencyOf(latency: Latency | undefined): () => Promise<void> {
  if (latency === undefined) return () => Promise.resolve();
  const next = seededRandom(latency.seed ?? 7);
  return () => {
    const stall = latency.stallEvery !== undefined && next() < 1 / latency.stallEvery ? (latency.stallMs ?? 0) : 0;
    const ms = latency.delayMs + next() * (latency.jitterMs ?? 0) + stall;
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
}
