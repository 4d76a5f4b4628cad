/**
 * Commands of the login and push model: start a login, send a push request (or Resend) to one of two devices,
 * approve or reject a request (the latest or an earlier one, by its device or the other), enter a code, move the
 * clock (toward 4:59.999 and 5:00.000 of the latest request, or the step edges). After each, the login as the
 * server shows it must be in a state the model allows, with the countdown and the methods it must offer.
 */
import fc from 'fast-check';
import { Violation } from '../framework/violation.js';
import {
  canEnter,
  clockMove,
  codeEntry,
  describeEntry,
  describeMove,
  enterCode,
  enterMalformed,
  MALFORMED_CODES,
  moveClock,
  type ClockMove,
  type CodeEntry,
  type OtpWorld,
} from './otp-commands.js';
import {
  answerAt,
  answerRules,
  applyAnswer,
  currentLogin,
  PUSH_LIFETIME_MS,
  requestOf,
  stateRules,
  statesIn,
  statusAt,
  timesIn,
  voidPending,
  type Answer,
  type PushModel,
  type PushRequest,
} from './push-model.js';
import { STEP_MS } from './two-factor-actors.js';
import { said } from './two-factor-support.js';

export interface PushWorld extends OtpWorld {
  /** The last notification seq each authenticator has seen on the push notification service. */
  readonly seen: number[];
}

type Step = fc.AsyncCommand<PushModel, PushWorld>;
export const NAMES = ['Phone A', 'Phone B'];
const open = (m: PushModel) => currentLogin(m).state !== 'logged-in';

/** The login as the server shows it now, against the model. */
async function verify(m: PushModel, w: PushWorld): Promise<void> {
  const login = currentLogin(m);
  const probe = await w.time.probe(() => w.desk.call('getLogin', { params: { loginId: login.id } }));
  if (!probe.outcome.ok) throw new Error(`getLogin: ${probe.outcome.code}`);
  const shown = probe.outcome.value;
  const expected = statesIn(m, login, probe.before, probe.after);
  if (!expected.includes(shown.state)) {
    throw new Violation(
      stateRules(m, login, expected, shown.state),
      `the login is at ${shown.state}, the model says ${expected.join(' or ')}`,
    );
  }
  await verifyRequests(m, w);
  if (shown.state === 'logged-in') return;
  const remaining = shown.otpStepRemainingMs ?? 0;
  const at = probe.before + ((((STEP_MS - remaining) % STEP_MS) - (probe.before % STEP_MS) + STEP_MS) % STEP_MS);
  if (remaining < 1 || remaining > STEP_MS || at > probe.after) {
    throw new Violation(
      ['TOTP-06'],
      `the code prompt counts down ${remaining} ms, the step has ${STEP_MS - (probe.before % STEP_MS)} ms left`,
    );
  }
  if (shown.state === 'choose-method') return;
  const otp = shown.methods?.otp.map((a) => a.authenticatorId) ?? [];
  if (!w.auths.every((a) => otp.includes(a.id))) {
    throw new Violation(
      ['LOGIN-06'],
      `at ${shown.state} the login offers one-time passwords from [${otp.join(', ')}] only`,
    );
  }
  const request = requestOf(m, login.request) as PushRequest;
  if (shown.push?.requestId !== request.id)
    throw new Violation(['PUSH-07'], `the login shows request ${shown.push?.requestId}, not ${request.id}`);
  const lo = Math.max(0, request.expiresAt - probe.after);
  const hi = Math.max(0, request.expiresAt - probe.before);
  if (shown.push.remainingMs < lo || shown.push.remainingMs > hi) {
    throw new Violation(
      ['PUSH-05'],
      `the countdown shows ${shown.push.remainingMs} ms left, the request has ${lo}..${hi} ms`,
    );
  }
}

/** Every request as the push notification service lists it to its device, against the model. */
async function verifyRequests(m: PushModel, w: PushWorld): Promise<void> {
  for (const [i, auth] of w.auths.entries()) {
    if (!m.requests.some((r) => r.auth === i)) continue;
    const probe = await w.time.probe(() => auth.client.call('listNotifications', { query: {} }));
    if (!probe.outcome.ok) throw new Error(`listNotifications: ${probe.outcome.code}`);
    const listed = new Map(probe.outcome.value.notifications.map((n) => [n.requestId, n.status]));
    for (const r of m.requests.filter((x) => x.auth === i)) {
      const expected = [...new Set(timesIn(m, probe.before, probe.after).map((t) => statusAt(r, t)))];
      const got = listed.get(r.id);
      if (got === undefined || !expected.includes(got)) {
        const rule = [got, ...expected].includes('voided')
          ? 'PUSH-07'
          : [got, ...expected].includes('expired')
            ? 'PUSH-04'
            : 'PUSH-10';
        throw new Violation(
          [rule],
          `${auth.name}'s notifications show ${r.id} as ${got ?? 'missing'}, the model says ${expected.join(' or ')}`,
        );
      }
    }
  }
}

const startLogin: Step = {
  check: () => true,
  async run(m, w) {
    const login = await w.desk.call('startLogin', { body: {} });
    if (login.state !== 'choose-method')
      throw new Violation(['LOGIN-02'], `a new login starts at ${login.state}, not choose-method`);
    m.logins[login.loginId] = { id: login.loginId, state: 'choose-method' };
    m.current = login.loginId;
    await verify(m, w);
  },
  toString: () => 'start a login',
};

