/**
 * Whether a session gets the server's clock, decided the same way for every target: the server advertises the
 * conformance clock in `GET /v1/info`, the kit has the console key its routes take, and the clock moves as told.
 * Otherwise the session has no clock, and the reason says which of these it lacks.
 */
import { CONFORMANCE_CLOCK_CAPABILITY, FROZEN_CLOCK_CAPABILITY } from '../spec/protocol/conformance-clock.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { askInfo, infoFailure } from './ask-info.js';
import { clockProblem } from './clock-probe.js';
import { ProtocolClock } from './protocol-clock.js';

export type ClockOpening = { readonly clock: ProtocolClock } | { readonly clockLack: string };

export const CLOCK_LACKS = {
  declined: 'needs the conformance clock, which this run was told not to use (--no-conformance-clock)',
  console: "needs the console key (--console-key) to move the server's conformance clock",
  unasked: 'needs the conformance clock; the server did not answer GET /v1/info, which says whether it offers one',
  notOffered:
    'needs the conformance clock (PROTOCOL.md), which the server does not offer: GET /v1/info lists no "conformance-clock" capability',
} as const;

export async function openConformanceClock(
  url: string,
  console: MbsClient | undefined,
  use = true,
): Promise<ClockOpening> {
  if (!use) return { clockLack: CLOCK_LACKS.declined };
  if (!console) return { clockLack: CLOCK_LACKS.console };
  // A server that cannot be asked has no clock here; the run's probe (conformance/runner/run-edition.ts) or, for a
  // frozen reference server, its target (reference-target.ts) reports it.
  const asked = await askInfo(url);
  if ('error' in asked) return { clockLack: `${CLOCK_LACKS.unasked} (${infoFailure(asked)})` };
  const { info } = asked;
  if (!info.capabilities?.includes(CONFORMANCE_CLOCK_CAPABILITY)) return { clockLack: CLOCK_LACKS.notOffered };
  // A server whose clock stands still between moves is read as such: the run then depends on no machine's speed.
  const frozen = info.capabilities.includes(FROZEN_CLOCK_CAPABILITY);
  const problem = await clockProblem(console, frozen);
  if (problem) return { clockLack: problem };
  return { clock: await ProtocolClock.open(console, frozen) };
}
