/**
 * Where each case began on a frozen clock, and a replay that moves the clock there first: the case then reads the
 * same times as in its run. A running clock is not followed. The `@` part of --replay is read back exactly.
 */
import { describe, expect, it } from 'vitest';
import { CaseClock, replayParts } from '../../../conformance/kit/case-clock.js';
import type { TargetClock } from '../../../conformance/targets/target.js';

/** A clock standing still at 1000 plus what it was moved; it logs every move. */
function standingClock(frozen = true): TargetClock & { moves: number[] } {
  let offset = 0;
  const moves: number[] = [];
  return {
    ...(frozen ? { frozenAtMs: 1000 } : {}),
    moves,
    now: () => 1000 + offset,
    advance: async (ms) => {
      moves.push(ms);
      offset += ms;
    },
  };
}

describe('CaseClock', () => {
  it('records where each case began, counted from the property start', async () => {
    const clock = standingClock();
    await clock.advance(500);
    const cases = new CaseClock(clock);
    await cases.startCase('0');
    await clock.advance(30_000);
    await cases.startCase('1');
    await clock.advance(1);
    await cases.startCase('1:0');
    expect([cases.startOf('0'), cases.startOf('1'), cases.startOf('1:0'), cases.startOf('2')]).toEqual([
      undefined,
      30_000,
      30_001,
      undefined,
    ]);
  });

  it('in a replay moves the clock to where the case began, once, and puts it back after', async () => {
    const clock = standingClock();
    const cases = new CaseClock(clock, 30_001);
    await cases.startCase('1:0');
    expect(clock.now()).toBe(31_001);
    expect(cases.startOf('1:0')).toBe(30_001);
    await cases.startCase('1:0:0');
    await cases.restore();
    expect(clock.moves).toEqual([30_001, -30_001]);
  });

  it('does not follow a clock that runs', async () => {
    const clock = standingClock(false);
    const cases = new CaseClock(clock, 5000);
    await clock.advance(10);
    await cases.startCase('0');
    await cases.restore();
    expect(cases.startOf('0')).toBeUndefined();
    expect(clock.moves).toEqual([10]);
  });
});

describe('replayParts', () => {
  it('splits the path, the command list path and the case start', () => {
    expect(replayParts('0:1:1~ACB:F@59999')).toEqual({
      path: '0:1:1',
      commandsReplayPath: 'ACB:F',
      caseClockMs: 59_999,
    });
    expect(replayParts('3:0')).toEqual({ path: '3:0' });
    expect(replayParts('3:0@0')).toEqual({ path: '3:0' });
    expect(replayParts(undefined)).toEqual({});
  });
});
