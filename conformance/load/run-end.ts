/**
 * When a load run ends: at its duration, or at once when it is aborted. A phone's pause waits on its own timer and on
 * the run's end together, so each pause is one timer. Pauses used to wake every quarter of a second to look at the
 * clock: a thousand phones thinking about two seconds each woke some four thousand times a second for that, on the
 * load generator's thread that also times every request.
 */
export interface RunEnd {
  /** Whether the run is over: no operation starts after that. */
  over(): boolean;
  /** Resolves once the run is over. */
  readonly reached: Promise<void>;
  /** Waits `ms`, or less if the run ends first. */
  pause(ms: number): Promise<void>;
}

/** @param elapsed milliseconds since the run began, read from the clock `durationMs` counts on */
export function runEnd(elapsed: () => number, durationMs: number, signal?: AbortSignal): RunEnd {
  let aborted = false;
  const over = () => aborted || elapsed() >= durationMs;
  const reached = new Promise<void>((resolve) => {
    const abort = () => {
      aborted = true;
      resolve();
    };
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    // A timer may fire a little before `elapsed` reaches the duration (it counts in whole milliseconds): look again.
    const check = (): void => {
      if (over()) resolve();
      else void sleep(Math.max(1, durationMs - elapsed())).then(check);
    };
    check();
  });
  return {
    over,
    reached,
    pause: (ms) => (ms <= 0 || over() ? Promise.resolve() : Promise.race([sleep(ms), reached])),
  };
}

/** A timer that keeps no process alive on its own. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
