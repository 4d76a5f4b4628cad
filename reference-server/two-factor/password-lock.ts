/**
 * The password lock (seed 000 Appendix A): set or cleared on the desktop side with the license e-mail address, and
 * checked first at every login. Passwords are kept as salted scrypt hashes.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { MbsError } from '../../conformance/spec/errors.js';
import { ConformanceClock } from '../clock.js';
import type { ServiceContext } from '../services/context.js';
import type { TwoFactorSettings } from '../../conformance/spec/protocol/two-factor.js';

type PasswordLockStatus = TwoFactorSettings['passwordLock'];

interface LockRow {
  password_hash: string;
  email: string;
}

export function lockOf(ctx: ServiceContext): LockRow | undefined {
  return ctx.db.prepare('SELECT password_hash, email FROM tfa_password_lock WHERE id = 1').get() as LockRow | undefined;
}

/**
 * Two costs of scrypt, named in the stored hash so that a password is checked with the cost it was set with. A
 * server on the wall clock, the product as `mbsc serve` runs it by default, uses scrypt's standard cost (N = 2^14,
 * 16 MiB and about 38 ms of CPU a derivation here). A server on the frozen conformance clock is for conformance
 * testing only (its ids and secrets are predictable by design, services/randomness.ts) and uses N = 2^10 (1.7 ms):
 * the lock's rules are the same, and a run that sets and checks passwords many times spends little CPU on them.
 */
const COSTS = {
  standard: { tag: 'scrypt', N: 16_384 },
  conformance: { tag: 'scrypt-n1024', N: 1_024 },
} as const;

/** The length of the derived key. */
const KEY_BYTES = 32;

function costFor(ctx: ServiceContext): (typeof COSTS)[keyof typeof COSTS] {
  return ctx.clock instanceof ConformanceClock && ctx.clock.mode === 'frozen' ? COSTS.conformance : COSTS.standard;
}

function hashPassword(ctx: ServiceContext, password: string): string {
  const { tag, N } = costFor(ctx);
  const salt = randomBytes(16);
  return `${tag}$${salt.toString('base64')}$${scryptSync(password, salt, KEY_BYTES, { N }).toString('base64')}`;
}

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number },
) => Promise<Buffer>;

/** The key derivation runs on libuv's thread pool: a login never holds the event loop for it. */
async function matches(password: string, stored: string): Promise<boolean> {
  const [tag, salt = '', hash = ''] = stored.split('$');
  const cost = Object.values(COSTS).find((c) => c.tag === tag);
  const expected = Buffer.from(hash, 'base64');
  // A stored hash the server cannot read is its own fault, never a wrong password (which would count against the
  // user), and never an empty key that every password would match.
  if (!cost || expected.length !== KEY_BYTES) {
    throw new MbsError('internal-error', 'The password lock holds a hash this server cannot read.');
  }
  const given = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: cost.N });
  return timingSafeEqual(given, expected);
}

/** Throws `password-invalid` unless the password opens the lock (no lock: anything does). */
export async function checkPassword(ctx: ServiceContext, password: string): Promise<void> {
  const lock = lockOf(ctx);
  if (lock && !(await matches(password, lock.password_hash))) throw new MbsError('password-invalid');
}

export function setPasswordLock(
  ctx: ServiceContext,
  request: { password: string; email: string } | { password: null },
): PasswordLockStatus {
  if (request.password === null) {
    ctx.db.prepare('DELETE FROM tfa_password_lock WHERE id = 1').run();
    return ctx.rules.lockStatus(undefined);
  }
  storePassword(ctx, request.password, request.email);
  return ctx.rules.lockStatus({ email: request.email });
}

/** What the desktop is told of the lock: whether it is set, and the license e-mail address its codes go to. */
export function lockStatus(lock: { email: string } | undefined): PasswordLockStatus {
  return lock ? { set: true, email: lock.email } : { set: false };
}

/** Sets the password; keeps the lock's e-mail address when none is given. */
export function storePassword(ctx: ServiceContext, password: string, email?: string): void {
  ctx.db
    .prepare(
      `INSERT INTO tfa_password_lock (id, password_hash, email, set_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash,
         email = coalesce(?, email), set_at = excluded.set_at`,
    )
    .run(hashPassword(ctx, password), email ?? '', ctx.clock.now(), email ?? null);
  // A new password starts a new count of failed attempts.
  ctx.db.prepare("DELETE FROM tfa_failures WHERE scope = 'password'").run();
}
