/**
 * shownCodes reads several accounts' codes on one opening of the 2FA page after one catch-up of the phone's clock,
 * so that two codes of one secret cannot come from two 30 s steps where the server's clock runs on its own.
 */
import { describe, expect, it } from 'vitest';
import { shownCode, shownCodes, type AppWorld } from '../../../../../conformance/suites/two-factor/common/app-world.js';

/** A phone whose clock crosses into the next step at each catch-up: its page shows the step's number as the code. */
function phoneCrossingSteps() {
  const seen = { syncs: 0, openings: 0 };
  const world = {
    sync: () => void seen.syncs++,
    twoFactor: {
      openPage: () => {
        seen.openings++;
        return ['qr', 'key'].map((id) => ({ id, code: `step ${seen.syncs}` }));
      },
    },
  } as unknown as AppWorld;
  return { world, seen };
}

describe('shownCodes', () => {
  it('reads both codes of one secret from one opening after one catch-up: the same step', () => {
    const { world, seen } = phoneCrossingSteps();
    expect(shownCodes(world, ['qr', 'key'])).toEqual(['step 1', 'step 1']);
    expect(seen).toEqual({ syncs: 1, openings: 1 });
  });

  it('where one read per code catches up twice, and may show two steps', () => {
    const { world } = phoneCrossingSteps();
    expect(['qr', 'key'].map((id) => shownCode(world, id))).toEqual(['step 1', 'step 2']);
  });

  it('says which account the page does not show', () => {
    expect(() => shownCodes(phoneCrossingSteps().world, ['gone'])).toThrow('does not show account gone');
  });
});
