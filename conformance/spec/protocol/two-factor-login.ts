/**
 * The desktop login as a state machine (seed 000 §1.3, §11.2, Appendix A; seed 002): password lock, then the
 * choice of 2FA method, push approval or a one-time password, and the recovery paths. Every answer is the login as
 * it now stands, so the desktop screen is a rendering of it.
 */
import Type, { type Static } from 'typebox';
import { DeviceName, EpochMs, Id } from './common.js';
import {
  CodeDigits,
  CodeSent,
  Email,
  NewPassword,
  OtpCode,
  PhoneNumber,
  PushStatus,
  Registration,
} from './two-factor.js';

export const LOGIN_STATES = [
  'password',
  'forgot-password',
  'choose-method',
  'otp',
  'push-wait',
  'push-rejected',
  'push-expired',
  'recovery-phone',
  'recovery-code',
  'logged-in',
] as const;
export type LoginState = (typeof LOGIN_STATES)[number];
export const LoginStateSchema = Type.Enum([...LOGIN_STATES], {
  description:
    'password: the password lock asks first; forgot-password: an e-mail code was sent; choose-method: push or ' +
    'one-time password; otp: only one-time passwords are possible; push-wait/-rejected/-expired: the push ' +
    'request is pending, was rejected, or outlived its 5 minutes; recovery-phone/-code: "Unable to login".',
});

const AuthenticatorRef = Type.Object({ authenticatorId: Id, name: DeviceName });
export const Login = Type.Object({
  loginId: Id,
  state: LoginStateSchema,
  createdAt: EpochMs,
  trustedBrowser: Type.Boolean({ description: 'A trusted browser token came with the login: no one-time code.' }),
  methods: Type.Optional(
    Type.Object(
      { push: Type.Array(AuthenticatorRef), otp: Type.Array(AuthenticatorRef) },
      { description: 'After the password: devices that take push requests, and those that make one-time passwords.' },
    ),
  ),
  pushService: Type.Optional(
    Type.Literal('unreachable', {
      description:
        'The push notification service could not be reached when the login got to its second factor (its ports ' +
        '80 and 443 blocked, NET-09): push approval is unavailable, so the login offers one-time passwords only.',
    }),
  ),
  otpStepRemainingMs: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 30_000, description: 'Time left in the current 30 s step (the countdown).' }),
  ),
  push: Type.Optional(
    Type.Object({
      requestId: Id,
      authenticatorId: Id,
      status: PushStatus,
      sentAt: EpochMs,
      expiresAt: EpochMs,
      remainingMs: Type.Integer({ minimum: 0, description: '"Waiting for response (00:04:27)".' }),
      number: Type.Optional(Type.Integer({ minimum: 10, maximum: 99, description: 'Number matching: shown here.' })),
    }),
  ),
  recovery: Type.Optional(
    Type.Object({
      authenticatorId: Id,
      name: DeviceName,
      phoneLastDigits: Type.String({ pattern: '^\\d{2}$' }),
    }),
  ),
  code: Type.Optional(CodeSent),
  trustedBrowserToken: Type.Optional(
    Type.String({ description: 'Only in the answer to a one-time password sent with trustBrowser: true.' }),
  ),
  registration: Type.Optional(Registration),
  setupOffer: Type.Optional(
    Type.Literal(true, {
      description:
        'Logged in with 2FA not set up, at the first login (before any set-up was completed or skipped, or the ' +
        'first since a reset): the desktop offers to set up 2FA (TFA-01). Registering an authenticator accepts ' +
        'the offer; skipTwoFactorSetup declines it, and later logins no longer carry it.',
    }),
  ),
});

export const LoginParams = Type.Object({ loginId: Id });
export const BrowserToken = Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$' });
export const StartLoginRequest = Type.Object(
  { browserToken: Type.Optional(BrowserToken) },
  { additionalProperties: false },
);
export const PasswordRequest = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export const ChooseAuthenticatorRequest = Type.Object({ authenticatorId: Id }, { additionalProperties: false });
export const LoginOtpRequest = Type.Object(
  { code: OtpCode, authenticatorId: Type.Optional(Id), trustBrowser: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const LoginPhoneRequest = Type.Object({ phone: PhoneNumber }, { additionalProperties: false });
export const ForgotPasswordRequest = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetPasswordRequest = Type.Object(
  { digits: CodeDigits, newPassword: NewPassword, confirmPassword: Type.String({ maxLength: 128 }) },
  { additionalProperties: false },
);

export type Login = Static<typeof Login>;
