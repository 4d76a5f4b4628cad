/**
 * PROTOCOL.md's send limit (REC-17) on the other two kinds of code: the SMS that verifies an authenticator's recovery
 * phone (one authenticator's purpose) and the "Forgot password" e-mail (one login's purpose). Each purpose takes 5
 * sends within 10 minutes; the sixth is `send-limited` with `details.retryAfterMs` and sends nothing. (The limit is
 * per purpose as PROTOCOL.md states it; the seeds say nothing of a limit, REC-17 records it as beyond them.)
 */
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { Violation } from '../../../kit/violation.js';
import { registerByQr, type Outbox } from '../common/actors.js';
import { attempt, type Outcome } from '../common/outcomes.js';
import { said } from '../common/support.js';
import { timedThrottleCheck } from '../common/timed-throttle.js';
import { kitEmail } from '../../../kit/kit-names.js';

const PHONE = '+15550100541';
const EMAIL = kitEmail('send-limit');
const PASSWORD = 'send limit 1';
const MAX_SENDS = 5;
const WINDOW_MS = 10 * 60_000;
const IDS = ['REC-17'];

/** Sends `what` 5 times (each must go out) and a sixth (refused, sending nothing to `to`). */
async function sendsUntilLimited(
  what: string,
  send: () => Promise<Outcome<unknown>>,
  outbox: Outbox,
  to: string,
): Promise<void> {
  for (let n = 1; n <= MAX_SENDS; n++) {
    const outcome = await send();
    if (!outcome.ok) throw new Violation(IDS, `${what} ${n} of ${MAX_SENDS} was refused: ${said(outcome)}`);
  }
  const sent = (await outbox.read()).filter((m) => m.to === to).length;
  if (sent !== MAX_SENDS) throw new Violation(IDS, `${MAX_SENDS} accepted ${what}s sent ${sent} messages`);
  const sixth = await send();
  const retry = sixth.ok ? NaN : Number(sixth.details?.['retryAfterMs']);
  if (said(sixth) !== 'send-limited' || !(retry > 0 && retry <= WINDOW_MS)) {
    throw new Violation(
      IDS,
      `${what} ${MAX_SENDS + 1} within 10 minutes was answered ${said(sixth)}, retryAfterMs ${retry}`,
    );
  }
  const leaked = (await outbox.read()).filter((m) => m.to === to);
  if (leaked.length > 0) throw new Violation(IDS, `a send-limited ${what} still sent ${JSON.stringify(leaked)}`);
}

async function forgotPasswordLogin(desk: MbsClient): Promise<string> {
  await desk.call('setPasswordLock', { body: { password: PASSWORD, email: EMAIL } });
  return (await desk.call('startLogin', { body: {} })).loginId;
}

export const phoneAndEmailSendLimitCheck = timedThrottleCheck(
  {
    id: 'tfa-recovery-phone-and-email-send-limit',
    title:
      'Recovery phone SMS and "Forgot password" e-mail: at most 5 sends of one purpose within 10 minutes, then send-limited, sending nothing',
    area: 'REC',
    requirements: IDS,
  },
  async (desk, _time, outbox, context) => {
    const a = await registerByQr(desk, context.session.url, 'Send-limited phone');
    const setPhone = () => attempt(a.client.call('setRecoveryPhone', { body: { phone: PHONE } }));
    await sendsUntilLimited('recovery phone SMS', setPhone, outbox, PHONE);
    const params = { loginId: await forgotPasswordLogin(desk) };
    const forgot = () => attempt(desk.call('loginForgotPassword', { params, body: { email: EMAIL } }));
    await sendsUntilLimited('"Forgot password" e-mail', forgot, outbox, EMAIL);
  },
);
