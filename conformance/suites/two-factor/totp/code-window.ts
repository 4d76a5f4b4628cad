/**
 * One-time passwords at the desktop login (seed 002 "Setting up 2FA", seed 000 Appendix A; PROTOCOL.md), model-based:
 * random sequences of codes (current, previous, next, two steps and 5 minutes away, replayed, wrong, malformed),
 * from an authenticator registered by QR code and one registered by secret key, named or not; runs of wrong codes;
 * codes at a step's 29.999 s and 30.000 s; the clock moved to the ends of throttling waits. Every answer must be one
 * the model allows: the ±1 step window, each code once, throttling after 5 failures and its reset by a success.
 * Without the server's clock every rule runs that needs none: codes of the server's step on the machine clock they
 * share, failures kept below the throttle; the step edges and the throttle are then left untested.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { Sometimes, withReached } from '../../../kit/sometimes.js';
import { Violation } from '../../../kit/violation.js';
import {
  canEnter,
  clockMove,
  codeEntry,
  describeEntry,
  CODE_IN_LAST_MS,
  describeMove,
  DESKTOP_LOGIN,
  enterCode,
  enterMalformed,
  belowThrottle,
  MALFORMED_CODES,
  moveClock,
  type ClockMove,
  type CodeEntry,
  type OtpModel,
  type OtpWorld,
} from '../common/otp-commands.js';
import { codeAt, registerByQr, registerBySecretKey, settleOtp, STEP_MS, stepOf } from '../common/actors.js';
import { clearAuthenticators } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';

interface World extends OtpWorld {
  loginId: string | undefined;
  /** A code was refused at the open login since its state was last read: it must still be at choose-method. */
  unread: boolean;
}

type Step = fc.AsyncCommand<OtpModel, World>;

/** The login that codes go to: a fresh one after each success. It asks for a code straight away. */
async function openLogin(w: World): Promise<string> {
  if (w.loginId) return w.loginId;
  const login = await w.desk.call('startLogin', { body: {} });
  if (login.state !== 'choose-method') {
    throw new Violation(['LOGIN-02'], `with 2FA on and no password lock a login starts at ${login.state}`);
  }
  w.loginId = login.loginId;
  return login.loginId;
}

const NAMES = ['A (QR code)', 'B (secret key)'];

/** A refused code leaves the login where it was (TOTP-08): read when a code was refused since it was last read. */
async function stillChoosing(w: World): Promise<void> {
  if (!w.unread || !w.loginId) return;
  w.unread = false;
  const { state } = await w.desk.call('getLogin', { params: { loginId: w.loginId } });
  if (state !== 'choose-method')
    throw new Violation(['TOTP-08'], `after a refused code the login is at ${state}, not choose-method`);
}

/**
 * The codes no server may accept, whatever its clock: any other may log in (a code of a neighbouring step becomes
 * the next step's as the call crosses a step's edge), and a login a refusal moved would hide it, so it is read first.
 */
const NEVER_LOG_IN: readonly (CodeEntry['kind'] | 'malformed')[] = ['wrong', 'malformed'];

/**
 * Sends a code, or a malformed one, to the open login. A refused code changes nothing the model knows, so its
 * login's state is read only before it could matter: before a code a server may accept, before an answer the
 * model does not allow is blamed (a login a refusal moved explains it as TOTP-08), and after a sequence's last step.
 */
async function toLogin(w: World, kind: CodeEntry['kind'] | 'malformed', send: (loginId: string) => Promise<boolean>) {
  if (!NEVER_LOG_IN.includes(kind)) await stillChoosing(w);
  const loginId = await openLogin(w);
  try {
    if (await send(loginId)) {
      w.loginId = undefined;
      w.unread = false;
    } else if (kind !== 'malformed') w.unread = true;
  } catch (e) {
    await stillChoosing(w);
    throw e;
  }
}

const codeTo = (m: OtpModel, w: World, e: CodeEntry) => toLogin(w, e.kind, (id) => enterCode(m, w, id, e));

const enter = (e: CodeEntry, movable: boolean): Step => ({
  check: (m) => canEnter(m, e) && (movable || belowThrottle(m)),
  run: (m, w) => codeTo(m, w, e),
  toString: () => describeEntry(e, NAMES),
});

const malformed = (code: string): Step => ({
  check: () => true,
  run: (_m, w) => toLogin(w, 'malformed', (id) => enterMalformed(w, id, code).then(() => false)),
  toString: () => `enter the malformed code ${JSON.stringify(code)}`,
});

const move = (to: ClockMove): Step => ({
  check: () => true,
  run: async (m, w) => moveClock(m, w.time, to),
  toString: () => describeMove(to),
});

