/**
 * One pairing token sent by several phones at once (PROTOCOL.md "Pairing": a token is single-use; used:
 * `pairing-token-used`). One after another, each pairing sees the one before use the token; a server that checks
 * the token, makes the backup folder, then writes the token used without checking again pairs every phone that
 * came while the first was under way. AT_ONCE new installations send one fresh "add" token before any answer comes
 * back: at most one may pair, every other is refused as used. The device paired is removed again.
 */
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { consoleOf, identity, refused, removeQuietly } from '../../kit/server-support.js';
import { AT_ONCE } from '../../kit/at-once.js';
import { NAMES } from './tokens-model.js';

export async function tokenAtOnce(session: TargetSession): Promise<void> {
  const { token } = await consoleOf(session).call('createPairing', { body: { mode: 'add' } });
  const pairings = Array.from({ length: AT_ONCE }, (_, i) =>
    new MbsClient({ baseUrl: session.url }).call('pair', {
      body: { token, edition: session.edition, device: identity(NAMES[i % NAMES.length]!, 'android') },
    }),
  );
  const answers = await Promise.allSettled(pairings);
  const paired = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value.deviceId] : []));
  try {
    if (paired.length > 1)
      throw new Error(
        `one "add" token sent by ${AT_ONCE} phones at once paired ${paired.length}: ${paired.join(', ')}`,
      );
    for (const answer of answers) {
      if (answer.status === 'rejected') await refused(Promise.reject(answer.reason), ['pairing-token-used'], 'pairing');
    }
  } finally {
    await removeQuietly(session, paired);
  }
}
