/**
 * A session opening the clock of a server that answers its first `GET /v1/info` late or not at all, as a server just
 * started on a busy machine may: the session still gets the clock. It went without it once, then read this
 * machine's time while the frozen server stood at its fixed instant, and the server refused every code it made.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FROZEN_CLOCK_START_MS } from '../../../conformance/spec/protocol/conformance-clock.js';
import { CLOCK_LACKS, openConformanceClock } from '../../../conformance/targets/open-conformance-clock.js';
import { clockOfFrozenServer } from '../../../conformance/targets/reference-target.js';
import { droppingInfo } from '../../helpers/dropping-info.js';
import { startTestServer } from '../../helpers/test-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('opening the clock of a server slow to answer GET /v1/info', () => {
  it('asks again, and gets the frozen clock where the server stands', async () => {
    const inner = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
    closers.push(() => inner.close());
    const opening = await openConformanceClock(await droppingInfo(inner, 2, closers), inner.console);
    expect(opening).not.toHaveProperty('clockLack');
    expect(opening).toHaveProperty('clock.frozenAtMs', FROZEN_CLOCK_START_MS);
  });

  it('says what it tried when the server never answers', async () => {
    const inner = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
    closers.push(() => inner.close());
    const opening = await openConformanceClock(await droppingInfo(inner, 3, closers), inner.console);
    expect(opening).toHaveProperty(
      'clockLack',
      expect.stringMatching(/did not answer GET \/v1\/info, which says whether it offers one \(3 tries, the last: /),
    );
  });
});

describe("the reference target's session without the clock of its frozen server", () => {
  it("is no session: its start failed, saying why, since it would read this machine's time", () => {
    const lack = { clockLack: `${CLOCK_LACKS.unasked} (3 tries, the last: socket hang up)` };
    expect(() => clockOfFrozenServer(lack, true)).toThrow(
      expect.objectContaining({
        code: 'server-start-failed',
        message: expect.stringMatching(
          /frozen conformance clock, but the kit could not open it: needs the conformance/,
        ),
      }),
    );
    // A server on the wall clock may go without: the kit then reads the same time the server does.
    expect(clockOfFrozenServer(lack, false)).toBe(lack);
  });
});
