/**
 * Where the server's clock stood when each generated case began, counted from the property's start: a replay runs
 * only the failing case, so on a clock that stands still (the frozen conformance clock) it moves the clock to where
 * the case began in the run before running it, and the codes, lifetimes and times of the case come out the same. A
 * clock that runs with the wall clock is not followed: no replay could land on the same milliseconds.
 */
import type { TargetClock } from '../targets/target.js';

export class CaseClock {
  private readonly origin: number | undefined;
  private readonly started = new Map<string, number>();
  private moved = 0;

  /** `replayAtMs`: where the replayed case began in its run (the `@` part of --replay). */
  constructor(
    private readonly clock: TargetClock | undefined,
    private readonly replayAtMs?: number,
  ) {
    this.origin = clock?.frozenAtMs === undefined ? undefined : clock.now();
  }

  /** A case begins: a replay first moves the clock forward to where it began in its run. */
  async startCase(path: string): Promise<void> {
    if (!this.clock || this.origin === undefined) return;
    const behind = (this.replayAtMs ?? 0) - (this.clock.now() - this.origin);
    if (this.replayAtMs !== undefined && this.moved === 0 && behind > 0) {
      await this.clock.advance(behind);
      this.moved = behind;
    }
    this.started.set(path, this.clock.now() - this.origin);
  }

  /** Where the case at `path` began, when it began past the property's start on a frozen clock. */
  startOf(path: string | undefined): number | undefined {
    const at = path === undefined ? undefined : this.started.get(path);
    return at ? at : undefined;
  }

  /** Puts back what a replay moved, for the checks that come after. */
  async restore(): Promise<void> {
    if (this.clock && this.moved > 0) await this.clock.advance(-this.moved);
    this.moved = 0;
  }
}

/** The replay value's parts: fast-check's path, the command list's path after `~`, the case's start after `@`. */
export function replayParts(replay: string | undefined): {
  path?: string;
  commandsReplayPath?: string;
  caseClockMs?: number;
} {
  const [paths = '', at] = (replay ?? '').split('@');
  const [path, commandsReplayPath] = paths.split('~');
  const caseClockMs = at === undefined ? undefined : Number(at);
  return {
    ...(path ? { path } : {}),
    ...(commandsReplayPath ? { commandsReplayPath } : {}),
    ...(caseClockMs !== undefined && Number.isSafeInteger(caseClockMs) && caseClockMs > 0 ? { caseClockMs } : {}),
  };
}
