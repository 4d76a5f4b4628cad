/**
 * PROTOCOL.md's throttle schedule for the SMS codes of "Unable to login" (REC-16), timed step by step on the
 * server's clock (common/timed-throttle.ts): a first recovery with the right code, waiting out on the moved clock a
 * throttle an earlier check left, so the count is 0; then a second authenticator's recovery guessed wrong. The
 * whole schedule takes about 100 s of the SMS code's 5 minutes; then a third authenticator's recovery, guessed
 * wrong at once (common/throttle-at-once.ts). Only the clock can end a wait, so without it the
 * check is untested (tfa-recovery-throttle-real-time waits the first wait out in real time).
 */
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr, type Outbox, type ServerAuthenticator } from '../common/actors.js';
import type { Guessing } from '../common/throttle-real-time.js';
import { guessedAtOnce } from '../common/throttle-at-once.js';
import { pastThrottle, timedSchedule, timedThrottleCheck } from '../common/timed-throttle.js';
import { givePhone, recoveringLogin } from './real-time-phone.js';

const PHONES = ['+15550100513', '+15550100527', '+15550100531'] as const;

/** A new login's SMS code of "Unable to login", discarding `a`, as a kind of guess. */
async function smsCodes(
  desk: MbsClient,
  outbox: Outbox,
  { a, phone }: { a: ServerAuthenticator; phone: string },
): Promise<Guessing> {
  const login = await recoveringLogin(desk, a, outbox, phone);
  return {
    requirement: 'REC-16',
    what: 'SMS code',
    refusal: 'verification-code-invalid',
    wrong: () => login.submit(login.digits === '000000' ? '000001' : '000000'),
    right: () => login.submit(login.digits),
  };
}

export const recoveryThrottlingCheck = timedThrottleCheck(
  {
    id: 'tfa-recovery-throttling',
    title: 'SMS codes: 5 failures free, then a 30 s wait that doubles, timed on the server clock',
    area: 'REC',
    requirements: ['REC-16'],
  },
  async (desk, time, outbox, context) => {
    const [settling, guessed, atOnce] = await Promise.all(
      PHONES.map(async (phone, i) => ({
        a: await registerByQr(desk, context.session.url, `Throttled SMS ${i + 1}`),
        phone,
      })),
    );
    for (const { a, phone } of [settling!, guessed!, atOnce!]) await givePhone(a, outbox, phone);
    const first = await recoveringLogin(desk, settling!.a, outbox, settling!.phone);
    await pastThrottle(time, () => first.submit(first.digits));
    await timedSchedule(time, await smsCodes(desk, outbox, guessed!));
    await guessedAtOnce(time, await smsCodes(desk, outbox, atOnce!));
  },
);
