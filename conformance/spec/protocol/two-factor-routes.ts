/**
 * Two-factor authentication routes of the desktop side besides the login: the settings, registrations, removal,
 * password lock and reset; and the outbox of SMS and e-mail messages. Every route of the twoFactor group answers
 * `2fa-not-supported` on an edition without 2FA, before anything else.
 */
import type { ErrorCode } from '../errors.js';
import { Empty } from './common.js';
import { CODE_ERRORS, CONSOLE_ERRORS, REGISTRATION_ERRORS, TWO_FACTOR_ERRORS, type RouteSpec } from './route-spec.js';
import {
  Authenticator,
  AuthenticatorParams,
  ConfirmRegistrationRequest,
  OutboxPage,
  PageQuery,
  PasswordLockRequest,
  PasswordLockStatus,
  Registration,
  RegistrationParams,
  ResetRequest,
  TwoFactorSettings,
} from './two-factor.js';

const DESK = [...TWO_FACTOR_ERRORS, ...CONSOLE_ERRORS] as const satisfies readonly ErrorCode[];

export const TWO_FACTOR_ROUTES = {
  getTwoFactor: {
    method: 'GET',
    path: '/v1/console/2fa',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Settings > Authentication: whether 2FA is on, the registered authenticators, the password lock.',
    status: 200,
    response: TwoFactorSettings,
    errors: [...DESK],
  },
  createRegistration: {
    method: 'POST',
    path: '/v1/console/2fa/registrations',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Add: a fresh secret key, its otpauth URI, and the QR payload with a single-use, expiring token.',
    body: Empty,
    status: 201,
    response: Registration,
    errors: [...DESK],
  },
  confirmRegistration: {
    method: 'POST',
    path: '/v1/console/2fa/registrations/:registrationId/confirm',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Secret key typed into any authenticator app: a valid one-time password registers it (TOTP only).',
    params: RegistrationParams,
    body: ConfirmRegistrationRequest,
    status: 201,
    response: Authenticator,
    errors: [...DESK, ...REGISTRATION_ERRORS, ...CODE_ERRORS, 'invalid-name'],
  },
  removeAuthenticator: {
    method: 'DELETE',
    path: '/v1/console/2fa/authenticators/:authenticatorId',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Remove a registered authenticator: its key, its one-time passwords and its push requests stop working.',
    params: AuthenticatorParams,
    status: 204,
    response: null,
    errors: [...DESK, 'authenticator-not-found'],
  },
  setPasswordLock: {
    method: 'PUT',
    path: '/v1/console/2fa/password-lock',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Set the password lock and the license e-mail that "Forgot password" sends to, or clear it with null.',
    body: PasswordLockRequest,
    status: 200,
    response: PasswordLockStatus,
    errors: [...DESK],
  },
  resetTwoFactor: {
    method: 'POST',
    path: '/v1/console/2fa/reset',
    auth: 'console',
    group: 'twoFactor',
    summary: 'Reset two-factor authentication settings, confirmed by a valid one-time password: all are removed.',
    body: ResetRequest,
    status: 200,
    response: TwoFactorSettings,
    errors: [...DESK, ...CODE_ERRORS],
  },
  skipTwoFactorSetup: {
    method: 'POST',
    path: '/v1/console/2fa/setup-offer/skip',
    auth: 'console',
    group: 'twoFactor',
    summary:
      'The first login’s offer to set up 2FA, skipped: later logins no longer offer it; Settings > Authentication ' +
      'still sets it up. Skipping again changes nothing.',
    body: Empty,
    status: 204,
    response: null,
    errors: [...DESK],
  },
  listOutbox: {
    method: 'GET',
    path: '/v1/console/outbox',
    auth: 'console',
    group: 'server',
    summary: 'Every 2FA server: the SMS and e-mail messages it sent, oldest first, so their codes can be read.',
    query: PageQuery,
    status: 200,
    response: OutboxPage,
    errors: [...CONSOLE_ERRORS],
  },
} as const satisfies Record<string, RouteSpec>;