const sendPush = (to: number): Step => ({
  check: open,
  async run(m, w) {
    const login = currentLogin(m);
    const auth = w.auths[to]!;
    const probe = await w.time.probe(() =>
      w.desk.call('loginPush', { params: { loginId: login.id }, body: { authenticatorId: auth.id } }),
    );
    const blame = login.state === 'push-rejected' ? 'PUSH-06' : login.state === 'push-wait' ? 'PUSH-07' : 'PUSH-01';
    if (!probe.outcome.ok)
      throw new Violation([blame], `sending a push request to ${auth.name} was refused: ${said(probe.outcome)}`);
    const push = probe.outcome.value.push;
    if (
      probe.outcome.value.state !== 'push-wait' ||
      !push ||
      push.authenticatorId !== auth.id ||
      push.status !== 'pending'
    ) {
      throw new Violation(
        [blame],
        `after sending, the login is at ${probe.outcome.value.state} with ${JSON.stringify(push)}`,
      );
    }
    if (push.expiresAt - push.sentAt !== PUSH_LIFETIME_MS || push.sentAt < probe.before || push.sentAt > probe.after) {
      throw new Violation(
        ['PUSH-04'],
        `sent at ${push.sentAt} (between ${probe.before} and ${probe.after}), expires at ${push.expiresAt}: not 5 minutes from sending`,
      );
    }
    voidPending(m, login.id);
    m.requests.push({ id: push.requestId, loginId: login.id, auth: to, expiresAt: push.expiresAt, status: 'pending' });
    login.state = 'push-wait';
    login.request = push.requestId;
    const page = await auth.client.call('listNotifications', { query: { after: w.seen[to] } });
    w.seen[to] = page.last;
    if (!page.notifications.some((n) => n.requestId === push.requestId && n.loginId === login.id)) {
      throw new Violation(
        ['PUSH-01'],
        `${auth.name}'s push notification service does not list request ${push.requestId}`,
      );
    }
    await verify(m, w);
  },
  toString: () => `push to ${NAMES[to]}`,
});

interface AnswerChoice {
  /** 0: the latest request; n: the n-th one before it. */
  readonly back: number;
  readonly byOwner: boolean;
  readonly decision: 'approve' | 'reject';
}

const answer = (c: AnswerChoice): Step => ({
  check: (m) => m.requests.length > 0,
  async run(m, w) {
    const r = m.requests[Math.max(0, m.requests.length - 1 - c.back)] as PushRequest;
    const by = w.auths[c.byOwner ? r.auth : 1 - r.auth]!;
    const body = { decision: c.decision };
    const probe = await w.time.probe(() => by.client.call('answerPush', { params: { requestId: r.id }, body }));
    const expected = [
      ...new Set(timesIn(m, probe.before, probe.after).map((t) => answerAt(r, c.byOwner, c.decision, t))),
    ];
    const got = probe.outcome.ok ? probe.outcome.value.status : said(probe.outcome);
    if (!expected.includes(got as Answer)) {
      throw new Violation(
        answerRules(expected),
        `${by.name} ${c.decision}s ${r.id} (expires ${r.expiresAt}, answered at ${probe.before}..${probe.after}): got ${got}, the model says ${expected.join(' or ')}`,
      );
    }
    applyAnswer(m, r, got as Answer);
    await verify(m, w);
  },
  toString: () =>
    `${c.decision} the ${c.back === 0 ? 'latest' : `${c.back}-back`} request ${c.byOwner ? 'on its device' : 'on the other device'}`,
});

const code = (e: CodeEntry): Step => ({
  check: (m) => open(m) && canEnter(m, e),
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

const malformed = (text: string): Step => ({
  check: open,
  run: async (m, w) => {
    await enterMalformed(w, currentLogin(m).id, text);
    await verify(m, w);
  },
  toString: () => `enter the malformed code ${JSON.stringify(text)}`,
});

type PushMove = '4:59.999 of the latest request' | '5:00.000 of the latest request' | ClockMove;

const move = (to: PushMove): Step => ({
  check: (m) => typeof to !== 'string' || !to.endsWith('latest request') || m.requests.length > 0,
  async run(m, w) {
    const latest = m.requests.at(-1);
    if (to === '4:59.999 of the latest request') w.time.moveTo((latest as PushRequest).expiresAt - 1);
    else if (to === '5:00.000 of the latest request') w.time.moveTo((latest as PushRequest).expiresAt);
    else moveClock(m, w.time, to);
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
const edge = (at: '4:59.999' | '5:00.000', then: 'poll' | 'approve' | 'reject'): Step => ({
  check: () => true,
  async run(m, w) {
    for (let tries = 0; tries < 3; tries++) {
      if (!open(m)) await startLogin.run(m, w);
      await sendPush(0).run(m, w);
      w.time.moveTo((m.requests.at(-1) as PushRequest).expiresAt - (at === '4:59.999' ? 1 : 0));
      if (then === 'poll') await verify(m, w);
      else await answer({ back: 0, byOwner: true, decision: then }).run(m, w);
    }
  },
  toString: () => `three times: push to Phone A and at ${at} ${then === 'poll' ? 'look at the login' : then}`,
});

export const pushCommands = [
  fc.constant(startLogin),
  fc.nat({ max: 1 }).map(sendPush),
  fc
    .record({
      back: fc.oneof(fc.constant(0), fc.nat({ max: 3 })),
      byOwner: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      decision: fc.constantFrom<'approve' | 'reject'>('approve', 'reject'),
    })
    .map(answer),
  codeEntry(2).map(code),
  fc.constantFrom(...MALFORMED_CODES).map(malformed),
  fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom<PushMove>('4:59.999 of the latest request', '5:00.000 of the latest request'),
      },
      { weight: 1, arbitrary: clockMove },
    )
    .map(move),
  fc
    .tuple(
      fc.constantFrom<'4:59.999' | '5:00.000'>('4:59.999', '5:00.000'),
      fc.constantFrom<'poll' | 'approve' | 'reject'>('poll', 'approve', 'reject'),
    )
    .map(([at, then]) => edge(at, then)),
];
