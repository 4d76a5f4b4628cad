/**
 * The app as a registered 2FA authenticator: registering by QR code or by secret key, the push notification
 * service (PNS) it polls, answering push requests, and its recovery phone number. Authenticated routes take
 * `Authorization: Bearer <authenticatorKey>`.
 */
import type { ErrorCode } from '../errors.js';
import { CODE_ERRORS, REGISTRATION_ERRORS, TWO_FACTOR_ERRORS, type RouteSpec } from './route-spec.js';
import {
  Authenticator,
  CodeRequest,
  CodeSent,
  NotificationPage,
  PageQuery,
  PushAnswer,
  PushAnswerRequest,
  PushParams,
  RecoveryPhoneRequest,
  RecoveryPhoneVerified,
  RegisterAuthenticatorRequest,
  RegisterAuthenticatorResponse,
  RegisterBySecretRequest,
} from './two-factor.js';

const APP = [...TWO_FACTOR_ERRORS, 'authenticator-unauthorized'] as const satisfies readonly ErrorCode[];
const REGISTER_APP_ERRORS = [
  ...TWO_FACTOR_ERRORS,
  ...REGISTRATION_ERRORS,
  'authenticator-already-registered',
  'invalid-name',
] as const satisfies readonly ErrorCode[];

export const AUTHENTICATOR_ROUTES = {
  registerAuthenticator: {
    method: 'POST',
    path: '/v1/2fa/authenticators',
    auth: 'none',
    group: 'twoFactor',
    summary: 'App side, QR code scanned: registers the app for push approval and one-time passwords.',
    body: RegisterAuthenticatorRequest,
    status: 201,
    response: RegisterAuthenticatorResponse,
    errors: [...REGISTER_APP_ERRORS, 'device-not-found'],
  },
  registerBySecret: {
    method: 'POST',
    path: '/v1/2fa/authenticators/by-secret',
    auth: 'none',
    group: 'twoFactor',
    summary: 'App side, "Not able to scan QR code?": username, secret key and a one-time password; TOTP only.',
    body: RegisterBySecretRequest,
    status: 201,
    response: RegisterAuthenticatorResponse,
    errors: [...REGISTER_APP_ERRORS, ...CODE_ERRORS],
  },
  getAuthenticatorSelf: {
    method: 'GET',
    path: '/v1/2fa/authenticator',
    auth: 'authenticator',
    group: 'twoFactor',
    summary: 'The calling authenticator as the desktop lists it (push: false once a re-paired device took over).',
    status: 200,
    response: Authenticator,
    errors: [...APP],
  },
  listNotifications: {
    method: 'GET',
    path: '/v1/pns/notifications',
    auth: 'authenticator',
    group: 'twoFactor',
    summary: 'Push notification service: the push requests sent to this authenticator after `after`, with status.',
    query: PageQuery,
    status: 200,
    response: NotificationPage,
    errors: [...APP],
  },
  answerPush: {
    method: 'POST',
    path: '/v1/2fa/push/:requestId',
    auth: 'authenticator',
    group: 'twoFactor',
    summary: 'Approve or reject a push request, once, within its 5 minutes.',
    params: PushParams,
    body: PushAnswerRequest,
    status: 200,
    response: PushAnswer,
    errors: [...APP, 'push-not-found', 'push-expired', 'push-voided', 'push-already-answered', 'push-number-mismatch'],
  },
  setRecoveryPhone: {
    method: 'POST',
    path: '/v1/2fa/recovery-phone',
    auth: 'authenticator',
    group: 'twoFactor',
    summary: '"Send SMS verification code" to the recovery phone number being registered (valid 5 minutes).',
    body: RecoveryPhoneRequest,
    status: 201,
    response: CodeSent,
    errors: [...APP, 'gateway-failed', 'send-limited'],
  },
  verifyRecoveryPhone: {
    method: 'POST',
    path: '/v1/2fa/recovery-phone/verify',
    auth: 'authenticator',
    group: 'twoFactor',
    summary: 'The digits of the SMS code: the number becomes this authenticator’s recovery phone.',
    body: CodeRequest,
    status: 200,
    response: RecoveryPhoneVerified,
    errors: [...APP, 'verification-code-invalid', 'verification-code-expired', 'otp-throttled'],
  },
} as const satisfies Record<string, RouteSpec>;
