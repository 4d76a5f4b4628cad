/**
 * A pairing token's lifetime, in real time (`--real-time`, a target without the clock): two "add" tokens are issued
 * together; an app pairs with one 20 s before the end the server announced, and with the other 20 s after, which is
 * refused as expired (PAIR-02: the QR code pairs while its token lives; the reference's lives 10 minutes). It touches
 * no 2FA state, and removes the device it paired. With the clock, pairing-tokens-model lets tokens expire exactly.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { where } from '../../kit/applies.js';
import { checkOnce } from '../../kit/property.js';
import { probesAround, waitUntil } from '../../kit/real-time.js';
import { consoleOf, identity, refused, removeQuietly } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

/** The reference server's lifetime, which the runner schedules by; a server announces its own in `expiresAt`. */
const REFERENCE_LIFETIME_MS = 10 * 60_000;

export const pairingTokenLifetimeRealTimeCheck: Check = {
  id: 'pairing-token-lifetime-real-time',
  title: 'A pairing token pairs 20 s before it expires and is refused 20 s after (real time)',
  area: 'PAIR',
  requirements: ['PAIR-02'],
  scope: 'server',
  realTime: { lifetimeMs: REFERENCE_LIFETIME_MS },
  tags: ['real-time'],
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const desk = consoleOf(session);
    const paired: string[] = [];
    const pair = (token: string) =>
      new MbsClient({ baseUrl: session.url }).call('pair', {
        body: { token, edition: session.edition, device: identity('Token lifetime', 'android') },
      });
    try {
      const early = await desk.call('createPairing', { body: { mode: 'add' } });
      const late = await desk.call('createPairing', { body: { mode: 'add' } });
      // Asked before the check proper: a lifetime too long to wait skips it rather than failing it.
      const alive = probesAround(early.expiresAt).aliveAt;
      const gone = probesAround(late.expiresAt).goneAt;
      return await checkOnce(async () => {
        await waitUntil(alive);
        const device = await pair(early.token).catch((error: unknown) => {
          throw new Violation(['PAIR-02'], `a pairing token 20 s before it expires: ${String(error)}`);
        });
        paired.push(device.deviceId);
        await waitUntil(gone);
        await refused(pair(late.token), ['pairing-token-expired'], 'a pairing token 20 s after it expired');
      });
    } finally {
      await removeQuietly(session, paired);
    }
  },
};
