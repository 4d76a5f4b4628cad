/**
 * The commands of the one-time password check (code-window.ts), each sent to the desktop login that is open: a code
 * of either authenticator (current, previous, next, two steps and 5 minutes away, replayed, wrong), a malformed code,
 * a run of wrong codes, and with the server's clock its moves and codes at a step's 29.999 s and 30.000 s. The model
 * (../common/otp-commands.ts) judges every answer; a refused code's login is read only where it could matter.
 */
import fc from 'fast-check';
import { Violation } from '../../../kit/violation.js';
import {
  canEnter,
  clockMove,
  codeEntry,
  describeEntry,
  describeMove,
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
import { STEP_MS, stepOf } from '../common/totp-steps.js';

export interface World extends OtpWorld {
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
export async function stillChoosing(w: World): Promise<void> {
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
export const windowCommands = (movable: boolean) => [
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
