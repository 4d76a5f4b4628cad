/**
 * A 2FA check's session with the shared server: it starts with 2FA off and no failed attempts being throttled, and
 * leaves it so (the 2FA settings and the throttles are the server's, shared by every check of the edition), then
 * moves the clock back by what it moved. A body that finds the target lacking throws NotApplicable, which the runner
 * turns into a skip.
 */
import type { CheckContext, CheckOutcome } from '../../../kit/check.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr, settleOtp } from './actors.js';
import { clearTwoFactor, consoleOf, ServerTime } from './support.js';
import { setup, SetupError } from '../../../kit/setup.js';
import { wrongAtItsOwnStep } from './otp-refusal.js';

/**
 * A success resets the count of failed one-time passwords (another check's, or this one's). A fresh authenticator's
 * code refused as wrong at its own step on the server's clock is no throttle's doing: the server computed the code
 * otherwise than RFC 6238 and its 6 digits say, so the step shows those rules. The server's clock is read when the
 * login starts, and a step may turn before the code is judged: only a second code, read afresh and refused the same
 * way, names them.
 */
async function settle(desk: MbsClient, url: string, time: ServerTime): Promise<void> {
  await clearTwoFactor(desk);
  const fresh = await registerByQr(desk, url, 'Throttle reset');
  const logIn = () => settleOtp(desk, time, fresh, -1);
  await logIn().catch(async (first: unknown) => {
    if (!wrongAtItsOwnStep(first)) throw first;
    await logIn().catch((error: unknown) => {
      if (!wrongAtItsOwnStep(error)) throw error;
      throw new SetupError("logging in with a fresh authenticator's current code", ['TOTP-02', 'TOTP-11'], {
        cause: error,
      });
    });
  });
  await clearTwoFactor(desk);
}

export async function withTwoFactor(
  context: CheckContext,
  body: (desk: MbsClient, time: ServerTime) => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  const desk = consoleOf(context.session);
  const time = ServerTime.of(context.session);
  try {
    // Settling shows the throttle schedule (a right code after the kit's own few failures): a check of it fails
    // TOTP-18 here; any other check has tested nothing yet, and its setup failed.
    await setup("settling the server's 2FA state for the check", ['TOTP-18'], () =>
      settle(desk, context.session.url, time),
    );
    return await body(desk, time);
  } finally {
    await settle(desk, context.session.url, time).catch(() => clearTwoFactor(desk).catch(() => undefined));
    await time.restore();
  }
}
