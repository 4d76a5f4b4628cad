/**
 * "Enhanced security for 2FA" (seed 000 §6.4.4), model-based: random sequences of turning it on or off, opening the
 * 2FA page, with the device password, a wrong one, a matching or failing biometric or nothing, removing or setting
 * the screen lock, and moving the phone's clock to a lock's last millisecond and its end. The model holds the
 * seed's rules and is loose where the seed is on numbers: the app may lock after any failure, never after a success,
 * must lock within 10 failures in a row, says how long ("Try again later"), refuses every attempt until then, shows
 * no code meanwhile, and takes the right secret from the lock's end on. The phone's clock is exact to the ms.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty, commandsOptions } from '../framework/property.js';
import { Violation } from '../framework/violation.js';
import type { Attempt } from '../../simulators/app/authenticator/enhanced-security.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { appWorld, needsTwoFactorApp, type AppWorld } from './app-world.js';
import { ServerTime } from './two-factor-support.js';

const MAX_FAILURES_BEFORE_LOCK = 10;
type Kind = 'password' | 'wrong password' | 'biometric' | 'failed biometric' | 'nothing';
type Result = 'ok' | 'authentication-failed' | 'security-locked' | 'security-unavailable';

interface Model {
  enabled: boolean;
  failures: number;
  lockedUntil: number;
  screenLock: boolean;
  readonly biometric: boolean;
}
type Step = fc.AsyncCommand<Model, AppWorld>;

function attemptOf(kind: Kind, w: AppWorld): Attempt | undefined {
  if (kind === 'nothing') return undefined;
  if (kind.endsWith('biometric')) return { method: 'biometric', match: kind === 'biometric' };
  return { method: 'password', password: kind === 'password' ? w.device.lockSecret : `${w.device.lockSecret}9` };
}

const right = (m: Model, kind: Kind) => (kind === 'password' && m.screenLock) || (kind === 'biometric' && m.biometric);

/** What the app must answer to an authentication with `kind` at `now`. */
function expected(m: Model, kind: Kind, now: number): Result {
  if (now < m.lockedUntil) return 'security-locked';
  return right(m, kind) ? 'ok' : 'authentication-failed';
}

function outcome(act: () => unknown): { result: Result; retryAfterMs: number; message: string } {
  try {
    act();
    return { result: 'ok', retryAfterMs: 0, message: '' };
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: { retryAfterMs?: number } };
    return { result: e.code as Result, retryAfterMs: e.details?.retryAfterMs ?? 0, message: e.message ?? '' };
  }
}

/**
 * Checks an authentication's answer against the model and moves the model on. Whether a failure locked the page
 * is what the page shows ("Try again later" and the wait), read after each failure.
 */
function judge(m: Model, w: AppWorld, kind: Kind, got: ReturnType<typeof outcome>, blame: readonly string[]): void {
  const now = w.clock.now();
  const want = expected(m, kind, now);
  if (got.result !== want) {
    const ids = want === 'security-locked' || got.result === 'security-locked' ? ['ESEC-09', 'ESEC-10'] : blame;
    throw new Violation(
      kind === 'password' && m.biometric && want === 'ok' ? [...ids, 'ESEC-07'] : ids,
      `${kind}: ${got.result}, the model says ${want}`,
    );
  }
  if (got.result === 'security-locked') {
    if (got.retryAfterMs !== m.lockedUntil - now || !/try again/i.test(got.message)) {
      throw new Violation(
        ['ESEC-08'],
        `locked with "${got.message}" and ${got.retryAfterMs} ms to wait, ${m.lockedUntil - now} ms were shown`,
      );
    }
    return;
  }
  const lock = w.app.security.lockRemainingMs();
  if (got.result === 'ok') {
    if (lock > 0) throw new Violation(['ESEC-08'], 'a successful authentication locked the page');
    m.failures = 0;
    return;
  }
  m.failures += 1;
  if (lock > 0) {
    m.lockedUntil = now + lock;
    m.failures = 0;
  } else if (m.failures >= MAX_FAILURES_BEFORE_LOCK) {
    throw new Violation(['ESEC-08'], `${m.failures} failed authentications in a row and no lock`);
  }
}

const toggle = (on: boolean, kind: Kind): Step => ({
  check: () => kind !== 'nothing',
  async run(m, w) {
    const got = outcome(() => w.app.security.setEnabled(on, attemptOf(kind, w) as Attempt));
    if (on && !m.screenLock) {
      if (got.result !== 'security-unavailable')
        throw new Violation(['ESEC-02'], `turned on without a screen lock: ${got.result}`);
      return;
    }
    judge(m, w, kind, got, ['ESEC-03']);
    if (got.result === 'ok') m.enabled = on;
    if (w.app.security.enabled !== m.enabled)
      throw new Violation(['ESEC-03'], `enhanced security is ${w.app.security.enabled ? 'on' : 'off'}`);
  },
  toString: () => `turn enhanced security ${on ? 'on' : 'off'} with ${kind}`,
});

