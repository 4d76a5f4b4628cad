/**
 * The rules of the desktop login, without storage: which actions each state allows (the protocol's table,
 * login-table.ts), where the first factor leads, and the state a stored login is in at a given time (a push request
 * outlives its 5 minutes without a write).
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { LoginState } from '../../conformance/spec/protocol/two-factor-login.js';
import type { PushStatus } from '../../conformance/spec/protocol/two-factor.js';
import { LOGIN_ALLOWED, loginAllows, type LoginAction } from '../../conformance/spec/protocol/login-table.js';

export type { LoginAction } from '../../conformance/spec/protocol/login-table.js';

/** Whether the protocol's login table lets `action` run in `state`. */
export function mayAct(state: LoginState, action: LoginAction): boolean {
  return loginAllows(state, action);
}

export function assertAllowed(state: LoginState, action: LoginAction, allows = mayAct): void {
  if (!allows(state, action)) {
    throw new MbsError('login-state', `The login is at "${state}", where "${action}" is not possible.`, {
      state,
      allowed: LOGIN_ALLOWED[state],
    });
  }
}

export interface SecondFactor {
  /** At least one authenticator is registered. */
  readonly enabled: boolean;
  /** At least one of them takes push requests. */
  readonly push: boolean;
  /** The login came with a valid trusted browser token (seed 002). */
  readonly trusted: boolean;
  /** The login passed the password lock to get here: it leads on as it would without one (LOGIN-04). */
  readonly afterPassword: boolean;
}

/** Where a login goes once the password lock is passed (or straight away when there is none). */
export function afterFirstFactor(second: SecondFactor): LoginState {
  if (!second.enabled || second.trusted) return 'logged-in';
  return second.push ? 'choose-method' : 'otp';
}

/**
 * The state as of now. Waiting on a push request that can no longer be answered is push-expired: it outlived its
 * 5 minutes, or it was voided because its device was removed or re-paired. The user may then resend or switch.
 */
export function stateAt(stored: LoginState, push: PushStatus | undefined): LoginState {
  return stored === 'push-wait' && (push === 'expired' || push === 'voided') ? 'push-expired' : stored;
}
