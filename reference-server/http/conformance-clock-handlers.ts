/** The conformance clock routes: read the server's clock, and set its offset from the wall clock. */
import { MbsError } from '../../conformance/spec/errors.js';
import {
  CONFORMANCE_CLOCK_CAPABILITY,
  FROZEN_CLOCK_CAPABILITY,
} from '../../conformance/spec/protocol/conformance-clock.js';
import type { ConformanceClock } from '../clock.js';
import type { Handlers } from './route-types.js';

type ClockRoutes = 'getConformanceClock' | 'setConformanceClock';

/** What `GET /v1/info` lists of the clock: nothing when off; the frozen clock's name too when it stands still. */
export function clockCapabilities(clock: ConformanceClock | undefined): string[] {
  if (!clock) return [];
  return clock.mode === 'frozen'
    ? [CONFORMANCE_CLOCK_CAPABILITY, FROZEN_CLOCK_CAPABILITY]
    : [CONFORMANCE_CLOCK_CAPABILITY];
}

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
