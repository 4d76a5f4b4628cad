/**
 * The desktop login's state machine as data: for each state, the actions it allows and the states a successful
 * action leads to. The reference server enforces it, PROTOCOL.md renders it as a table, and the login check walks
 * it; an action a state does not allow is `409 login-state` with `details.state`, and changes nothing.
 */
import type { LoginState } from './two-factor-login.js';
import type { RouteName } from './routes.js';

export const LOGIN_ACTIONS = [
  'password',
  'forgot-password',
  'reset-password',
  'push',
  'otp',
  'recovery',
  'recovery-phone',
  'recovery-code',
] as const;
export type LoginAction = (typeof LOGIN_ACTIONS)[number];

/** The route of each action (POST /v1/console/logins/:loginId/…). */
export const LOGIN_ACTION_ROUTES = {
  password: 'loginPassword',
  'forgot-password': 'loginForgotPassword',
  'reset-password': 'loginResetPassword',
  push: 'loginPush',
  otp: 'loginOtp',
  recovery: 'loginRecovery',
  'recovery-phone': 'loginRecoveryPhone',
  'recovery-code': 'loginRecoveryCode',
} as const satisfies Record<LoginAction, RouteName>;

/**
 * Where a successful action leads. The password leads to the second factor: `choose-method` when a registered
 * device takes push, `otp` when none does, `logged-in` with 2FA off or a trusted browser token.
 */
export const LOGIN_NEXT: Readonly<Record<LoginAction, readonly LoginState[]>> = {
  password: ['choose-method', 'otp', 'logged-in'],
  'forgot-password': ['forgot-password'],
  'reset-password': ['password'],
  push: ['push-wait'],
  otp: ['logged-in'],
  recovery: ['recovery-phone'],
  'recovery-phone': ['recovery-code'],
  'recovery-code': ['logged-in'],
};

/** Once past the password, every screen offers push (Resend), a one-time password and "Unable to login". */
const SECOND_FACTOR: readonly LoginAction[] = ['push', 'otp', 'recovery'];

/** The actions each state allows; every other action is `login-state`. */
export const LOGIN_ALLOWED: Readonly<Record<LoginState, readonly LoginAction[]>> = {
  password: ['password', 'forgot-password'],
  // Asking again sends a new e-mail code, which voids the earlier one; the password still logs in.
  'forgot-password': ['password', 'forgot-password', 'reset-password'],
  'choose-method': SECOND_FACTOR,
  // Push is allowed, but with no device taking push every choice is `push-unavailable`.
  otp: SECOND_FACTOR,
  'push-wait': SECOND_FACTOR,
  'push-rejected': SECOND_FACTOR,
  'push-expired': SECOND_FACTOR,
  // The recovery steps may still switch to push or a code; the phone number again resends the SMS code.
  'recovery-phone': [...SECOND_FACTOR, 'recovery-phone'],
  'recovery-code': [...SECOND_FACTOR, 'recovery-phone', 'recovery-code'],
  'logged-in': [],
};

/** What moves a login without an action of the desktop: the app's answer to the push request, or its lifetime. */
export const LOGIN_EVENTS: readonly { readonly from: LoginState; readonly event: string; readonly to: LoginState }[] = [
  { from: 'push-wait', event: 'the app approves the push request', to: 'logged-in' },
  { from: 'push-wait', event: 'the app rejects it (or sends a wrong number)', to: 'push-rejected' },
  {
    from: 'push-wait',
    event: 'it outlives its 5 minutes, or is voided (its device removed or re-paired)',
    to: 'push-expired',
  },
];

export function loginAllows(state: LoginState, action: LoginAction): boolean {
  return LOGIN_ALLOWED[state].includes(action);
}
