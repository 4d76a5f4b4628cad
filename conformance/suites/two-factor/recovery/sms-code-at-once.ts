/**
 * One SMS recovery code typed several times at once (REC-14): at most one may complete the recovery. A fresh
 * device with the recovery phone is the one "Unable to login" recovers on a fresh login; its code goes AT_ONCE
 * times before any answer comes back.
 */
import { AT_ONCE } from '../../../kit/at-once.js';
import { registerByQr, type LoginUnderWay, type Outbox } from '../common/actors.js';
import { leftFailures, presentedAtOnce } from '../common/at-once.js';
import { mustPass, type ServerTime } from '../common/support.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { verifyPhone } from './recovery-phone.js';
import { send, submit } from './sms-code.js';

export async function smsCodeAtOnce(desk: MbsClient, time: ServerTime, outbox: Outbox, url: string): Promise<void> {
  const c = await registerByQr(desk, url, 'Recovered at once');
  await verifyPhone(c, outbox, time);
  const r = await recoveryOn(desk, time, outbox, c.id);
  const { digits } = (await send(r)).sms;
  const outcomes = await presentedAtOnce(
    'sms',
    digits,
    Array.from({ length: AT_ONCE }, () => () => submit(r, digits)),
    ['REC-05'],
  );
  // One recovery more resets the count the losing ones may have left.
  if (leftFailures(outcomes)) {
    const again = await recoveryOn(desk, time, outbox, c.id);
    await mustPass(submit(again, (await send(again)).sms.digits), ['REC-05'], 'a fresh SMS code after those at once');
  }
}

/** A fresh login at the recovery of the authenticator `id` ("Unable to login"), its phone step next. */
async function recoveryOn(desk: MbsClient, time: ServerTime, outbox: Outbox, id: string): Promise<LoginUnderWay> {
  const { loginId } = await desk.call('startLogin', { body: {} });
  await desk.call('loginPush', { params: { loginId }, body: { authenticatorId: id } });
  await desk.call('loginRecovery', { params: { loginId }, body: { authenticatorId: id } });
  return { desk, time, outbox, loginId };
}
