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

/** Counts a send the gateway took, and forgets those out of every window. */
export function recordSend(ctx: ServiceContext, purpose: string, sentAt: number): void {
  const { windowMs } = ctx.rules.sendLimit();
  ctx.db.prepare('INSERT INTO tfa_sends (purpose, sent_at) VALUES (?, ?)').run(purpose, sentAt);
  ctx.db.prepare('DELETE FROM tfa_sends WHERE sent_at <= ?').run(sentAt - windowMs);
}
