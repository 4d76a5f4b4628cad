/**
 * Whether a session gets the server's clock, decided the same way for every target: the server advertises the
 * conformance clock in `GET /v1/info`, the kit has the console key its routes take, and the clock moves as told.
 * Otherwise the session has no clock, and the reason says which of these it lacks.
 */
import { CONFORMANCE_CLOCK_CAPABILITY, FROZEN_CLOCK_CAPABILITY } from '../spec/protocol/conformance-clock.js';
import type { Static } from 'typebox';
import type { ServerInfo } from '../spec/protocol/resources.js';
import { ClientError, type ClientErrorCode } from '../spec/errors.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
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

/**
 * How often, and how long each time, the session asks `GET /v1/info` before it goes without the clock. A server the
 * runner has just started on a busy machine can take longer than one deadline to answer its first request; a session
 * that then went without the clock read this machine's time while a frozen server stood years away, and every code
 * it computed was refused. A server that refuses the connection fails each try at once.
 */
const INFO_TRIES = 3;
const INFO_DEADLINE_MS = 10_000;
/** Between two tries: a server still starting may refuse connections for a moment. */
const INFO_PAUSE_MS = 500;
/** What is worth another try: no answer in time, or no connection; an answer, even an error, is the server's. */
const RETRIED: readonly ClientErrorCode[] = ['timeout', 'unreachable'];

async function askInfo(
  url: string,
): Promise<{ readonly info: Static<typeof ServerInfo> } | { readonly failure: string }> {
  const client = new MbsClient({ baseUrl: url, timeoutMs: INFO_DEADLINE_MS });
  let failure = '';
  for (let tries = 1; tries <= INFO_TRIES; tries++) {
    try {
      return { info: await client.call('getInfo') };
    } catch (error) {
      failure = `${tries} ${tries === 1 ? 'try' : 'tries'}, the last: ${(error as Error).message}`;
      if (!(error instanceof ClientError && RETRIED.includes(error.code))) break;
    }
    if (tries < INFO_TRIES) await new Promise((resolve) => setTimeout(resolve, INFO_PAUSE_MS));
  }
  return { failure };
}

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
  if ('failure' in asked) return { clockLack: `${CLOCK_LACKS.unasked} (${asked.failure})` };
  const { info } = asked;
  if (!info.capabilities?.includes(CONFORMANCE_CLOCK_CAPABILITY)) return { clockLack: CLOCK_LACKS.notOffered };
  // A server whose clock stands still between moves is read as such: the run then depends on no machine's speed.
  const frozen = info.capabilities.includes(FROZEN_CLOCK_CAPABILITY);
  const problem = await clockProblem(console, frozen);
  if (problem) return { clockLack: problem };
  return { clock: await ProtocolClock.open(console, frozen) };
}
