/**
 * Verification codes sent by SMS (recovery) and e-mail (password lock), shaped `ABCD-123456`: the screen shows the
 * letters and the user types the digits. One code per purpose: sending again replaces, and so voids, the earlier
 * one; a code is accepted once, while `now < expiresAt`.
 */
import { timingSafeEqual } from 'node:crypto';
import { randomBelow } from '../services/randomness.js';
import { MbsError } from '../../conformance/spec/errors.js';
import type { CodeSent } from '../../conformance/spec/protocol/two-factor.js';
import type { ServiceContext } from '../services/context.js';
import { EMAIL_CODE_TTL_MS, SMS_CODE_TTL_MS, type TwoFactorContext } from './context.js';
import type { OutgoingMessage } from './gateway.js';
import type { CodeRow } from './rows.js';
import { checkSendLimit, forgetSend, recordSend, sendTaken } from './send-limit.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface VerificationCode {
  readonly letters: string;
  readonly digits: string;
}

/** The code a new message carries: a fresh one each time, so that sending again voids the earlier one. */
export function codeToSend(_ctx: ServiceContext, _purpose: string): VerificationCode {
  return newVerificationCode();
}

export function newVerificationCode(): VerificationCode {
  const letters = Array.from({ length: 4 }, () => LETTERS[randomBelow(LETTERS.length)]).join('');
  return { letters, digits: String(randomBelow(1_000_000)).padStart(6, '0') };
}

/**
 * SMS: 5 minutes. E-mail: through the second 24 hours less one second after the one it was sent in, so a code sent
 * at 14:22:35 is last accepted at 14:22:34.999 the next day, the time its e-mail states.
 */
export function expiryOf(channel: 'sms' | 'email', sentAt: number, _purpose: string): number {
  if (channel === 'sms') return sentAt + SMS_CODE_TTL_MS;
  return Math.floor(sentAt / 1000) * 1000 + EMAIL_CODE_TTL_MS;
}

/** A code as a login states it: what is left of its lifetime as of `now`, for the screen's countdown (PWL-08). */
export function toCodeSent(row: CodeRow, now: number): CodeSent {
  return {
    channel: row.channel,
    letters: row.letters,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    remainingMs: Math.max(0, row.expires_at - now),
  };
}

/** Records a new code for `purpose`, replacing any earlier one. */
export function storeCode(
  ctx: ServiceContext,
  purpose: string,
  channel: 'sms' | 'email',
  recipient: string,
  code: VerificationCode,
  sentAt: number,
): CodeRow {
  const row: CodeRow = {
    purpose,
    channel,
    recipient,
    ...code,
    sent_at: sentAt,
    expires_at: ctx.rules.expiryOf(channel, sentAt, purpose),
  };
  ctx.db
    .prepare(
      `INSERT OR REPLACE INTO tfa_codes (purpose, channel, recipient, letters, digits, sent_at, expires_at)
       VALUES (@purpose, @channel, @recipient, @letters, @digits, @sent_at, @expires_at)`,
    )
    .run(row);
  return row;
}

export function codeFor(ctx: ServiceContext, purpose: string): CodeRow | undefined {
  return ctx.db.prepare('SELECT * FROM tfa_codes WHERE purpose = ?').get(purpose) as CodeRow | undefined;
}

/**
 * The code a login's typed digits are checked against, as it stands. Read in the same turn as the check and the
 * use that follows, nothing awaited between: two requests typing it at once must not both find it (REC-14).
 */
export function codeToCheck(ctx: ServiceContext, purpose: string): CodeRow | undefined | Promise<CodeRow | undefined> {
  return codeFor(ctx, purpose);
}

/** Checks the typed digits; the caller uses the code up (`rules.useUpCode`) in the transaction that acts on it. */
export function checkCode(ctx: ServiceContext, purpose: string, digits: string): CodeRow {
  return checkCodeRow(ctx, codeFor(ctx, purpose), digits);
}

/** Checks the typed digits against `row`, the code as read (codeToCheck). */
export function checkCodeRow(ctx: ServiceContext, row: CodeRow | undefined, digits: string): CodeRow {
  if (!row) throw new MbsError('verification-code-invalid', 'No verification code has been sent for this step.');
  if (ctx.clock.now() >= row.expires_at) throw new MbsError('verification-code-expired');
  if (!timingSafeEqual(Buffer.from(row.digits), Buffer.from(digits.padEnd(6).slice(0, 6)))) {
    throw new MbsError('verification-code-invalid');
  }
  return row;
}

/** A code accepted is used up in the transaction that acts on it, so it is never accepted again (REC-14). */
export function useUpCode(ctx: ServiceContext, row: CodeRow): void {
  deleteCode(ctx, row.purpose);
}

export function deleteCode(ctx: ServiceContext, purpose: string): void {
  ctx.db.prepare('DELETE FROM tfa_codes WHERE purpose = ?').run(purpose);
}

/**
 * Sends a new code through the gateway, then records it (replacing the purpose's earlier code). A gateway failure
 * records nothing: the earlier code, if any, stays as it was. Beyond the send limit nothing is sent.
 */
export async function issueCode(
  ctx: TwoFactorContext,
  purpose: string,
  message: {
    channel: 'sms' | 'email';
    to: string;
    compose(code: string, expiresAt: number): Omit<OutgoingMessage, 'channel' | 'to'>;
  },
): Promise<CodeRow> {
  const sentAt = ctx.clock.now();
  // Counted before the gateway is awaited, so that sends arriving together see each other; a failed one is taken back.
  const send = ctx.db.transaction(() => {
    checkSendLimit(ctx, purpose, sentAt);
    return recordSend(ctx, purpose, sentAt);
  })();
  let code: ReturnType<typeof ctx.rules.codeToSend>;
  try {
    code = ctx.rules.codeToSend(ctx, purpose);
    const composed = message.compose(
      `${code.letters}-${code.digits}`,
      ctx.rules.expiryOf(message.channel, sentAt, purpose),
    );
    await ctx.gateway(ctx.rules.outgoingMessage({ channel: message.channel, to: message.to, ...composed }));
  } catch (error) {
    forgetSend(ctx, send);
    throw error;
  }
  sendTaken(ctx, sentAt);
  return storeCode(ctx, purpose, message.channel, message.to, code, sentAt);
}

/** A message as the gateway sends it: as composed, its code in it once (PROTOCOL.md, the outbox). */
export function outgoingMessage(message: OutgoingMessage): OutgoingMessage {
  return message;
}

/** The seed's SMS: "Verification Code: DTSU-482110". */
export const smsText = (code: string) => ({ text: `Verification Code: ${code}` });