const open = (kind: Kind): Step => ({
  check: () => true,
  async run(m, w) {
    let shown = 0;
    const got = outcome(() => (shown = w.twoFactor.openPage(attemptOf(kind, w)).length));
    if (!m.enabled) {
      if (got.result !== 'ok')
        throw new Violation(['ESEC-06'], `with enhanced security off the page answered ${got.result}`);
    } else if (kind === 'nothing') {
      if (got.result === 'ok') throw new Violation(['ESEC-05'], 'the page opened without authenticating');
    } else judge(m, w, kind, got, ['ESEC-05']);
    if (got.result === 'ok' && shown !== 1) throw new Violation(['ESEC-05'], `the page shows ${shown} codes`);
  },
  toString: () => `open the 2FA page with ${kind}`,
});

const screenLock = (on: boolean): Step => ({
  check: (m) => m.screenLock !== on,
  async run(m, w) {
    w.device.screenLock = on ? 'pin' : 'none';
    m.screenLock = on;
  },
  toString: () => (on ? 'set a PIN screen lock' : 'remove the screen lock'),
});

const wait = (to: 'last locked ms' | 'lock end' | number): Step => ({
  check: (m) => typeof to === 'number' || m.lockedUntil > 0,
  async run(m, w) {
    const target = to === 'last locked ms' ? m.lockedUntil - 1 : to === 'lock end' ? m.lockedUntil : w.clock.now() + to;
    w.clock.advanceTo(Math.max(w.clock.now(), target));
  },
  toString: () => (typeof to === 'number' ? `phone clock +${to} ms` : `phone clock to the ${to}`),
});

/** Failed attempts in a row reach the lock within a short sequence. */
const failures = (n: number, kind: Kind): Step => ({
  check: () => true,
  async run(m, w) {
    for (let i = 0; i < n; i++) await open(kind).run(m, w);
  },
  toString: () => `open the 2FA page ${n} times with ${kind}`,
});

/** At a lock's last millisecond and at its end, the right secret (the phone's clock is exact). */
const atLockEdge = (to: 'last locked ms' | 'lock end', kind: 'password' | 'biometric'): Step => ({
  check: (m) => m.lockedUntil > 0,
  async run(m, w) {
    if (w.clock.now() >= m.lockedUntil - (to === 'last locked ms' ? 1 : 0)) return;
    await wait(to).run(m, w);
    await open(kind).run(m, w);
  },
  toString: () => `at the lock's ${to === 'lock end' ? 'end' : 'last millisecond'} open the 2FA page with ${kind}`,
});

const KINDS: Kind[] = ['password', 'wrong password', 'biometric', 'failed biometric', 'nothing'];
const rightKind = fc.constantFrom<'password' | 'biometric'>('password', 'biometric');
const failing = fc.constantFrom<Kind>('wrong password', 'failed biometric');
const commands = [
  fc.tuple(fc.boolean(), fc.constantFrom(...KINDS)).map(([on, kind]) => toggle(on, kind)),
  rightKind.map((kind) => toggle(true, kind)),
  fc.constantFrom(...KINDS).map(open),
  fc.tuple(fc.integer({ min: 1, max: 6 }), failing).map(([n, kind]) => failures(n, kind)),
  fc.boolean().map(screenLock),
  fc
    .oneof(
      fc.constantFrom<'last locked ms' | 'lock end'>('last locked ms', 'lock end'),
      fc.integer({ min: 1, max: 120_000 }),
    )
    .map(wait),
  fc
    .tuple(fc.constantFrom<'last locked ms' | 'lock end'>('last locked ms', 'lock end'), rightKind)
    .map(([to, kind]) => atLockEdge(to, kind)),
];

export const enhancedSecurityCheck: Check = {
  id: 'tfa-app-enhanced-security-model',
  title: 'Enhanced security: off by default, needs a screen lock, guards the page, locks after failures',
  area: 'ESEC',
  requirements: ['ESEC-01', 'ESEC-02', 'ESEC-03', 'ESEC-05', 'ESEC-06', 'ESEC-07', 'ESEC-08', 'ESEC-09', 'ESEC-10'],
  scope: 'device',
  tags: ['2fa', 'app', 'model-based'],
  applies: needsTwoFactorApp,
  async run(context: CheckContext) {
    const profile = context.column.profile as DeviceSpec;
    const time = ServerTime.of(context.session);
    const property = fc.asyncProperty(
      fc.commands(commands, { ...commandsOptions(context, 40), size: '+1' }),
      async (cmds) => {
        const world = appWorld(context.session, profile, time);
        world.app.accounts.addFromSecret('MBS Pro', 'admin', 'JBSWY3DPEHPK3PXP');
        if (world.app.security.enabled || world.twoFactor.openPage().length !== 1) {
          throw new Violation(['ESEC-01'], 'enhanced security is on out of the box');
        }
        const model: Model = {
          enabled: false,
          failures: 0,
          lockedUntil: 0,
          screenLock: profile.screenLock !== 'none',
          biometric: profile.biometric !== 'none',
        };
        await fc.asyncModelRun(() => ({ model, real: world }), cmds);
      },
    );
    return checkProperty(property, context);
  },
};
