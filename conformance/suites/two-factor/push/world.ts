/**
 * The world the push commands act on (two registered devices and the desktop login), and the check every command
 * ends with: the login, and each device's notifications, as the server shows them must be what the model allows.
 */
import type fc from 'fast-check';
import { Violation } from '../../../kit/violation.js';
import type { OtpWorld } from '../common/otp-commands.js';
import {
  currentLogin,
  requestOf,
  stateRules,
  statesIn,
  statusAt,
  timesIn,
  type PushModel,
  type PushRequest,
} from './model.js';
import { STEP_MS } from '../common/actors.js';

export interface PushWorld extends OtpWorld {
  /** The last notification seq each authenticator has seen on the push notification service. */
  readonly seen: number[];
}

export type PushStep = fc.AsyncCommand<PushModel, PushWorld>;
/** The two devices, as the commands name them. */
export const NAMES = ['Phone A', 'Phone B'];
/** Whether the current login still waits for a method: not yet logged in. */
export const open = (m: PushModel) => currentLogin(m).state !== 'logged-in';

/** The login as the server shows it now, against the model. */
export async function verify(m: PushModel, w: PushWorld): Promise<void> {
  const login = currentLogin(m);
  const probe = await w.time.probe(() => w.desk.call('getLogin', { params: { loginId: login.id } }));
  if (!probe.outcome.ok) throw new Error(`getLogin: ${probe.outcome.code}`);
  const shown = probe.outcome.value;
  const expected = statesIn(m, login, probe.before, probe.after);
  if (!expected.includes(shown.state)) {
    throw new Violation(
      stateRules(m, login, expected, shown.state),
      `the login is at ${shown.state}, the model says ${expected.join(' or ')}`,
    );
  }
  await verifyRequests(m, w);
  if (shown.state === 'logged-in') return;
  const remaining = shown.otpStepRemainingMs ?? 0;
  const at = probe.before + ((((STEP_MS - remaining) % STEP_MS) - (probe.before % STEP_MS) + STEP_MS) % STEP_MS);
  if (remaining < 1 || remaining > STEP_MS || at > probe.after) {
    throw new Violation(
      ['TOTP-06'],
      `the code prompt counts down ${remaining} ms, the step has ${STEP_MS - (probe.before % STEP_MS)} ms left`,
    );
  }
  if (shown.state === 'choose-method') return;
  const otp = shown.methods?.otp.map((a) => a.authenticatorId) ?? [];
  if (!w.auths.every((a) => otp.includes(a.id))) {
    throw new Violation(
      ['LOGIN-06'],
      `at ${shown.state} the login offers one-time passwords from [${otp.join(', ')}] only`,
    );
  }
  const request = requestOf(m, login.request) as PushRequest;
  if (shown.push?.requestId !== request.id)
    throw new Violation(['PUSH-07'], `the login shows request ${shown.push?.requestId}, not ${request.id}`);
  const lo = Math.max(0, request.expiresAt - probe.after);
  const hi = Math.max(0, request.expiresAt - probe.before);
  if (shown.push.remainingMs < lo || shown.push.remainingMs > hi) {
    throw new Violation(
      ['PUSH-05'],
      `the countdown shows ${shown.push.remainingMs} ms left, the request has ${lo}..${hi} ms`,
    );
  }
}

/** Every request as the push notification service lists it to its device, against the model. */
async function verifyRequests(m: PushModel, w: PushWorld): Promise<void> {
  for (const [i, auth] of w.auths.entries()) {
    if (!m.requests.some((r) => r.auth === i)) continue;
    const probe = await w.time.probe(() => auth.client.call('listNotifications', { query: {} }));
    if (!probe.outcome.ok) throw new Error(`listNotifications: ${probe.outcome.code}`);
    const listed = new Map(probe.outcome.value.notifications.map((n) => [n.requestId, n.status]));
    for (const r of m.requests.filter((x) => x.auth === i)) {
      const expected = [...new Set(timesIn(m, probe.before, probe.after).map((t) => statusAt(r, t)))];
      const got = listed.get(r.id);
      if (got === undefined || !expected.includes(got)) {
        const rule = [got, ...expected].includes('voided')
          ? 'PUSH-07'
          : [got, ...expected].includes('expired')
            ? 'PUSH-04'
            : 'PUSH-10';
        throw new Violation(
          [rule],
          `${auth.name}'s notifications show ${r.id} as ${got ?? 'missing'}, the model says ${expected.join(' or ')}`,
        );
      }
    }
  }
}
