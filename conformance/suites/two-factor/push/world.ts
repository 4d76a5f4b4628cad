/**
 * The world the push commands act on (two registered devices and the desktop login), and the check every command
 * ends with: the login, and each device's notifications, as the server shows them must be what the model allows.
 * A verify judges the login after every step (as the step's own call answered it, where it did), and reads a
 * device's notifications when a step could have changed them, as the model knows it: a request to it answered or
 * voided, or the clock moved while one of its requests was pending (a request just sent is judged on the page that
 * lists it). After a sequence's last step getLogin and the devices its last verify left out are read too, so a wrong
 * state that persists is caught whatever step caused it.
 */
import type fc from 'fast-check';
import type { Static } from 'typebox';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { Probe } from '../common/support.js';
import type { PushStatus } from '../../../spec/protocol/two-factor.js';
import { allNotificationsAfter } from '../../../../simulators/mbs-client/listing-pages.js';
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
import { STEP_MS } from '../common/totp-steps.js';

export interface PushWorld extends OtpWorld {
  /** The last notification seq each authenticator has seen on the push notification service. */
  readonly seen: number[];
}

export type PushStep = fc.AsyncCommand<PushModel, PushWorld>;
/** The two devices, as the commands name them. */
export const NAMES = ['Phone A', 'Phone B'];
/** Whether the current login still waits for a method: not yet logged in. */
export const open = (m: PushModel) => currentLogin(m).state !== 'logged-in';

/** A login as the server showed it, and its clock around the call. */
export type ShownLogin = Probe<Static<typeof Login>>;

/**
 * The login as the server shows it now, against the model. A step whose own call answered the login (starting it,
 * sending a push request: each action answers the login as it now stands) passes that answer as `answered`, and it
 * is judged instead of asking again at once.
 */
export async function verify(m: PushModel, w: PushWorld, answered?: ShownLogin): Promise<void> {
  const login = currentLogin(m);
  const probe = answered ?? (await w.time.probe(() => w.desk.call('getLogin', { params: { loginId: login.id } })));
  if (!probe.outcome.ok) throw new Error(`getLogin: ${probe.outcome.code}`);
  const shown = probe.outcome.value;
  const expected = statesIn(m, login, probe.before, probe.after);
  if (!expected.includes(shown.state)) {
    throw new Violation(
      stateRules(m, login, expected, shown.state),
      `the login is at ${shown.state}, the model says ${expected.join(' or ')}`,
    );
  }
  await verifyRequests(m, w, changedDevices(m, w.time.now() + w.time.slackMs));
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

/**
 * The devices whose notifications the steps since the last verify could have changed: those a step sent a request
 * to, answered or voided one of, and those with a request pending when they were last read that may have expired
 * since: by `now` (the server's clock runs on between steps), or whatever its expiry when the clock was moved (a
 * server may wrongly show it expired).
 */
function changedDevices(m: PushModel, now: number): Set<number> {
  const { since } = m;
  const changed = new Set(since.touched);
  for (const r of m.requests) {
    const unreadSince = r.expiresAt > (since.readAt.get(r.auth) ?? -Infinity);
    if (r.status === 'pending' && unreadSince && (since.clockMoved || r.expiresAt <= now)) changed.add(r.auth);
  }
  since.touched.clear();
  since.clockMoved = false;
  return changed;
}

/**
 * After a sequence's last step: the login as getLogin shows it, and the devices the last verify did not read, so
 * everything has been read at the sequence's end.
 */
export async function verifyAll(m: PushModel, w: PushWorld): Promise<void> {
  const rest = new Set(w.auths.keys());
  for (const i of m.since.read) rest.delete(i);
  m.since.touched.clear();
  for (const i of rest) m.since.touched.add(i);
  await verify(m, w);
}

/** Every request as the push notification service lists it to its device, against the model. */
async function verifyRequests(m: PushModel, w: PushWorld, devices: ReadonlySet<number>): Promise<void> {
  m.since.read.clear();
  for (const [i, auth] of w.auths.entries()) {
    if (!devices.has(i) || !m.requests.some((r) => r.auth === i)) continue;
    m.since.read.add(i);
    const probe = await w.time.probe(() => allNotificationsAfter(auth.client));
    if (!probe.outcome.ok) throw new Error(`listNotifications: ${probe.outcome.code}`);
    m.since.readAt.set(i, probe.before);
    const listed = new Map(probe.outcome.value.notifications.map((n) => [n.requestId, n.status]));
    for (const r of m.requests.filter((x) => x.auth === i)) {
      const expected = [...new Set(timesIn(m, probe.before, probe.after).map((t) => statusAt(r, t)))];
      const got = listed.get(r.id);
      if (got === undefined || !expected.includes(got)) {
        throw new Violation(
          [statusRule(got, expected)],
          `${auth.name}'s notifications show ${r.id} as ${got ?? 'missing'}, the model says ${expected.join(' or ')}`,
        );
      }
    }
  }
}

/** Which requirement a request listed with the wrong status breaks. */
export function statusRule(got: PushStatus | undefined, expected: readonly PushStatus[]): string {
  if ([got, ...expected].includes('voided')) return 'PUSH-07';
  return [got, ...expected].includes('expired') ? 'PUSH-04' : 'PUSH-10';
}