/** Runs of wrong codes reach the throttle within a short sequence. */
const guesses = (n: number, movable: boolean): Step => ({
  check: (m) => movable || belowThrottle(m),
  async run(m, w) {
    for (let i = 0; i < n && (movable || belowThrottle(m)); i++) await codeTo(m, w, WRONG);
  },
  toString: () => `enter ${n} wrong codes${movable ? '' : ', stopping short of the throttle'}`,
});
const WRONG: CodeEntry = { kind: 'wrong', auth: 0, named: false };

/**
 * Codes at a step's edge, whose answer differs on either side of it. The server's clock runs on, so a try aims
 * at 29.999 s (or 30.000 s) and lands there when the call takes under a millisecond, about a quarter of calls;
 * three tries a command, each judged by the model whichever side it landed.
 */
type EdgeKind = 'previous' | 'next' | 'two steps back' | 'two steps ahead';
const edge = (at: '29.999 s' | '30.000 s', kind: EdgeKind, auth: number): Step => ({
  check: () => true,
  async run(m, w) {
    for (const early of at === '29.999 s' ? [1, 2, 1] : [0, 0, 0]) {
      await w.time.moveTo((stepOf(w.time.now()) + 1) * STEP_MS - early);
      await codeTo(m, w, { kind, auth, named: true });
    }
  },
  toString: () => `at ${at} of a step enter the ${kind} code of ${NAMES[auth]}, three times`,
});

/**
 * The commands drawn: with the server's clock, its moves and the step edges too. Without it the codes are those of
 * the server's current step on the shared machine clock, and failures stop short of the throttle, which only the
 * clock could wait out.
 */
const commands = (movable: boolean) => [
  codeEntry(2).map((e) => enter(e, movable)),
  fc.constantFrom(...MALFORMED_CODES).map(malformed),
  fc.integer({ min: 1, max: 6 }).map((n) => guesses(n, movable)),
  ...(movable ? clockCommands : []),
];

const clockCommands = [
  clockMove.map(move),
  fc
    .tuple(
      fc.constantFrom<'29.999 s' | '30.000 s'>('29.999 s', '30.000 s'),
      fc.constantFrom<EdgeKind>('previous', 'next', 'two steps back', 'two steps ahead'),
      fc.nat({ max: 1 }),
    )
    .map(([at, kind, auth]) => edge(at, kind, auth)),
];

export const totpWindowCheck: Check = {
  id: 'tfa-totp-window-model',
  title: 'One-time passwords: ±1 step accepted, ±2 and 5 minutes refused, each once, throttled after 5 failures',
  area: 'TOTP',
  requirements: [
    'TOTP-01',
    'TOTP-02',
    'TOTP-04',
    'TOTP-08',
    'TOTP-09',
    'TOTP-11',
    'TOTP-12',
    'TOTP-13',
    'TOTP-14',
    'TOTP-18',
    'LOGIN-02',
    'LOGIN-11',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['model-based', '2fa', 'time-travel'],
  // Without the clock: no step edge (29.999 s / 30.000 s) and no throttle, whose wait only the clock can end.
  requirementsWithout: { clock: ['TOTP-13', 'TOTP-14', 'TOTP-18'] },
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const { url } = context.session;
      // Only a clock the kit moves lands a code on a step's last millisecond.
      const sometimes = new Sometimes(time.movable ? [CODE_IN_LAST_MS] : []);
      const property = fc.asyncProperty(
        fc.commands(commands(time.movable), commandsOptions(context, 24)),
        async (cmds) => {
          // withTwoFactor took the password lock off, and nothing here sets one.
          await clearAuthenticators(desk);
          const a = await registerByQr(desk, url, 'Totp A');
          const b = await registerBySecretKey(desk, url, 'Totp B', time);
          const settled = await settleOtp(desk, time, a, -1);
          const history = new HistoryRecorder();
          // The codes the setup used are the history's first acceptances: a replay of one is a second.
          for (const code of [codeAt(a.secret, settled), codeAt(b.secret, b.usedStep)]) {
            history.invoke(DESKTOP_LOGIN, { f: 'code', kind: 'totp', code })('ok');
          }
          const world: World = { desk, time, auths: [a, b], loginId: undefined, unread: false, history, sometimes };
          const model: OtpModel = {
            otp: { lastStep: { [a.id]: settled, [b.id]: b.usedStep }, failures: 0 },
            lastCode: {},
          };
          await fc.asyncModelRun(() => ({ model, real: world }), cmds);
          await stillChoosing(world);
        },
      );
      return withReached(await checkProperty(property, context), sometimes);
    }),
};
