/**
 * One pairing token sent by several phones at once (PROTOCOL.md "Pairing": a token is single-use; used:
 * `pairing-token-used`). One after another, each pairing sees the one before use the token; a server that checks
 * the token, makes the backup folder, then writes the token used without checking again pairs every phone that
 * came while the first was under way. AT_ONCE new installations send one fresh "add" token before any answer comes
 * back: exactly one pairs (each alone would), every other is refused as used. The device paired is removed again,
 * also one whose answer the kit never got (the pairing names it).
 */
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { MbsError } from '../../spec/errors.js';
import type { TargetSession } from '../../targets/target.js';
import { Violation } from '../../kit/violation.js';
import { consoleOf, identity, refused, removeQuietly } from '../../kit/server-support.js';
import { AT_ONCE } from '../../kit/at-once.js';
import { NAMES } from './tokens-model.js';

export async function tokenAtOnce(session: TargetSession): Promise<void> {
  const desk = consoleOf(session);
  const { token, pairingId } = await desk.call('createPairing', { body: { mode: 'add' } });
  const pairings = Array.from({ length: AT_ONCE }, (_, i) =>
    new MbsClient({ baseUrl: session.url }).call('pair', {
      body: { token, edition: session.edition, device: identity(NAMES[i % NAMES.length]!, 'android') },
    }),
  );
  const answers = await Promise.allSettled(pairings);
  const paired = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value.deviceId] : []));
  try {
    const count = `one "add" token sent by ${AT_ONCE} phones at once paired ${paired.length}`;
    if (paired.length > 1) throw new Violation(['PAIR-02'], `${count}: ${paired.join(', ')}`);
    for (const answer of answers) {
      if (answer.status === 'fulfilled') continue;
      // Only the server's refusal is judged here: what kept the kit from an answer stays what it is.
      if (!(answer.reason instanceof MbsError)) throw answer.reason;
      await refused(Promise.reject(answer.reason), ['pairing-token-used'], 'pairing');
    }
    if (paired.length === 0) throw new Violation(['PAIR-02'], `${count}, though each alone pairs`);
  } finally {
    const status = await desk.call('getPairing', { params: { pairingId } }).catch(() => undefined);
    const unheard = status?.deviceId && !paired.includes(status.deviceId) ? [status.deviceId] : [];
    await removeQuietly(session, [...paired, ...unheard]);
  }
}
