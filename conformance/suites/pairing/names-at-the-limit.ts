/**
 * Device names as long as PROTOCOL.md allows (STO-01): a phone paired under each is listed under that name whole.
 * A server that keeps names in a narrower column shows them cut; the model's sequences draw such a name only now
 * and then, so each is paired once before them, read back from the device list, and removed.
 */
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { expectEqual } from '../../kit/check-oracles.js';
import { consoleOf, identity, removeQuietly } from '../../kit/server-support.js';
import { LONGEST_NAMES } from './tokens-model.js';

export async function namesAtTheLimit(session: TargetSession): Promise<void> {
  const desk = consoleOf(session);
  const paired: string[] = [];
  try {
    for (const name of LONGEST_NAMES) {
      const { token } = await desk.call('createPairing', { body: { mode: 'add' } });
      const device = identity(name, 'android');
      const answer = await new MbsClient({ baseUrl: session.url }).call('pair', {
        body: { token, edition: session.edition, device },
      });
      paired.push(answer.deviceId);
      const { devices } = await desk.call('listDevices');
      const listed = devices.find((d) => d.deviceId === answer.deviceId);
      expectEqual(['STO-01'], `the device list's name of a phone paired as "${name}"`, listed?.name, name);
    }
  } finally {
    await removeQuietly(session, paired);
  }
}
