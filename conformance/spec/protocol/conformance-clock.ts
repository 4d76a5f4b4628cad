/**
 * The conformance clock: what a server offers, only when started for conformance testing, so that a kit can judge
 * the rules of time (lifetimes, code steps, throttling waits) without waiting for them. The server's clock is its
 * wall clock plus an offset the kit sets; every timing decision of the server reads that clock.
 */
import Type from 'typebox';
import type { ErrorCode } from '../errors.js';
import { EpochMs } from './common.js';
import { CONSOLE_ERRORS, type RouteSpec } from './route-spec.js';

/** What `GET /v1/info` lists in `capabilities` when the routes below are on. */
export const CONFORMANCE_CLOCK_CAPABILITY = 'conformance-clock';

/**
 * Listed beside it when the clock is frozen: the server's clock stands still at `FROZEN_CLOCK_START_MS` plus the
 * offset, and only the kit moves it. Optional for a vendor; with it a kit's run replays exactly from its seed.
 */
export const FROZEN_CLOCK_CAPABILITY = 'conformance-clock-frozen';

/**
 * The header naming the randomness stream a request draws from, honoured by a server with a frozen clock (optional,
 * like the frozen clock): the kit sends one key per generated case, so the ids, secrets and codes the server makes
 * for a case are the same whether the case runs among others or alone in a replay. Keys match the pattern below;
 * a server ignores any other value, and every header on a server without the frozen clock.
 */
export const RANDOMNESS_KEY_HEADER = 'x-conformance-randomness';
export const RANDOMNESS_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a frozen clock stands at offset 0: a fixed instant, so that every time a run reports is the same. */
export const FROZEN_CLOCK_START_MS = Date.UTC(2026, 0, 1);

/** The furthest a kit may move a server's clock: longer than any lifetime the protocol states (30 days). */
export const MAX_CLOCK_OFFSET_MS = 400 * 24 * 60 * 60 * 1000;

export const ClockOffset = Type.Integer({
  minimum: 0,
  maximum: MAX_CLOCK_OFFSET_MS,
  description:
    "Milliseconds added to the server's wall clock (or, frozen, to its fixed start); 0 is that clock itself.",
});
/** `now` is the time the server reads at the moment it answers: its wall clock plus `offsetMs`. */
export const ClockReading = Type.Object({ now: EpochMs, offsetMs: ClockOffset });
export const SetClockRequest = Type.Object({ offsetMs: ClockOffset }, { additionalProperties: false });

const CLOCK_ERRORS = [...CONSOLE_ERRORS, 'conformance-clock-off'] as const satisfies readonly ErrorCode[];

export const CONFORMANCE_CLOCK_ROUTES = {
  getConformanceClock: {
    method: 'GET',
    path: '/v1/console/conformance/clock',
    auth: 'console',
    group: 'conformance',
    summary: 'Conformance testing only: the time the server reads now and the offset from its wall clock.',
    status: 200,
    response: ClockReading,
    errors: CLOCK_ERRORS,
  },
  setConformanceClock: {
    method: 'PUT',
    path: '/v1/console/conformance/clock',
    auth: 'console',
    group: 'conformance',
    summary: "Conformance testing only: set the offset from the server's wall clock (a smaller one puts it back).",
    body: SetClockRequest,
    status: 200,
    response: ClockReading,
    errors: [...CLOCK_ERRORS, 'invalid-request'],
  },
} as const satisfies Record<string, RouteSpec>;
