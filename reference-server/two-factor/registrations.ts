/**
 * Registering an authenticator (seed 000 §6.3.1). The desktop side issues a registration: a fresh secret key and a
 * single-use token that expires. It is completed once, in one of three ways: the app scans the QR code (push and
 * TOTP); the app is given the username and secret key and proves them with a one-time password (TOTP only); or
 * any authenticator app is given the secret key and the desktop side is given its one-time password (TOTP only).
 */
import { MbsError } from '../../conformance/spec/errors.js';
import {
  buildOtpauthUri,
  encodeRegistrationPayload,
  type OtpauthParameters,
} from '../../conformance/spec/protocol/two-factor-payload.js';
import type { Registration } from '../../conformance/spec/protocol/two-factor.js';
import type { AuthenticatorAccount } from '../../conformance/spec/protocol/resources.js';
import { hashSecret, newId, newSecret, type ServiceContext } from '../services/context.js';
import { issuerOf, usernameOf } from './context.js';
import type { RegistrationRow } from './rows.js';
import { newTotpSecret } from './totp.js';

export function createRegistration(ctx: ServiceContext): Registration {
  const now = ctx.clock.now();
  const row: RegistrationRow = {
    id: newId(),
    token_hash: '',
    secret: ctx.rules.registrationSecret(ctx),
    username: usernameOf(ctx),
    created_at: now,
    expires_at: ctx.rules.registrationExpiry(ctx, now),
    used_at: null,
  };
  const token = newSecret();
  row.token_hash = hashSecret(token);
  ctx.db
    .prepare(
      `INSERT INTO tfa_registrations (id, token_hash, secret, username, created_at, expires_at)
       VALUES (@id, @token_hash, @secret, @username, @created_at, @expires_at)`,
    )
    .run(row);
  const otpauthUri = ctx.rules.otpauthUriOf({ issuer: issuerOf(ctx), label: row.username, secret: row.secret });
  const { identity } = ctx;
  const payload = encodeRegistrationPayload({
    v: 1,
    server: identity.serverId,
    edition: identity.edition,
    host: identity.advertisedHost,
    tcp: identity.tcpPort,
    udp: identity.udpPort,
    token,
    expires: ctx.rules.registrationExpiry(ctx, now, 'qr'),
    otpauth: ctx.rules.qrOtpauthUri(ctx, otpauthUri),
  });
  return {
    registrationId: row.id,
    username: row.username,
    secret: row.secret,
    otpauthUri,
    payload,
    expiresAt: ctx.rules.registrationExpiry(ctx, now, 'answer'),
  };
}

/** Each registration's secret key: a fresh random one, shared with no other registration (TOTP-17). */
export function registrationSecret(_ctx: ServiceContext): string {
  return newTotpSecret();
}

/** The otpauth URI of a registration's QR code: Google's Key URI Format, the issuer in label and parameter. */
export function otpauthUriOf(p: OtpauthParameters): string {
  return buildOtpauthUri(p);
}

/** The otpauth URI the registration's QR code carries: the one its answer states (TFA-03). */
export function qrOtpauthUri(_ctx: ServiceContext, otpauthUri: string): string {
  return otpauthUri;
}

/**
 * A registration token expires as a pairing token does, a set time after it was issued. `_told` is where that instant
 * is announced, the answer's `expiresAt` or the QR code's `expires`: the same instant as the one kept.
 */
export function registrationExpiry(ctx: ServiceContext, issuedAt: number, _told?: 'answer' | 'qr'): number {
  return issuedAt + ctx.pairingTtlMs;
}

/** The registration a lookup found, if it can still be completed. */
export function usableRegistration(ctx: ServiceContext, row: RegistrationRow | undefined): RegistrationRow {
  if (!row) throw new MbsError('registration-invalid');
  if (row.used_at !== null) throw new MbsError('registration-used');
  if (ctx.clock.now() >= row.expires_at) throw new MbsError('registration-expired');
  return row;
}

export function registrationBy(ctx: ServiceContext, column: 'id' | 'token_hash', value: string): RegistrationRow {
  const sql = `SELECT * FROM tfa_registrations WHERE ${column} = ?`;
  return usableRegistration(ctx, ctx.db.prepare(sql).get(value) as RegistrationRow | undefined);
}

export function markUsed(ctx: ServiceContext, id: string): void {
  ctx.db.prepare('UPDATE tfa_registrations SET used_at = ? WHERE id = ?').run(ctx.clock.now(), id);
}

/**
 * The name an account registered by QR code gets: the desktop machine's, beside the issuer naming product and edition
 * (seed 000 §6.3.4: "CloudBacko Pro – Ideapad S340 (Windows 10)").
 */
export function defaultAccountLabel(ctx: ServiceContext): string {
  return usernameOf(ctx);
}

/** The TOTP account as the app stores it (and backs it up with its snapshots). */
export function accountOf(ctx: ServiceContext, authenticatorId: string, secret: string, push: boolean) {
  const account: AuthenticatorAccount = {
    id: authenticatorId,
    issuer: issuerOf(ctx),
    label: ctx.rules.defaultAccountLabel(ctx),
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    push,
  };
  return account;
}
