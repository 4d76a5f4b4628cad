/**
 * "Enhanced security for 2FA" (seed 000 §6.4.4), model-based: random sequences of turning it on or off, opening the
 * 2FA page, with the device password, a wrong one, a matching or failing biometric or nothing, removing or setting
 * the screen lock, and moving the phone's clock to a lock's last millisecond and its end. The model holds the
 * seed's rules and is loose where the seed is on numbers: the app may lock after any failure, never after a success,
 * must lock within 10 failures in a row, says how long ("Try again later"), refuses every attempt until then, shows
 * no code meanwhile, and takes the right secret from the lock's end on. The phone's clock is exact to the ms.
 *
 * The port the commands act on is in port.ts, the model's state and the judging of each answer
 * in model.ts; here the commands, a run, and the requirements they cover.
 */
import fc from 'fast-check';
import { Violation } from '../../../kit/violation.js';
import { judge, type Model, type Step } from './model.js';
import type { Kind, SecurityApp } from './port.js';

/** `sameToggle`: whether the switch may be set to what it already is (the model's call; a screen's switch flips). */
const toggle = (on: boolean, kind: Kind, sameToggle: boolean): Step => ({
  check: (m) => kind !== 'nothing' && (sameToggle || m.enabled !== on),
  async run(m, app) {
    const got = await app.setEnabled(on, kind);
    if (on && !m.screenLock) {
      if (got.result !== 'security-unavailable')
        throw new Violation(['ESEC-02'], `turned on without a screen lock: ${got.result}`);
      return;
    }
    await judge(m, app, kind, got, ['ESEC-03']);
    if (got.result === 'ok') m.enabled = on;
    const enabled = await app.enabled();
    if (enabled !== m.enabled) throw new Violation(['ESEC-03'], `enhanced security is ${enabled ? 'on' : 'off'}`);
  },
  toString: () => `turn enhanced security ${on ? 'on' : 'off'} with ${kind}`,
});

const open = (kind: Kind): Step => ({
  check: () => true,
  async run(m, app) {
    const { outcome: got, shown } = await app.open(kind);
    if (!m.enabled) {
      if (got.result !== 'ok')
        throw new Violation(['ESEC-06'], `with enhanced security off the page answered ${got.result}`);
    } else if (kind === 'nothing') {
      if (got.result === 'ok') throw new Violation(['ESEC-05'], 'the page opened without authenticating');
    } else await judge(m, app, kind, got, ['ESEC-05']);
    if (got.result === 'ok' && shown !== 1) throw new Violation(['ESEC-05'], `the page shows ${shown} codes`);
    if (got.result !== 'ok' && shown > 0) throw new Violation(['ESEC-09'], `the locked page shows ${shown} codes`);
  },
  toString: () => `open the 2FA page with ${kind}`,
});

const screenLock = (on: boolean): Step => ({
  check: (m) => m.screenLock !== on,
  async run(m, app) {
    await app.setScreenLock(on);
    m.screenLock = on;
  },
  toString: () => (on ? 'set a PIN screen lock' : 'remove the screen lock'),
});

const wait = (to: 'last locked ms' | 'lock end' | number): Step => ({
  check: (m) => typeof to === 'number' || m.lockedUntil > 0,
  async run(m, app) {
    const now = await app.now();
    const target = to === 'last locked ms' ? m.lockedUntil - 1 : to === 'lock end' ? m.lockedUntil : now + to;
    await app.clockTo(Math.max(now, target));
  },
  toString: () => (typeof to === 'number' ? `phone clock +${to} ms` : `phone clock to the ${to}`),
});

/** Failed attempts in a row reach the lock within a short sequence. */
const failures = (n: number, kind: Kind): Step => ({
  check: () => true,
  async run(m, app) {
    for (let i = 0; i < n; i++) await open(kind).run(m, app);
  },
  toString: () => `open the 2FA page ${n} times with ${kind}`,
});

/** At a lock's last millisecond and at its end, the right secret (the phone's clock is exact). */
const atLockEdge = (to: 'last locked ms' | 'lock end', kind: 'password' | 'biometric'): Step => ({
  check: (m) => m.lockedUntil > 0,
  async run(m, app) {
    if ((await app.now()) >= m.lockedUntil - (to === 'last locked ms' ? 1 : 0)) return;
    await wait(to).run(m, app);
    await open(kind).run(m, app);
  },
  toString: () => `at the lock's ${to === 'lock end' ? 'end' : 'last millisecond'} open the 2FA page with ${kind}`,
});

const KINDS: Kind[] = ['password', 'wrong password', 'biometric', 'failed biometric', 'nothing'];
const rightKind = fc.constantFrom<'password' | 'biometric'>('password', 'biometric');
const failing = fc.constantFrom<Kind>('wrong password', 'failed biometric');

/** The commands, weighted as listed; `sameToggle` where the switch can be set to what it is. */
export const securitySteps = ({ sameToggle }: { sameToggle: boolean }) => [
  fc.tuple(fc.boolean(), fc.constantFrom(...KINDS)).map(([on, kind]) => toggle(on, kind, sameToggle)),
  rightKind.map((kind) => toggle(true, kind, sameToggle)),
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

/** One run: out of the box enhanced security is off and the page shows its one account's code; then `cmds`. */
export async function securityModelRun(
  app: SecurityApp,
  cmds: Iterable<Step>,
  phone: { readonly screenLock: boolean; readonly biometric: boolean },
): Promise<void> {
  if ((await app.enabled()) || (await app.open('nothing')).shown !== 1) {
    throw new Violation(['ESEC-01'], 'enhanced security is on out of the box');
  }
  const model: Model = { enabled: false, failures: 0, lockedUntil: 0, ...phone };
  await fc.asyncModelRun(() => ({ model, real: app }), cmds);
}

export const SECURITY_REQUIREMENTS = [
  'ESEC-01',
  'ESEC-02',
  'ESEC-03',
  'ESEC-05',
  'ESEC-06',
  'ESEC-07',
  'ESEC-08',
  'ESEC-09',
  'ESEC-10',
];
