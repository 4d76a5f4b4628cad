/**
 * The send limit of SMS and e-mail codes (NIST SP 800-63B asks for rate limiting beyond the seeds, which say
 * nothing): at most 5 codes per purpose (one login's recovery SMS or "Forgot password" e-mail, one authenticator's
 * recovery phone verification) within any 10 minutes, Resend included. One more is refused `429 send-limited` with
 * `details.retryAfterMs`, before anything reaches the gateway, and changes nothing: the code sent last stays good.
 * Sends are kept in SQLite, so a restart does not reset them.
 */
import { MbsError } from '../../conformance/spec/errors.js';
import type { ServiceContext } from '../services/context.js';

export const MAX_SENDS = 5;
export const SEND_WINDOW_MS = 10 * 60_000;

/** The numbers of the limit, as one value that a faulty variant may bend. */
export interface SendLimit {
  readonly maxSends: number;
  readonly windowMs: number;
}

export function sendLimit(): SendLimit {
  return { maxSends: MAX_SENDS, windowMs: SEND_WINDOW_MS };
}

/** Refuses a send for `purpose` at `now` when the window already holds the most it may. */
export function checkSendLimit(ctx: ServiceContext, purpose: string, now: number): void {
  const { maxSends, windowMs } = ctx.rules.sendLimit();
  const sent = ctx.db
    .prepare('SELECT sent_at FROM tfa_sends WHERE purpose = ? AND sent_at > ? ORDER BY sent_at')
    .all(purpose, now - windowMs) as { sent_at: number }[];
  if (sent.length < maxSends) return;
  // A slot frees when the send that keeps the count at the limit leaves the window.
  const freeing = sent[sent.length - maxSends]?.sent_at ?? now;
  throw new MbsError('send-limited', undefined, { retryAfterMs: freeing + windowMs - now, sends: sent.length });
}

/** Counts a send as it goes to the gateway; returns its number, for sendTaken or forgetSend once the gateway answers. */
export function recordSend(ctx: ServiceContext, purpose: string, sentAt: number): number {
  const send = ctx.db.prepare('INSERT INTO tfa_sends (purpose, sent_at) VALUES (?, ?)').run(purpose, sentAt);
  return Number(send.lastInsertRowid);
}

/** The gateway took the send: it stays counted, and those out of every window are forgotten. */
export function sendTaken(ctx: ServiceContext, sentAt: number): void {
  const { windowMs } = ctx.rules.sendLimit();
  ctx.db.prepare('DELETE FROM tfa_sends WHERE sent_at <= ?').run(sentAt - windowMs);
}

/**
 * The gateway did not take the send: it counts for nothing and leaves no trace, its number handed back too unless
 * another send took one since.
 */
export function forgetSend(ctx: ServiceContext, send: number): void {
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM tfa_sends WHERE seq = ?').run(send);
    // The first send ever made the table's row in sqlite_sequence: it goes with it.
    if (send === 1) ctx.db.prepare("DELETE FROM sqlite_sequence WHERE name = 'tfa_sends' AND seq = 1").run();
    else ctx.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'tfa_sends' AND seq = ?").run(send - 1, send);
  })();
}
