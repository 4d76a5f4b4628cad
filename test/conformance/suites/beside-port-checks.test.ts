/**
 * Checks that start a server like the target's for something other than its ports (the conformance clock's server
 * started without the clock, the push-service check's) wait out a neighbour's port check holding every port of the
 * edition's range, rather than fail the server's requirement for want of a port: with more cells at once, a run
 * failed NET-10 so ("No free TCP port on 127.0.0.1 in 50000-50099"). Real ports on 127.0.0.1: the first start of
 * the check's own server meets Pro's whole TCP range held, as a port check holds it, and the range frees as that
 * start ends.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { EDITIONS } from '../../../conformance/spec/editions.js';
import { conformanceClockCheck } from '../../../conformance/suites/protocol/conformance-clock.js';
import { pushServiceBlockedCheck } from '../../../conformance/suites/network/push-service-blocked.js';
import { hold, portsOf } from '../../../conformance/suites/network/port-probe.js';
import { ReferenceTarget, type ReferenceSession } from '../../../conformance/targets/reference-target.js';
import type { Edition } from '../../../conformance/spec/editions.js';
import type { OwnServer } from '../../../conformance/targets/target.js';
import { cellsOf, runTwoFactor } from './fixtures/two-factor-run.js';

/** The start's first call runs with the edition's whole TCP range held, freed as that call ends. */
function firstStartOnAHeldRange<A extends unknown[]>(
  edition: Edition,
  start: (...args: A) => Promise<OwnServer>,
  seen: { calls: number; refusals: unknown[] },
): (...args: A) => Promise<OwnServer> {
  return async (...args) => {
    seen.calls += 1;
    if (seen.calls > 1) return start(...args);
    const held = await hold('tcp', portsOf(EDITIONS[edition].tcp));
    try {
      return await start(...args);
    } catch (error) {
      seen.refusals.push(error);
      throw error;
    } finally {
      await held.release();
    }
  };
}

/** The reference target, its own servers' first start meeting a held range. */
class NeighbourHoldsTheRange extends ReferenceTarget {
  readonly seen = { calls: 0, refusals: [] as unknown[] };

  override async open(edition: Edition): Promise<ReferenceSession> {
    const session = await super.open(edition);
    return {
      ...session,
      startOwnServer: firstStartOnAHeldRange(edition, session.startOwnServer!, this.seen),
      startOwnServerWithPushService: firstStartOnAHeldRange(edition, session.startOwnServerWithPushService!, this.seen),
    };
  }
}

const CASES: [string, Check][] = [
  ['the conformance clock', conformanceClockCheck],
  ['push without its service', pushServiceBlockedCheck],
];

describe('a check that starts a server of its own for something other than ports', () => {
  it.each(CASES)('%s waits for a range a neighbour holds, and judges the server once it frees', async (_, check) => {
    const target = new NeighbourHoldsTheRange(['pro']);
    const summary = await runTwoFactor([check], { target, profiles: [] });
    expect(cellsOf(summary, check.id)).toEqual([['pro', 'pass', undefined]]);
    // The held range was met for real: the first start was refused for want of a port, then tried again.
    expect(target.seen.refusals).toEqual([expect.objectContaining({ code: 'ENOFREEPORT' })]);
    expect(target.seen.calls).toBe(2);
  });
});
