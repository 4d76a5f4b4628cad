/** When a real-time check asks: well before a lifetime's end and well after, never at its edge; and never sleeping here. */
import { describe, expect, it } from 'vitest';
import { NotApplicable } from '../../../conformance/kit/check.js';
import {
  LONGEST_REAL_TIME_WAIT_MS,
  probesAround,
  probesOf,
  REAL_TIME_MARGIN_MS,
  waitUntil,
} from '../../../conformance/kit/real-time.js';

describe('real-time probes', () => {
  it('ask 20 s before the end from the earliest start and 20 s after from the latest', () => {
    expect(REAL_TIME_MARGIN_MS).toBe(20_000);
    expect(probesOf({ before: 1_000, after: 4_000 }, 300_000)).toEqual({ aliveAt: 281_000, goneAt: 324_000 });
  });

  it('ask around an end the server announced, unless it is further off than a run waits', () => {
    expect(probesAround(600_000, 0)).toEqual({ aliveAt: 580_000, goneAt: 620_000 });
    expect(() => probesAround(LONGEST_REAL_TIME_WAIT_MS + 60_000, 0)).toThrow(NotApplicable);
  });

  it('do not wait for a time already past', async () => {
    let asked = 0;
    await waitUntil(5, () => (asked++, 10));
    expect(asked).toBe(1);
  });
});
