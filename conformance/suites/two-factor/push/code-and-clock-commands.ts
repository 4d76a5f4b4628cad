/**
 * The push commands around the requests: enter a code (or a malformed one) at the login, move the clock (toward
 * 4:59.999 and 5:00.000 of the latest request, or the step edges), and hit a request's last millisecond and its end.
 */
import {
  belowThrottle,
  canEnter,
  describeEntry,
  describeMove,
  enterCode,
  enterMalformed,
  moveClock,
  type ClockMove,
  type CodeEntry,
} from '../common/otp-commands.js';
import { currentLogin, voidPending, type PushRequest } from './model.js';
import { answer, sendPush, startLogin } from './request-commands.js';
import { NAMES, open, verify, type PushStep } from './world.js';

/** Without the server's clock, failures stay below the throttle (otp-commands.ts says why). */
export const code = (e: CodeEntry, movable: boolean): PushStep => ({
  check: (m) => open(m) && canEnter(m, e) && (movable || belowThrottle(m)),
  async run(m, w) {
    const login = currentLogin(m);
    const screen = login.state === 'push-wait' ? ['LOGIN-07'] : login.state === 'push-rejected' ? ['PUSH-06'] : [];
    if (await enterCode(m, w, login.id, e, undefined, screen)) {
      voidPending(m, login.id);
      login.state = 'logged-in';
    }
    await verify(m, w);
  },
  toString: () => describeEntry(e, NAMES),
});

export const malformed = (text: string): PushStep => ({
  check: open,
  run: async (m, w) => {
    await enterMalformed(w, currentLogin(m).id, text);
    await verify(m, w);
  },
  toString: () => `enter the malformed code ${JSON.stringify(text)}`,
});

export type PushMove = '4:59.999 of the latest request' | '5:00.000 of the latest request' | ClockMove;

export const move = (to: PushMove): PushStep => ({
  check: (m) => typeof to !== 'string' || !to.endsWith('latest request') || m.requests.length > 0,
  async run(m, w) {
    const latest = m.requests.at(-1);
    if (to === '4:59.999 of the latest request') await w.time.moveTo((latest as PushRequest).expiresAt - 1);
    else if (to === '5:00.000 of the latest request') await w.time.moveTo((latest as PushRequest).expiresAt);
    else await moveClock(m, w.time, to);
    m.since.clockMoved = true;
    await verify(m, w);
  },
  toString: () =>
    typeof to === 'string' && to.endsWith('latest request') ? `clock to ${to}` : describeMove(to as ClockMove),
});

/**
 * A request's last millisecond and its end: the server's clock runs on, so a try lands on 4:59.999 (or 5:00.000)
 * when its call takes under a millisecond, about a quarter of calls; three fresh requests a command, each try
 * judged by the model whichever side it landed.
 */
export const edge = (at: '4:59.999' | '5:00.000', then: 'poll' | 'approve' | 'reject'): PushStep => ({
  check: () => true,
  async run(m, w) {
    for (let tries = 0; tries < 3; tries++) {
      if (!open(m)) await startLogin.run(m, w);
      await sendPush(0).run(m, w);
      await w.time.moveTo((m.requests.at(-1) as PushRequest).expiresAt - (at === '4:59.999' ? 1 : 0));
      m.since.clockMoved = true;
      if (then === 'poll') await verify(m, w);
      else await answer({ back: 0, byOwner: true, decision: then }).run(m, w);
    }
  },
  toString: () => `three times: push to Phone A and at ${at} ${then === 'poll' ? 'look at the login' : then}`,
});
