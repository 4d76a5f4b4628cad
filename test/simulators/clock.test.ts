import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../simulators/clock/clock.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';

describe('virtual clock', () => {
  it('fires timers at their due time, in order, ties by the order they were set', () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.setTimer(30, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(10, () => fired.push(`a@${clock.now()}`));
    clock.setTimer(30, () => fired.push(`c@${clock.now()}`));
    const cancelled = clock.setTimer(20, () => fired.push('never'));
    clock.clearTimer(cancelled);
    clock.advance(29);
    expect(fired).toEqual(['a@10']);
    clock.advance(1);
    expect(fired).toEqual(['a@10', 'b@30', 'c@30']);
    expect(clock.now()).toBe(30);
    expect(clock.pending).toBe(0);
  });

  it('runs timers set by timers within the same advance, and jumps 41 days at once', () => {
    const clock = new VirtualClock(0);
    let ticks = 0;
    const tick = () => {
      ticks += 1;
      clock.setTimer(DAY_MS, tick);
    };
    clock.setTimer(DAY_MS, tick);
    clock.advance(41 * DAY_MS);
    expect(ticks).toBe(41);
    expect(clock.now()).toBe(41 * DAY_MS);
  });

  it('refuses to go back or to take a negative delay', () => {
    const clock = new VirtualClock(100);
    expect(() => clock.advanceTo(99)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.setTimer(-5, () => undefined)).toThrow(RangeError);
  });
});
