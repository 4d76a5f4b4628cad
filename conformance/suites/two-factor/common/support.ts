/**
 * What the 2FA checks share: where they apply, the desktop side's client, and a clean 2FA state. The 2FA settings
 * are one per server and every check of an edition shares the server, so each 2FA check starts by removing every
 * authenticator and the password lock, and leaves them removed (session.ts). The server's time (moved
 * forward on a controlled target, read back around every call) is server-time.ts's, calls whose refusal
 * code is the answer are outcomes.ts's, and a code's last millisecond and countdown are
 * code-deadlines.ts's; all are exported from here too.
 */
import { ClientError } from '../../../spec/errors.js';
import { EDITIONS } from '../../../spec/editions.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import type { Applicability, Column } from '../../../kit/check.js';
import type { TargetSession } from '../../../targets/target.js';
import { movableClock, NO_CLOCK_REASON } from './server-time.js';

export { NO_CLOCK_REASON, ServerTime, type Probe } from './server-time.js';
export { attempt, mustPass, mustRefuse, said, type Outcome } from './outcomes.js';
export { inLastMillisecond, verifyCountdown, type LastMillisecond } from './code-deadlines.js';

export const NO_2FA_REASON =
  '2FA exists on Pro and Lite only (DESIGN.md); editions-home-refuses-2fa checks that Home refuses it';
export const NO_CONSOLE_REASON =
  'needs the console key (--console-key): the 2FA settings and logins are desktop routes';

/** Server checks of 2FA: an edition that has it, and the desktop side's key. */
export function needsTwoFactor(column: Column, session: TargetSession): Applicability {
  if (!EDITIONS[column.edition].twoFactor) return { applies: false, reason: NO_2FA_REASON };
  if (!session.console) return { applies: false, reason: NO_CONSOLE_REASON };
  return { applies: true };
}

/** 2FA checks that travel in time. */
export function needsTwoFactorClock(column: Column, session: TargetSession): Applicability {
  const base = needsTwoFactor(column, session);
  if (!base.applies) return base;
  return movableClock(session) ? base : { applies: false, reason: NO_CLOCK_REASON };
}

/** Device checks of 2FA: a device profile too. */
export function needsTwoFactorDevice(column: Column, session: TargetSession): Applicability {
  const base = needsTwoFactor(column, session);
  if (!base.applies) return base;
  return column.profile ? base : { applies: false, reason: 'device checks need a device profile' };
}

export function consoleOf(session: TargetSession): MbsClient {
  if (!session.console) throw new ClientError('not-paired', NO_CONSOLE_REASON);
  return session.console;
}

/** Removes every authenticator and the password lock: 2FA off, as a check expects to find it. */
export async function clearTwoFactor(desk: MbsClient): Promise<void> {
  await desk.call('setPasswordLock', { body: { password: null } });
  await removeAuthenticatorsSince(desk, new Set());
}

/** The ids of the authenticators registered now. */
export const authenticatorIds = async (desk: MbsClient) =>
  new Set((await desk.call('getTwoFactor')).authenticators.map((a) => a.authenticatorId));

/** Removes the authenticators registered since `before` (2FA is the server's, shared by every check). */
export async function removeAuthenticatorsSince(desk: MbsClient, before: ReadonlySet<string>): Promise<void> {
  for (const a of (await desk.call('getTwoFactor')).authenticators) {
    if (before.has(a.authenticatorId)) continue;
    await desk.call('removeAuthenticator', { params: { authenticatorId: a.authenticatorId } }).catch(() => undefined);
  }
}

/** Thrown inside a check's body when the target turns out not to offer something the check needs. */
export class NotApplicable extends Error {}
