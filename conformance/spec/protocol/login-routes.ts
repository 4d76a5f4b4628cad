/**
 * The desktop login flow over HTTP (two-factor-login.ts has the states). Each action answers the login as it now
 * stands; an action the current state does not allow is `login-state` with `details.state`, and changes nothing.
 */
import type { ErrorCode } from '../errors.js';
import { CODE_ERRORS, CONSOLE_ERRORS, TWO_FACTOR_ERRORS, type RouteSpec } from './route-spec.js';
import { CodeRequest } from './two-factor.js';
import {
  ChooseAuthenticatorRequest,
  ForgotPasswordRequest,
  Login,
  LoginOtpRequest,
  LoginParams,
  LoginPhoneRequest,
  PasswordRequest,
  ResetPasswordRequest,
  StartLoginRequest,
} from './two-factor-login.js';

const BASE = [...TWO_FACTOR_ERRORS, ...CONSOLE_ERRORS] as const;
const ACTION = [...BASE, 'login-not-found', 'login-state'] as const satisfies readonly ErrorCode[];
const SMS_CODE = ['verification-code-invalid', 'verification-code-expired', 'otp-throttled'] as const;

/** One login action: POST /v1/console/logins/:loginId/<action>, answering the login. */
function action<const B, const E extends readonly ErrorCode[]>(suffix: string, summary: string, body: B, errors: E) {
  return {
    method: 'POST',
    path: `/v1/console/logins/:loginId/${suffix}`,
    auth: 'console',
    group: 'twoFactor',
    summary,
    params: LoginParams,
    body,
    status: 200,
    response: Login,
    errors: [...ACTION, ...errors],
  } as const;
}

export const LOGIN_ROUTES = {
  startLogin: {
    method: 'POST',
    path: '/v1/console/logins',
    auth: 'console',
    group: 'twoFactor',
    summary: 'The desktop program starts: a login in its first state. A trusted browser token skips the one-time code.',
    body: StartLoginRequest,
    status: 201,
    response: Login,
    errors: [...BASE],
  },
  getLogin: {
    method: 'GET',
    path: '/v1/console/logins/:loginId',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Poll the login: an approved push has logged it in; a rejected or expired one shows as such.',
    params: LoginParams,
    status: 200,
    response: Login,
    errors: [...BASE, 'login-not-found'],
  },
  loginPassword: action('password', 'The password lock password.', PasswordRequest, [
    'password-invalid',
    'otp-throttled',
  ]),
  loginPush: action(
    'push',
    'Send a push request to a device, or Resend: a new request that voids the earlier one.',
    ChooseAuthenticatorRequest,
    ['authenticator-not-found', 'push-unavailable'],
  ),
  loginOtp: action(
    'otp',
    'A one-time password from any registered authenticator (or the one named); trustBrowser asks for a token.',
    LoginOtpRequest,
    [...CODE_ERRORS, 'authenticator-not-found'],
  ),
  loginRecovery: action(
    'recovery',
    '"Unable to login": the registered device to discard; the answer shows its recovery phone’s last two digits.',
    ChooseAuthenticatorRequest,
    ['authenticator-not-found', 'recovery-phone-missing'],
  ),
  loginRecoveryPhone: action(
    'recovery/phone',
    'The recovery phone number in full: an SMS code (valid 5 minutes) is sent; again to resend, voiding the old.',
    LoginPhoneRequest,
    ['recovery-phone-mismatch', 'gateway-failed', 'send-limited'],
  ),
  loginRecoveryCode: action(
    'recovery/code',
    'The digits of the SMS code: the chosen device is discarded, the login completes, and a new QR registration comes back.',
    CodeRequest,
    SMS_CODE,
  ),
  loginForgotPassword: action(
    'forgot-password',
    '"Forgot password": the license e-mail address (its domain case-insensitive, RFC 5321 §2.4) gets a code valid 24 hours less one second.',
    ForgotPasswordRequest,
    ['email-mismatch', 'gateway-failed', 'send-limited'],
  ),
  loginResetPassword: action(
    'forgot-password/reset',
    'The digits of the e-mail code and the new password, twice: the lock changes and the login asks for it again.',
    ResetPasswordRequest,
    [...SMS_CODE, 'password-mismatch'],
  ),
} as const satisfies Record<string, RouteSpec>;
