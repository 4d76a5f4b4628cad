/**
 * What the 2FA checks share: the desktop side's client, and a clean 2FA state. The 2FA settings
 * are one per server and every check of an edition shares the server, so each 2FA check starts by removing every
 * authenticator and the password lock, and leaves them removed (session.ts). The server's time (moved
 * forward on a controlled target, read back around every call) is server-time.ts's, calls whose refusal
 * code is the answer are outcomes.ts's, and a code's last millisecond and countdown are
 * code-deadlines.ts's; all are exported from here too.
 */
import { ClientError } from '../../../spec/errors.js';
import { unrecorded } from '../../../../simulators/mbs-client/exchange-log.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../../targets/target.js';
import { REASONS } from '../../../kit/applies.js';
import { keepFoundTwoFactor } from '../../../kit/as-found.js';

export { ServerTime, type Probe } from './server-time.js';
export { attempt, mustPass, mustRefuse, said, type Outcome } from './outcomes.js';
export { inLastMillisecond, verifyCountdown, verifySmsAnnounced, type LastMillisecond } from './code-deadlines.js';

export function consoleOf(session: TargetSession): MbsClient {
  if (!session.console) throw new ClientError('not-paired', REASONS.console);
  return session.console;
}

/**
 * Removes every authenticator and the password lock: 2FA off, as a check expects to find it. On a server the kit
 * must leave as found, never those it did not make: the check is then untested (as-found.ts).
 */
export async function clearTwoFactor(desk: MbsClient): Promise<void> {
  await keepFoundTwoFactor();
  await desk.call('setPasswordLock', { body: { password: null } });
  await clearAuthenticators(desk);
}

/** Removes every registered authenticator: a check whose session took the password lock off clears only these. */
export const clearAuthenticators = async (desk: MbsClient) => {
  await keepFoundTwoFactor();
  return removeAuthenticatorsSince(desk, new Set());
};

/** The ids of the authenticators registered now. */
export const authenticatorIds = async (desk: MbsClient) =>
  new Set((await desk.call('getTwoFactor')).authenticators.map((a) => a.authenticatorId));

/**
 * Removes the authenticators registered since `before` (2FA is the server's, shared by every check). Unrecorded,
 * as clean-up: it must not push the exchanges that showed a failure out of the cell's log.
 */
export async function removeAuthenticatorsSince(desk: MbsClient, before: ReadonlySet<string>): Promise<void> {
  await unrecorded(async () => {
    for (const a of (await desk.call('getTwoFactor')).authenticators) {
      if (before.has(a.authenticatorId)) continue;
      await desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } }).catch(() => undefined);
    }
  });
}

export { NotApplicable, Untestable } from '../../../kit/applies.js';
