/**
 * A real-time 2FA check's session with the shared server. Unlike withTwoFactor (session.ts) it neither clears 2FA
 * nor settles the one-time password count: the real-time checks run together (conformance/runner/real-time-cells.ts),
 * and clearing would remove the others' authenticators, settling would spend a code while one of them has one-time
 * passwords throttled. Each registers its own authenticators by QR code (no one-time password needed) and removes
 * just those when done.
 */
import type { CheckContext, CheckOutcome } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr, type ServerAuthenticator } from './actors.js';
import { consoleOf, NotApplicable } from './support.js';
import { keepFoundTwoFactor } from '../../../kit/as-found.js';

export async function withOwnAuthenticators(
  context: CheckContext,
  names: readonly string[],
  body: (desk: MbsClient, auths: readonly ServerAuthenticator[]) => Promise<void>,
): Promise<CheckOutcome> {
  // They log in past their own authenticators only: an owner's password lock would stop them (as-found.ts).
  await keepFoundTwoFactor(true);
  const desk = consoleOf(context.session);
  const auths: ServerAuthenticator[] = [];
  try {
    for (const name of names) auths.push(await registerByQr(desk, context.session.url, name));
    // A lack found only inside the body (no outbox, a throttle already running) leaves the check untested, not failed.
    let lack: NotApplicable | undefined;
    const outcome = await checkOnce(() =>
      body(desk, auths).catch((error: unknown) => {
        if (!(error instanceof NotApplicable)) throw error;
        lack = error;
      }),
    );
    if (lack) throw lack;
    return outcome;
  } finally {
    for (const a of auths)
      await desk.call('removeAuthenticator', { params: { authenticatorId: a.id } }).catch(() => undefined);
  }
}
