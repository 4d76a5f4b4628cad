/**
 * PROTOCOL.md's throttling schedule for one-time passwords, step by step: 5 consecutive failures are free, a
 * success resets the count, a replayed code counts like a wrong one, then each attempt waits 30 s after the last
 * failure, doubling, each throttled answer saying in `details.retryAfterMs` what remains of the wait. Without the
 * server's clock a wait could only be sat out in real time, and the throttle is the whole server's: that part stops
 * at the fourth failure and succeeds, which still shows a throttle from the fifth attempt and a count a success did
 * not reset, and never leaves a throttle behind. The waits need the clock, and so do wrong codes sent at once
 * (common/throttle-at-once.ts), which must throttle past the free failures.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import { where } from '../../../kit/applies.js';
import type { ErrorCode } from '../../../spec/errors.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr, type ServerAuthenticator } from '../common/actors.js';
import { codeAt, STEP_MS, stepOf } from '../common/totp-steps.js';
import { FIRST_DELAY_MS, FREE_FAILURES, wrongCode } from '../common/otp-model.js';
import { said, type ServerTime } from '../common/support.js';
import type { Probe } from '../common/server-time.js';
import { mustAnnounceWait } from '../common/retry-after.js';
import { withTwoFactor } from '../common/session.js';
import type { Guessing } from '../common/throttle-real-time.js';
import { guessedAtOnce } from '../common/throttle-at-once.js';

const SCHEDULE = ['TOTP-18'];

/** The desktop login codes go to, and the authenticator whose codes they are. */
class Guesser {
  private loginId: string | undefined;
  private lastStep = -1;
  /** The last code accepted, to replay; and when the last failure was recorded (server time, a span). */
  accepted = '';
  lastFailure = { lo: 0, hi: 0 };

  constructor(
    private readonly desk: MbsClient,
    private readonly time: ServerTime,
    private readonly auth: ServerAuthenticator,
  ) {}

  /** The login codes go to, started when there is none (a code accepted ends it). */
  private async login(): Promise<string> {
    return (this.loginId ??= (await this.desk.call('startLogin', { body: {} })).loginId);
  }

  /** Sends a code: the server's answer, or its refusal thrown. */
  private async call(code: string): Promise<unknown> {
    const answer = await this.desk.call('loginOtp', { params: { loginId: await this.login() }, body: { code } });
    this.loginId = undefined;
    return answer;
  }

  /** Sends a code; returns the answer (`accepted` or the refusal's code) and the call as timed on the server clock. */
  private async send(code: string): Promise<{ got: string; probe: Probe<unknown> }> {
    await this.login();
    const probe = await this.time.probe(() => this.call(code));
    const got = said(probe.outcome);
    if (got === 'otp-invalid' || got === 'otp-replayed') this.lastFailure = { lo: probe.before, hi: probe.after };
    return { got, probe };
  }

  /**
   * The code of the next step never accepted, within the window: on a movable clock, moved to the next step when it
   * is beyond it. A throttled attempt is not evaluated, so its code needs no window and the clock stays put.
   */
  private async nextCode(moveIfNeeded: boolean): Promise<{ code: string; step: number }> {
    if (moveIfNeeded && this.lastStep >= stepOf(this.time.now()) + 1) await this.time.moveTo(this.lastStep * STEP_MS);
    const step = Math.max(stepOf(this.time.now()) - (this.time.movable ? 0 : 1), this.lastStep + 1);
    return { code: codeAt(this.auth.secret, step), step };
  }

  /** A right code, which must be accepted. */
  async right(why: string): Promise<void> {
    const { code, step } = await this.nextCode(true);
    const { got } = await this.send(code);
    if (got !== 'accepted') throw new Violation(SCHEDULE, `${why}: the next code was answered ${got}, not accepted`);
    [this.lastStep, this.accepted] = [step, code];
  }

  /**
   * A right code within a wait of `delayMs` after the last failure: throttled, so not used up, and announcing what
   * remains of the wait.
   */
  async throttled(delayMs: number, why: string): Promise<void> {
    const { got, probe } = await this.send((await this.nextCode(false)).code);
    if (got !== 'otp-throttled')
      throw new Violation(SCHEDULE, `${why}: the next code was answered ${got}, not otp-throttled`);
    mustAnnounceWait(probe, this.lastFailure, delayMs, SCHEDULE, why);
  }

