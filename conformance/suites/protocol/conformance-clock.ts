/**
 * The conformance clock (PROTOCOL.md "Conformance clock"): a server that advertises it moves it as told (the probe
 * every session runs, here as a verdict with its counterexample), and a server not started for conformance testing
 * advertises no clock and refuses both routes with `403 conformance-clock-off`. The refusing side is judged on a
 * server of the target's own kind started without the clock, where the target can start one.
 */
import { NotApplicable, type Check, type CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { refused } from '../../kit/server-support.js';
import { CONFORMANCE_CLOCK_CAPABILITY, FROZEN_CLOCK_CAPABILITY } from '../../spec/protocol/conformance-clock.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { clockProblem } from '../../targets/clock-probe.js';
import { CLOCK_LACKS } from '../../targets/open-conformance-clock.js';
import { startWhenRangeFrees } from '../../targets/range-held.js';
import type { OwnServer, TargetSession } from '../../targets/target.js';

const advertises = async (url: string) =>
  (await new MbsClient({ baseUrl: url, timeoutMs: 10_000 }).call('getInfo')).capabilities?.includes(
    CONFORMANCE_CLOCK_CAPABILITY,
  ) === true;

/** The target's server moves its clock as told, both ways, and is left where it was. */
async function movesAsTold(session: TargetSession): Promise<void> {
  const info = await new MbsClient({ baseUrl: session.url, timeoutMs: 10_000 }).call('getInfo');
  const problem = await clockProblem(
    session.console as MbsClient,
    info.capabilities?.includes(FROZEN_CLOCK_CAPABILITY) === true,
  );
  if (problem) throw new Error(problem);
}

/** A server started without the clock advertises none and refuses both routes to the console, moving nothing. */
async function refusedWhenOff(own: OwnServer): Promise<void> {
  if (await advertises(own.url)) {
    throw new Error(`a server started without conformance testing lists "${CONFORMANCE_CLOCK_CAPABILITY}"`);
  }
  const off = ['conformance-clock-off'] as const;
  const before = await own.console.call('createPairing', { body: { mode: 'add' } });
  await refused(own.console.call('getConformanceClock'), off, 'GET /v1/console/conformance/clock, clock off');
  const set = own.console.call('setConformanceClock', { body: { offsetMs: 3_600_000 } });
  await refused(set, off, 'PUT /v1/console/conformance/clock, clock off');
  const after = await own.console.call('createPairing', { body: { mode: 'add' } });
  // Two tokens' expiries, before and after: an hour's move would show between them, the calls' own time would not.
  if (after.expiresAt - before.expiresAt >= 3_600_000) {
    throw new Error(
      `the refused PUT moved the clock: pairing tokens issued before and after it expire at ` +
        `${before.expiresAt} and ${after.expiresAt}`,
    );
  }
}

export const conformanceClockCheck: Check = {
  id: 'protocol-conformance-clock',
  title: 'An advertised conformance clock moves as told; a server not in conformance mode refuses the clock routes',
  area: 'NET',
  requirements: ['NET-10'],
  scope: 'server',
  // It moves the server's clock: nothing may run beside it.
  exclusive: true,
  async run(context: CheckContext) {
    const { session } = context;
    // A run told not to use the clock (--no-conformance-clock) does not move it here either.
    const declined = session.clockLack === CLOCK_LACKS.declined;
    const moving = !declined && session.console !== undefined && (await advertises(session.url));
    if (!moving && !session.startOwnServer) {
      throw new NotApplicable(
        'the server offers no conformance clock the kit can move (or no console key), and the target starts no ' +
          'server of its own without the clock',
      );
    }
    return checkOnce(async () => {
      if (moving) await movesAsTold(session);
      const start = session.startOwnServer;
      if (!start) return;
      // The port checks' start, borrowed: not about ports here, so a range a neighbour holds is waited out.
      const own = await startWhenRangeFrees(start);
      try {
        await refusedWhenOff(own);
      } finally {
        await own.close();
      }
    });
  },
};
