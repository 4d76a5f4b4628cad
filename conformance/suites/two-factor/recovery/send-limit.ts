/**
 * PROTOCOL.md's send limit (REC-17) on the SMS codes of "Unable to login", timed on the server's clock: 5 sends of
 * one login (the first and 4 Resends) go out, the sixth is `send-limited` with `details.retryAfterMs`, sends nothing
 * and leaves the code sent last shown; 1 ms before that wait ends still refused, at its end an SMS goes out again
 * and its digits complete the recovery. Only the clock can end a 10-minute wait, so without it the check is untested.
 */
import { Violation } from '../../../kit/violation.js';
import { parseSentCode, registerByQr } from '../common/actors.js';
import { mustPass, said } from '../common/support.js';
import { timedThrottleCheck } from '../common/timed-throttle.js';
import { givePhone, recoveringLogin } from './real-time-phone.js';

const PHONE = '+15550100539';
const MAX_SENDS = 5;
const WINDOW_MS = 10 * 60_000;
const IDS = ['REC-17'];

export const recoverySendLimitCheck = timedThrottleCheck(
  {
    id: 'tfa-recovery-send-limit',
    title: 'SMS codes: at most 5 sends of one login within 10 minutes, then send-limited until the oldest ages out',
    area: 'REC',
    requirements: IDS,
  },
  async (desk, time, outbox, context) => {
    const a = await registerByQr(desk, context.session.url, 'Send-limited SMS');
    await givePhone(a, outbox, PHONE);
    const { loginId } = await recoveringLogin(desk, a, outbox, PHONE);
    const params = { loginId };
    const resend = () => time.probe(() => desk.call('loginRecoveryPhone', { params, body: { phone: PHONE } }));
    const shownCode = async () => (await desk.call('getLogin', { params })).code?.letters;
    const sms = async () => (await outbox.read()).filter((m) => m.channel === 'sms' && m.to === PHONE);
    for (let n = 2; n <= MAX_SENDS; n++) {
      const probe = await resend();
      if (!probe.outcome.ok) throw new Violation(IDS, `send ${n} of ${MAX_SENDS} was refused: ${said(probe.outcome)}`);
    }
    await sms();
    const shown = await shownCode();
    const sixth = await resend();
    const retry = sixth.outcome.ok ? NaN : Number(sixth.outcome.details?.['retryAfterMs']);
    if (said(sixth.outcome) !== 'send-limited' || !(retry > 0 && retry <= WINDOW_MS))
      throw new Violation(
        IDS,
        `send ${MAX_SENDS + 1} within 10 minutes was answered ${said(sixth.outcome)}, retryAfterMs ${retry}`,
      );
    const leaked = await sms();
    if (leaked.length > 0) throw new Violation(IDS, `a send-limited request still sent ${JSON.stringify(leaked)}`);
    const after = await shownCode();
    if (after !== shown) throw new Violation(IDS, `a send-limited request changed the code shown: ${shown} → ${after}`);
    await time.advance(retry - 1);
    const early = await resend();
    if (said(early.outcome) !== 'send-limited')
      throw new Violation(IDS, `1 ms before retryAfterMs ended a send was answered ${said(early.outcome)}`);
    await time.advance(1);
    const again = await resend();
    if (!again.outcome.ok)
      throw new Violation(IDS, `at the end of retryAfterMs a send was refused: ${said(again.outcome)}`);
    const sent = await sms();
    if (sent.length !== 1) throw new Violation(IDS, `the send after the wait left ${sent.length} SMS in the outbox`);
    const digits = parseSentCode(sent[0]?.text ?? '')?.digits ?? '';
    await mustPass(
      desk.call('loginRecoveryCode', { params, body: { digits } }),
      IDS,
      'the digits of the SMS sent after the wait',
    );
  },
);