  /**
   * One login's codes as a kind of guess: a wrong code, and the code of the next step never accepted (in the window
   * without moving the clock, since a wait was moved past in between).
   */
  async guessing(): Promise<Guessing> {
    await this.login();
    return {
      requirement: 'TOTP-18',
      what: 'one-time password',
      refusal: 'otp-invalid',
      wrong: () => this.call(wrongCode([this.auth.secret], this.time.now())),
      right: async () => {
        const { code, step } = await this.nextCode(false);
        const answer = await this.call(code);
        [this.lastStep, this.accepted] = [step, code];
        return answer;
      },
    };
  }

  /** A failed guess, a wrong code or the last accepted one again, which must be refused as such. */
  async fail(kind: 'wrong' | 'replayed', why: string): Promise<void> {
    const code = kind === 'wrong' ? wrongCode([this.auth.secret], this.time.now()) : this.accepted;
    const want: ErrorCode = kind === 'wrong' ? 'otp-invalid' : 'otp-replayed';
    const { got } = await this.send(code);
    if (got === want) return;
    throw new Violation(
      got === 'accepted' && kind === 'replayed' ? ['TOTP-12'] : SCHEDULE,
      `${why}: a ${kind} code was answered ${got}, not ${want}`,
    );
  }
}

/** Four failures, one short of the throttle, then a success; twice, so the second run shows the reset. */
async function withoutWaits(g: Guesser): Promise<void> {
  for (const round of ['the first', 'after a success, again']) {
    for (let i = 1; i < FREE_FAILURES; i++) await g.fail('wrong', `${round} failure ${i} of ${FREE_FAILURES - 1}`);
    await g.right(`${round} after ${FREE_FAILURES - 1} failures (the 5th failure is still free)`);
  }
}

/** Replays counted, the 30 s wait after the 5th failure, then 60 s after the 6th; ends with a success. */
async function waits(g: Guesser, time: ServerTime): Promise<void> {
  const sequence = ['replayed', 'wrong', 'wrong', 'wrong', 'replayed'] as const;
  for (const [i, kind] of sequence.entries()) await g.fail(kind, `failure ${i + 1} of 5, two of them replays`);
  await g.throttled(FIRST_DELAY_MS, 'right after 5 failures, replays counted');
  const fifth = g.lastFailure;
  await time.moveTo(fifth.hi + FIRST_DELAY_MS / 2);
  await g.throttled(FIRST_DELAY_MS, '15 s after the 5th failure');
  await time.moveTo(fifth.hi + FIRST_DELAY_MS);
  await g.fail('wrong', '30 s after the 5th failure, the wait over');
  const sixth = g.lastFailure;
  // Doubled to 60 s: 45 s after the 6th failure is still within it, whenever in its call the server read its clock.
  await time.moveTo(sixth.hi + (FIRST_DELAY_MS * 3) / 2);
  await g.throttled(FIRST_DELAY_MS * 2, '45 s after the 6th failure (the wait doubled to 60 s)');
  await time.moveTo(sixth.hi + FIRST_DELAY_MS * 2);
  await g.right('60 s after the 6th failure, the wait over');
}

export const totpThrottlingCheck: Check = {
  id: 'tfa-totp-throttling',
  title: 'One-time passwords: 5 failures free, replays counted, a success resets, then 30 s waits that double',
  area: 'TOTP',
  requirements: ['TOTP-18', 'TOTP-12'],
  scope: 'server',
  exclusive: true,
  tags: ['2fa', 'time-travel'],
  // Without the clock: no wait, and so no replay counted toward one; the free failures and the reset still run.
  requirementsWithout: { clock: ['TOTP-18', 'TOTP-12'] },
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const g = new Guesser(desk, time, await registerByQr(desk, context.session.url, 'Throttled phone'));
        await withoutWaits(g);
        if (!time.movable) return;
        await waits(g, time);
        await guessedAtOnce(time, await g.guessing());
      }),
    ),
};
