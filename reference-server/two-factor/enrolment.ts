/**
 * Completing a registration: the app by QR code or by secret key, or the desktop side for any authenticator app.
 * Every check runs before anything is written, so a refused registration changes nothing but the failure count.
 */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import type {
  Authenticator,
  ConfirmRegistrationRequest,
  RegisterAuthenticatorRequest,
  RegisterAuthenticatorResponse,
  RegisterBySecretRequest,
} from '../../conformance/spec/protocol/two-factor.js';
import { hashSecret, newId, newSecret, type ServiceContext } from '../services/context.js';
import { deviceById } from '../services/pairing.js';
import { voidPushes } from './authenticators.js';
import { accountOf, registrationBy, usableRegistration } from './registrations.js';
import { toAuthenticator, type AuthenticatorRow, type RegistrationRow } from './rows.js';
import { setUpTwoFactor } from './setup-offer.js';
import { throttled } from './throttle.js';

type AppRequest = Static<typeof RegisterAuthenticatorRequest> | Static<typeof RegisterBySecretRequest>;
type RegisterResponse = Static<typeof RegisterAuthenticatorResponse>;

/** QR code scanned: push and TOTP. With the app's MBS device id, a replacement device re-pairs (seed §7 NOTE). */
export function registerByQr(
  ctx: ServiceContext,
  request: Static<typeof RegisterAuthenticatorRequest>,
): RegisterResponse {
  const registration = registrationBy(ctx, 'token_hash', hashSecret(request.registrationToken));
  assertNewInstall(ctx, request.installId);
  const device = request.deviceId === undefined ? undefined : deviceById(ctx, request.deviceId);
  if (request.deviceId !== undefined && !device) throw new MbsError('device-not-found');
  return ctx.db.transaction(() => {
    const original = device?.migrated_from_id;
    if (original) ctx.rules.demoteOriginal(ctx, original);
    const secret = ctx.rules.scannedAccountSecret(ctx, registration.secret);
    return enrol(ctx, { ...registration, secret }, request, { push: true, lastTimeStep: -1 });
  })();
}

/**
 * The secret key of the account a QR code registers: the registration's own, the one the desktop showed to be saved
 * with the QR code, so that the saved code set up on a new phone makes codes the server accepts (TOTP-10).
 */
export function scannedAccountSecret(_ctx: ServiceContext, registrationSecret: string): string {
  return registrationSecret;
}

/** Re-pairing after a migration: push moves to the replacement; the original's TOTP stays valid, as the seed says. */
export function demoteOriginal(ctx: ServiceContext, originalDeviceId: string): void {
  const demoted = ctx.db
    .prepare('SELECT id FROM tfa_authenticators WHERE device_id = ? AND push = 1')
    .all(originalDeviceId) as { id: string }[];
  voidPushes(
    ctx,
    demoted.map((r) => r.id),
  );
  ctx.db.prepare('UPDATE tfa_authenticators SET push = 0 WHERE device_id = ?').run(originalDeviceId);
}

/** "Not able to scan QR code?": the typed username and secret key, proven by a one-time password. TOTP only. */
export function registerBySecret(
  ctx: ServiceContext,
  request: Static<typeof RegisterBySecretRequest>,
): RegisterResponse {
  const registration = usableRegistration(ctx, ctx.rules.registrationBySecret(ctx, request.secret, request.username));
  assertNewInstall(ctx, request.installId);
  return throttled(ctx, 'registration', () =>
    ctx.db.transaction(() => {
      const step = ctx.rules.proveSecret(ctx, registration.secret, request.code);
      return enrol(ctx, registration, request, { push: ctx.rules.pushBySecretKey(), lastTimeStep: step });
    })(),
  );
}

