/**
 * The first login's offer to set up 2FA (TFA-01) stands until it is answered, and stands again after a reset
 * (PROTOCOL.md). The server is shared, so a check cannot be its first login: it brings the offer back by a reset,
 * confirmed with the current code of a phone registered for it.
 */
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { setup } from '../../../kit/setup.js';
import { registerByQr } from './actors.js';
import { codeAt, stepOf } from './totp-steps.js';
import type { ServerTime } from './support.js';

export async function offerSetupAgain(desk: MbsClient, url: string, time: ServerTime): Promise<void> {
  await setup('resetting 2FA, so that the next login is a first one', ['REC-12'], async () => {
    const phone = await registerByQr(desk, url, 'Before the reset');
    await desk.call('resetTwoFactor', { body: { code: codeAt(phone.secret, stepOf(time.now())) } });
  });
}
