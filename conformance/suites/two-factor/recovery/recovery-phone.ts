/**
 * The recovery phone of the recovery checks: its number, the one SMS the outbox holds for a number, and the app
 * verifying the phone by an SMS code accepted once (TFA-16, REC-14).
 */
import { Violation } from '../../../kit/violation.js';
import { parseSentCode, type Outbox, type SentCode, type ServerAuthenticator } from '../common/actors.js';
import { mustPass, mustRefuse, said, verifySmsAnnounced, type ServerTime } from '../common/support.js';
import { HistoryRecorder } from '../../../kit/history/history.js';
import { presentUsedAgain, recorded } from '../common/used-codes.js';

export const PHONE = '+15550100467';

/** The one SMS the last action sent to `to`, and its code. */
export async function smsTo(outbox: Outbox, to: string, ids: readonly string[]): Promise<SentCode> {
  const sent = await outbox.read();
  const code =
    sent.length === 1 && sent[0]?.channel === 'sms' && sent[0].to === to ? parseSentCode(sent[0].text) : undefined;
  if (!code)
    throw new Violation(
      ids,
      `expected one SMS to ${to} with a code ABCD-123456 in it once, the outbox has ${JSON.stringify(sent)}`,
    );
  return code;
}

/** The app registers its recovery phone: an SMS code of 5 minutes, its countdown shown, accepted once. */
export async function verifyPhone(a: ServerAuthenticator, outbox: Outbox, time: ServerTime): Promise<void> {
  const probe = await time.probe(() => a.client.call('setRecoveryPhone', { body: { phone: PHONE } }));
  if (!probe.outcome.ok) throw new Violation(['TFA-16'], `"Send SMS verification code": ${said(probe.outcome)}`);
  const sent = probe.outcome.value;
  verifySmsAnnounced(sent, probe, ['TFA-16'], '"Send SMS verification code"');
  const sms = await smsTo(outbox, PHONE, ['TFA-16']);
  if (sms.letters !== sent.letters)
    throw new Violation(['TFA-16'], `the app shows ${sent.letters}, the SMS says ${sms.letters}`);
  const wrong = sms.digits === '000000' ? '000001' : '000000';
  // Every try is recorded; the history judges each code accepted at most once (REC-14) with its witness.
  const history = new HistoryRecorder();
  const present = recorded(history, a.id, 'sms', (digits) =>
    a.client.call('verifyRecoveryPhone', { body: { digits } }),
  );
  await mustRefuse(present(wrong), ['verification-code-invalid'], ['TFA-16'], 'wrong SMS digits');
  const ok = await mustPass(present(sms.digits), ['TFA-16'], 'the SMS digits');
  if (ok.recoveryPhoneLastDigits !== PHONE.slice(-2))
    throw new Violation(['TFA-16'], `verified phone ends ${ok.recoveryPhoneLastDigits}`);
  await presentUsedAgain(history, 'sms', present, 'the same SMS digits again', [
    'verification-code-invalid',
    'verification-code-expired',
  ]);
}