/** The registration a typed username and secret key complete: the one issued with that secret key. */
export function registrationBySecret(
  ctx: ServiceContext,
  secret: string,
  username: string,
): RegistrationRow | undefined {
  return ctx.db.prepare('SELECT * FROM tfa_registrations WHERE secret = ? AND username = ?').get(secret, username) as
    RegistrationRow | undefined;
}

/** Any authenticator app given the secret key: the desktop side types its one-time password. TOTP only. */
export function confirmRegistration(
  ctx: ServiceContext,
  registrationId: string,
  request: Static<typeof ConfirmRegistrationRequest>,
): Authenticator {
  const registration = registrationBy(ctx, 'id', registrationId);
  return throttled(ctx, 'registration', () =>
    ctx.db.transaction(() => {
      const lastTimeStep = ctx.rules.proveSecret(ctx, registration.secret, request.code);
      const id = newId();
      const kind = ctx.rules.confirmedKind();
      insertAuthenticator(ctx, registration, { id, name: request.name, kind, push: 0, lastTimeStep });
      return toAuthenticator(
        ctx.db.prepare('SELECT * FROM tfa_authenticators WHERE id = ?').get(id) as AuthenticatorRow,
      );
    })(),
  );
}

/** An authenticator's registeredAt: the server's one clock, the conformance clock when it runs one. */
export function registeredAtNow(ctx: ServiceContext): number {
  return ctx.clock.now();
}

/** What an authenticator confirmed on the desktop is: `totp`, any app given the key (`app` is the app's own). */
export function confirmedKind(): 'app' | 'totp' {
  return 'totp';
}

/** Whether an authenticator registered by secret key takes push requests: never, it makes codes only (TFA-10). */
export function pushBySecretKey(): boolean {
  return false;
}

/** The time step of a valid code, which the new authenticator may then never use again. */
export function proveSecret(ctx: ServiceContext, secret: string, code: string): number {
  const check = ctx.rules.checkTotp(secret, code, ctx.clock.now(), -1);
  if (check.result !== 'accepted') throw new MbsError('otp-invalid');
  return check.timeStep;
}

function assertNewInstall(ctx: ServiceContext, installId: string): void {
  if (ctx.db.prepare('SELECT 1 FROM tfa_authenticators WHERE install_id = ?').get(installId)) {
    throw new MbsError('authenticator-already-registered');
  }
}

function enrol(
  ctx: ServiceContext,
  registration: RegistrationRow,
  request: AppRequest,
  how: { push: boolean; lastTimeStep: number },
): RegisterResponse {
  const id = newId();
  const key = newSecret();
  insertAuthenticator(ctx, registration, {
    id,
    name: request.name,
    kind: 'app',
    push: how.push ? 1 : 0,
    lastTimeStep: how.lastTimeStep,
    keyHash: hashSecret(key),
    installId: request.installId,
    platform: request.platform,
    deviceId: 'deviceId' in request ? (request.deviceId ?? null) : null,
  });
  return { authenticatorId: id, authenticatorKey: key, account: accountOf(ctx, id, registration.secret, how.push) };
}

interface NewAuthenticator {
  id: string;
  name: string;
  kind: 'app' | 'totp';
  push: 0 | 1;
  lastTimeStep: number;
  keyHash?: string;
  installId?: string;
  platform?: 'android' | 'ios';
  deviceId?: string | null;
}

function insertAuthenticator(ctx: ServiceContext, registration: RegistrationRow, a: NewAuthenticator): void {
  ctx.rules.markUsed(ctx, registration.id);
  setUpTwoFactor(ctx);
  ctx.db
    .prepare(
      `INSERT INTO tfa_authenticators (id, name, kind, push, secret, key_hash, install_id, platform, device_id,
         registered_at, last_time_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.id,
      a.name,
      a.kind,
      a.push,
      registration.secret,
      a.keyHash ?? null,
      a.installId ?? null,
      a.platform ?? null,
      a.deviceId ?? null,
      ctx.rules.registeredAtNow(ctx),
      a.lastTimeStep,
    );
}
