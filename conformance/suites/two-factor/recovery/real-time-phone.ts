/**
 * Recovery phones of the real-time recovery checks. They run beside each other, so each has numbers of its own
 * and reads from the outbox only the SMS sent to them (recovery-phone.ts expects the outbox to hold nothing else).
 */
import { Violation } from '../../../kit/violation.js';
import { timed } from '../../../kit/real-time.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { parseSentCode, type Outbox, type SentCode, type ServerAuthenticator } from '../common/actors.js';
import { mustPass } from '../common/support.js';

/** The one SMS with a code sent to `to` since the last read. */
async function smsFor(outbox: Outbox, to: string, ids: readonly string[]): Promise<SentCode> {
  const sent = (await outbox.read()).filter((m) => m.channel === 'sms' && m.to === to);
  const code = sent.length === 1 ? parseSentCode(sent[0]?.text ?? '') : undefined;
  if (!code) throw new Violation(ids, `expected one SMS with a code to ${to}, got ${JSON.stringify(sent)}`);
  return code;
}

/** The app registers and verifies `phone` as its recovery phone. */
export async function givePhone(a: ServerAuthenticator, outbox: Outbox, phone: string): Promise<void> {
  await a.client.call('setRecoveryPhone', { body: { phone } });
  const { digits } = await smsFor(outbox, phone, ['TFA-16']);
  await mustPass(a.client.call('verifyRecoveryPhone', { body: { digits } }), ['TFA-16'], 'the SMS digits');
}

/** A new login under "Unable to login" discarding `a`: its SMS code sent, with when, on the kit's clock. */
export async function recoveringLogin(desk: MbsClient, a: ServerAuthenticator, outbox: Outbox, phone: string) {
  const { loginId } = await desk.call('startLogin', { body: {} });
  await desk.call('loginRecovery', { params: { loginId }, body: { authenticatorId: a.id } });
  const sent = await timed(() => desk.call('loginRecoveryPhone', { params: { loginId }, body: { phone } }));
  const { digits } = await smsFor(outbox, phone, ['REC-05']);
  const submit = (typed: string) => desk.call('loginRecoveryCode', { params: { loginId }, body: { digits: typed } });
  return { loginId, digits, sent, submit };
}
