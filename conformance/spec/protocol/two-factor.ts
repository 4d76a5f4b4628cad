/**
 * Schemas of two-factor authentication (seed 000 §1.3, §6.3, Appendix A; seeds 001 and 002): the desktop side's
 * settings and registrations, the app as a registered authenticator, push requests through the push notification
 * service, and the SMS and e-mail outbox. The login flow's schemas are in two-factor-login.ts.
 */
import Type, { type Static } from 'typebox';
import { DeviceName, EpochMs, Id, Platform } from './common.js';
import { AuthenticatorAccount } from './resources.js';

export const OtpCode = Type.String({ pattern: '^\\d{6}$', description: 'A one-time password: 6 digits.' });
export const CodeDigits = Type.String({
  pattern: '^\\d{6}$',
  description: 'The six digits the user types of a verification code shaped ABCD-123456.',
});
export const TotpSecret = Type.String({ pattern: '^[A-Z2-7]{16}$', description: '16 base32 characters (80 bits).' });
export const PhoneNumber = Type.String({
  pattern: '^\\+[1-9]\\d{6,14}$',
  description: 'E.164: "+", the country code and the number, digits only.',
});
export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
/** NIST SP 800-63B §5.1.1.2: at least 8 characters. */
export const NewPassword = Type.String({ minLength: 8, maxLength: 128 });
export const InstallId = Type.String({
  pattern: '^[A-Za-z0-9_-]{8,64}$',
  description: 'Stable id of this app installation.',
});
export const AuthenticatorKind = Type.Union([Type.Literal('app'), Type.Literal('totp')], {
  description: 'app: registered by the app itself (QR code or secret key); totp: any authenticator, confirmed here.',
});

export const Authenticator = Type.Object({
  authenticatorId: Id,
  name: DeviceName,
  kind: AuthenticatorKind,
  push: Type.Boolean({ description: 'Takes push requests: registered by QR code and not replaced by a re-pairing.' }),
  registeredAt: EpochMs,
  platform: Type.Optional(Platform),
  deviceId: Type.Optional(Id),
  recoveryPhoneLastDigits: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
});
export const PasswordLockStatus = Type.Object({ set: Type.Boolean(), email: Type.Optional(Email) });
export const TwoFactorSettings = Type.Object({
  enabled: Type.Boolean({ description: 'At least one authenticator is registered: every login asks for 2FA.' }),
  authenticators: Type.Array(Authenticator),
  passwordLock: PasswordLockStatus,
  pushNumberMatching: Type.Boolean(),
});

export const Registration = Type.Object({
  registrationId: Id,
  username: Type.String({ description: 'What the app asks for beside the secret key: the account label.' }),
  secret: TotpSecret,
  otpauthUri: Type.String({ description: 'otpauth://totp/<issuer>:<username>?secret=…&issuer=…&algorithm=SHA1…' }),
  payload: Type.String({ description: 'The QR text for the app: mbs2fa://register?… (two-factor-payload.ts).' }),
  expiresAt: EpochMs,
});
export const RegistrationParams = Type.Object({ registrationId: Id });
export const ConfirmRegistrationRequest = Type.Object(
  { code: OtpCode, name: DeviceName },
  { additionalProperties: false },
);
export const AuthenticatorParams = Type.Object({ authenticatorId: Id });
export const PasswordLockRequest = Type.Union([
  Type.Object({ password: NewPassword, email: Email }, { additionalProperties: false }),
  Type.Object({ password: Type.Null() }, { additionalProperties: false }),
]);
export const ResetRequest = Type.Object({ code: OtpCode }, { additionalProperties: false });

const AppIdentity = { name: DeviceName, platform: Platform, installId: InstallId };
export const RegisterAuthenticatorRequest = Type.Object(
  {
    registrationToken: Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$' }),
    ...AppIdentity,
    deviceId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const RegisterBySecretRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 128 }), secret: TotpSecret, code: OtpCode, ...AppIdentity },
  { additionalProperties: false },
);
export const RegisterAuthenticatorResponse = Type.Object({
  authenticatorId: Id,
  authenticatorKey: Type.String({ description: 'Bearer secret for every authenticator route; shown once.' }),
  account: AuthenticatorAccount,
});

export const PUSH_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'voided'] as const;
export const PushStatus = Type.Enum(PUSH_STATUSES, {
  description: 'expired: 5 minutes after sending, unanswered; voided: replaced by Resend, or the login ended.',
});
export const PageQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
  },
  { additionalProperties: false },
);
export const Notification = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  requestId: Id,
  loginId: Id,
  machine: Type.String({ description: 'Name of the desktop program asking for approval.' }),
  sentAt: EpochMs,
  expiresAt: EpochMs,
  status: PushStatus,
  numberChoices: Type.Optional(Type.Array(Type.Integer({ minimum: 10, maximum: 99 }))),
});
export const NotificationPage = Type.Object({ notifications: Type.Array(Notification), last: Type.Integer() });
export const PushParams = Type.Object({ requestId: Id });
export const PushAnswerRequest = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    number: Type.Optional(Type.Integer({ minimum: 10, maximum: 99 })),
  },
  { additionalProperties: false },
);
export const PushAnswer = Type.Object({ requestId: Id, status: PushStatus });

export const CodeSent = Type.Object({
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  letters: Type.String({ pattern: '^[A-Z]{4}$', description: 'Shown beside the field; the user types the digits.' }),
  sentAt: EpochMs,
  expiresAt: EpochMs,
  remainingMs: Type.Integer({ minimum: 0, description: 'The countdown beside the field.' }),
});
export const RecoveryPhoneRequest = Type.Object({ phone: PhoneNumber }, { additionalProperties: false });
export const CodeRequest = Type.Object({ digits: CodeDigits }, { additionalProperties: false });
export const RecoveryPhoneVerified = Type.Object({ recoveryPhoneLastDigits: Type.String({ pattern: '^\\d{2}$' }) });

export const OutboxMessage = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  to: Type.String(),
  /** An e-mail's sender, as `Name <address>`. */
  from: Type.Optional(Type.String({ description: "An e-mail's sender, as `Name <address>`." })),
  subject: Type.Optional(Type.String()),
  text: Type.String(),
  sentAt: EpochMs,
});
export const OutboxPage = Type.Object({ messages: Type.Array(OutboxMessage), last: Type.Integer() });

export type Authenticator = Static<typeof Authenticator>;
export type TwoFactorSettings = Static<typeof TwoFactorSettings>;
export type Registration = Static<typeof Registration>;
export type PushStatus = Static<typeof PushStatus>;
export type Notification = Static<typeof Notification>;
export type CodeSent = Static<typeof CodeSent>;
export type OutboxMessage = Static<typeof OutboxMessage>;
