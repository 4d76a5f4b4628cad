/**
 * Push approval through the push notification service (seed 000 §2.4, Appendix A). A request lives 5 minutes from
 * sending: alive at 4:59.999, expired at 5:00.000. It is answered once. Resend makes a new request and voids the
 * earlier one; a rejected, expired or voided request never logs anyone in.
 */
import { randomBelow } from '../services/randomness.js';
import { MbsError } from '../../conformance/spec/errors.js';
import type { Notification, PushStatus } from '../../conformance/spec/protocol/two-factor.js';
import { newId, type ServiceContext } from '../services/context.js';
import { PUSH_TTL_MS, type TwoFactorContext } from './context.js';
import type { AuthenticatorRow, PushRow } from './rows.js';

/** The stored status, with a pending request past its lifetime read as expired. */
export function statusAt(row: PushRow, now: number): PushStatus {
  return row.status === 'pending' && now >= row.expires_at ? 'expired' : row.status;
}

export function pushById(ctx: ServiceContext, id: string): PushRow | undefined {
  return ctx.db.prepare('SELECT * FROM tfa_push_requests WHERE id = ?').get(id) as PushRow | undefined;
}

/** Voids the login's pending requests: Resend, or the login ended another way. */
export function voidLoginPushes(ctx: ServiceContext, loginId: string): void {
  ctx.db
    .prepare("UPDATE tfa_push_requests SET status = 'voided' WHERE login_id = ? AND status = 'pending'")
    .run(loginId);
}

/** A login's push request, sent or sent again (Resend): the new request voids the login's earlier ones. */
export function sendLoginPush(ctx: TwoFactorContext, loginId: string, authenticator: AuthenticatorRow): PushRow {
  voidLoginPushes(ctx, loginId);
  return sendPush(ctx, loginId, authenticator);
}

/** Sends a new request to the authenticator, leaving the login's earlier ones as they are. */
export function sendPush(ctx: TwoFactorContext, loginId: string, authenticator: AuthenticatorRow): PushRow {
  if (authenticator.push !== 1) throw new MbsError('push-unavailable');
  const now = ctx.clock.now();
  const numbers = ctx.numberMatching ? numberChoices() : undefined;
  ctx.db
    .prepare(
      `INSERT INTO tfa_push_requests (id, login_id, authenticator_id, sent_at, expires_at, number, number_choices,
         status, auth_seq) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending',
         (SELECT coalesce(max(auth_seq), 0) + 1 FROM tfa_push_requests WHERE authenticator_id = ?))`,
    )
    .run(
      newId(),
      loginId,
      authenticator.id,
      now,
      now + ctx.rules.pushLifetimeMs(),
      numbers?.number ?? null,
      numbers ? JSON.stringify(numbers.choices) : null,
      authenticator.id,
    );
  return ctx.db.prepare('SELECT * FROM tfa_push_requests WHERE rowid = last_insert_rowid()').get() as PushRow;
}

/** How long a request lives from sending. */
export function pushLifetimeMs(): number {
  return PUSH_TTL_MS;
}

/** Number matching: the desktop shows one two-digit number; the app offers it among three. */
function numberChoices(): { number: number; choices: number[] } {
  const choices = new Set<number>();
  while (choices.size < 3) choices.add(10 + randomBelow(90));
  const list = [...choices];
  return { number: list[randomBelow(list.length)] as number, choices: list };
}

export function listNotifications(
  ctx: ServiceContext,
  authenticator: AuthenticatorRow,
  after: number,
  limit: number,
): { notifications: Notification[]; last: number } {
  const rows = ctx.db
    .prepare('SELECT * FROM tfa_push_requests WHERE authenticator_id = ? AND auth_seq > ? ORDER BY auth_seq LIMIT ?')
    .all(authenticator.id, after, limit) as PushRow[];
  const now = ctx.clock.now();
  const notifications = rows.map((row): Notification => {
    const n: Notification = {
      seq: row.auth_seq,
      requestId: row.id,
      loginId: row.login_id,
      machine: ctx.identity.name,
      sentAt: row.sent_at,
      expiresAt: row.expires_at,
      status: statusAt(row, now),
    };
    if (row.number_choices !== null) n.numberChoices = JSON.parse(row.number_choices) as number[];
    return n;
  });
  return { notifications, last: rows.at(-1)?.auth_seq ?? after };
}

/** The status a request has when the app's answer arrives: expired from 5:00.000 after sending on. */
export function answeredStatus(row: PushRow, now: number): PushStatus {
  return statusAt(row, now);
}

/**
 * The request an answer is for, as it stands. Read in the same turn as the check that it is pending and the write
 * of the answer, nothing awaited between: two answers sent at once must not both find it pending (PUSH-10).
 */
export function pushToAnswer(
  ctx: ServiceContext,
  requestId: string,
): PushRow | undefined | Promise<PushRow | undefined> {
  return pushById(ctx, requestId);
}

/** Only the authenticator the request went to may answer it. */
export function mayAnswerPush(row: PushRow, authenticator: AuthenticatorRow): boolean {
  return row.authenticator_id === authenticator.id;
}

/** Where an answer leaves the login: approval logs it in, rejection never does. */
export function loginStateAfterAnswer(outcome: 'approved' | 'rejected'): 'logged-in' | 'push-rejected' {
  return outcome === 'approved' ? 'logged-in' : 'push-rejected';
}

/** Moves the login an answered request was for, if it still waits on that request (not one sent before Resend). */
export function moveAnsweredLogin(
  ctx: ServiceContext,
  row: PushRow,
  state: 'logged-in' | 'push-rejected',
  now: number,
): void {
  ctx.db
    .prepare(
      `UPDATE tfa_logins SET state = ?, completed_at = ? WHERE id = ? AND push_request_id = ?
         AND state = 'push-wait'`,
    )
    .run(state, state === 'logged-in' ? now : null, row.login_id, row.id);
}

/**
 * The app's answer. Only the authenticator the request went to may answer it (any other gets `push-not-found`).
 * Approval logs the login in; rejection shows the login as rejected. With number matching, a wrong number is
 * answered `push-number-mismatch` and counts as a rejection.
 */
export async function answerPush(
  ctx: ServiceContext,
  authenticator: AuthenticatorRow,
  requestId: string,
  answer: { decision: 'approve' | 'reject'; number?: number | undefined },
): Promise<{ requestId: string; status: PushStatus }> {
  const read = ctx.rules.pushToAnswer(ctx, requestId);
  // Awaited only when the read is asynchronous: a read at once leaves nothing to run before the check and write.
  const row = read instanceof Promise ? await read : read;
  if (!row || !ctx.rules.mayAnswerPush(row, authenticator)) throw new MbsError('push-not-found');
  const now = ctx.clock.now();
  const status = ctx.rules.answeredStatus(row, now);
  if (status === 'expired') throw new MbsError('push-expired');
  if (status === 'voided') throw new MbsError('push-voided');
  if (status !== 'pending') throw new MbsError('push-already-answered', undefined, { status });
  const mismatch = answer.decision === 'approve' && row.number !== null && answer.number !== row.number;
  const outcome = answer.decision === 'approve' && !mismatch ? 'approved' : 'rejected';
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE tfa_push_requests SET status = ?, answered_at = ? WHERE id = ?').run(outcome, now, row.id);
    ctx.rules.moveAnsweredLogin(ctx, row, ctx.rules.loginStateAfterAnswer(outcome), now);
  })();
  if (mismatch) throw new MbsError('push-number-mismatch');
  return { requestId: row.id, status: outcome };
}
