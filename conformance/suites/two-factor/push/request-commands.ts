/**
 * The push commands that drive a login: start one, send a push request (or Resend) to one of the two devices, and
 * approve or reject a request (the latest or an earlier one, by its device or the other), each checked against
 * the model as it happens; every approval taken is presented again at once, and must be refused (PUSH-10).
 */
import { listedBefore } from '../common/seq-pages.js';
import { allNotificationsAfter } from '../../../../simulators/mbs-client/listing-pages.js';
import { Violation } from '../../../kit/violation.js';
import {
  answerAt,
  answerRules,
  applyAnswer,
  currentLogin,
  PUSH_LIFETIME_MS,
  timesIn,
  voidPending,
  type Answer,
  type PushRequest,
} from './model.js';
import { NAMES, open, statusRule, verify, type PushStep, type PushWorld } from './world.js';
import { attempt, said } from '../common/support.js';
import { DESKTOP_LOGIN } from '../common/otp-commands.js';
import { judgeHistory } from '../../../kit/history/judge.js';

export const startLogin: PushStep = {
  check: () => true,
  async run(m, w) {
    const probe = await w.time.probe(() => w.desk.call('startLogin', { body: {} }));
    if (!probe.outcome.ok) throw new Violation(['LOGIN-02'], `a new login was refused: ${said(probe.outcome)}`);
    const login = probe.outcome.value;
    if (login.state !== 'choose-method')
      throw new Violation(['LOGIN-02'], `a new login starts at ${login.state}, not choose-method`);
    // PROTOCOL.md "Conformance clock": every time the server reports reads its one clock, createdAt too.
    const slack = w.time.slackMs;
    if (w.time.movable && (login.createdAt < probe.before - slack || login.createdAt > probe.after + slack))
      throw new Violation(
        ['LOGIN-02'],
        `a login started between ${probe.before} and ${probe.after} says createdAt ${login.createdAt} (${w.time.source})`,
      );
    m.logins[login.loginId] = { id: login.loginId, state: 'choose-method' };
    m.current = login.loginId;
    await verify(m, w, probe);
  },
  toString: () => 'start a login',
};

export const sendPush = (to: number): PushStep => ({
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
    const after = w.seen[to] ?? 0;
    const page = await allNotificationsAfter(auth.client, after);
    const pageProblem = listedBefore(
      page.notifications.map((n) => n.seq),
      after,
    );
    if (pageProblem) throw new Violation(['PUSH-01'], `${auth.name}'s push notification service: ${pageProblem}`);
    w.seen[to] = page.last;
    const listed = page.notifications.find((n) => n.requestId === push.requestId && n.loginId === login.id);
    if (!listed) {
      throw new Violation(
        ['PUSH-01'],
        `${auth.name}'s push notification service does not list request ${push.requestId}`,
      );
    }
    // A request just sent is pending: this page is the device's read of it (its other requests kept their status).
    if (listed.status !== 'pending') {
      throw new Violation(
        [statusRule(listed.status, ['pending'])],
        `${auth.name}'s push notification service lists ${push.requestId}, just sent, as ${listed.status}`,
      );
    }
    // The app is told the request's 5 minutes as the desktop is: the same sending and the same expiry.
    if (listed.sentAt !== push.sentAt || listed.expiresAt !== push.expiresAt) {
      throw new Violation(
        ['PUSH-04'],
        `${auth.name}'s push notification service lists ${push.requestId} sent at ${listed.sentAt}, expiring at ` +
          `${listed.expiresAt}; the login says sent at ${push.sentAt}, expiring at ${push.expiresAt}`,
      );
    }
    await verify(m, w, probe);
  },
  toString: () => `push to ${NAMES[to]}`,
});

export interface AnswerChoice {
  /** 0: the latest request; n: the n-th one before it. */
  readonly back: number;
  readonly byOwner: boolean;
  readonly decision: 'approve' | 'reject';
}

/** An approval presented once more at once: the request is answered, and must say so (PUSH-10). */
async function approveAgain(w: PushWorld, r: PushRequest, by: PushWorld['auths'][number]): Promise<void> {
  const presented = w.history?.invoke(DESKTOP_LOGIN, { f: 'code', kind: 'push', code: r.id });
  const body = { decision: 'approve' as const };
  const outcome = await attempt(by.client.call('answerPush', { params: { requestId: r.id }, body }));
  presented?.(outcome.ok && outcome.value.status === 'approved' ? 'ok' : 'fail');
  // Approved twice shows in the history first, with its first approval as witness.
  if (w.history) judgeHistory(w.history.history, ['accepted-once']);
  if (outcome.ok || outcome.code !== 'push-already-answered')
    throw new Violation(
      ['PUSH-10'],
      `${by.name} approves ${r.id} again: got ${said(outcome)}, not push-already-answered`,
    );
}

export const answer = (c: AnswerChoice): PushStep => ({
  check: (m) => m.requests.length > 0,
  async run(m, w) {
    const r = m.requests[Math.max(0, m.requests.length - 1 - c.back)] as PushRequest;
    const by = w.auths[c.byOwner ? r.auth : 1 - r.auth]!;
    const body = { decision: c.decision };
    // An approval presents the request like a code: the history holds each one the server took.
    const presented =
      c.decision === 'approve' ? w.history?.invoke(DESKTOP_LOGIN, { f: 'code', kind: 'push', code: r.id }) : undefined;
    const probe = await w.time.probe(() => by.client.call('answerPush', { params: { requestId: r.id }, body }));
    const got = probe.outcome.ok ? probe.outcome.value.status : said(probe.outcome);
    presented?.(got === 'approved' ? 'ok' : 'fail');
    // A request approved twice shows in the history, with its first approval as witness.
    if (w.history && got === 'approved') judgeHistory(w.history.history, ['accepted-once']);
    const expected = [
      ...new Set(timesIn(m, probe.before, probe.after).map((t) => answerAt(r, c.byOwner, c.decision, t))),
    ];
    if (!expected.includes(got as Answer)) {
      throw new Violation(
        answerRules(expected),
        `${by.name} ${c.decision}s ${r.id} (expires ${r.expiresAt}, answered at ${probe.before}..${probe.after}): got ${got}, the model says ${expected.join(' or ')}`,
      );
    }
    applyAnswer(m, r, got as Answer);
    if (got === 'approved') await approveAgain(w, r, by);
    await verify(m, w);
  },
  toString: () =>
    `${c.decision} the ${c.back === 0 ? 'latest' : `${c.back}-back`} request ${c.byOwner ? 'on its device' : 'on the other device'}`,
});
