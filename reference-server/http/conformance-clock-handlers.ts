/** The conformance clock routes: read the server's clock, and set its offset from the wall clock. */
import { MbsError } from '../../conformance/spec/errors.js';
import type { ConformanceClock } from '../clock.js';
import type { Handlers } from './route-types.js';

type ClockRoutes = 'getConformanceClock' | 'setConformanceClock';

export function createConformanceClockHandlers(clock: ConformanceClock | undefined): Pick<Handlers, ClockRoutes> {
  // The routes are refused before their handlers when the clock is off (build-app.ts); this is the last guard.
  const on = (): ConformanceClock => {
    if (!clock) throw new MbsError('conformance-clock-off');
    return clock;
  };
  const reading = (c: ConformanceClock) => ({ now: c.now(), offsetMs: c.offsetMs });
  return {
    getConformanceClock: () => reading(on()),
    setConformanceClock: ({ body }) => {
      const c = on();
      c.setOffset(body.offsetMs);
      return reading(c);
    },
  };
}
