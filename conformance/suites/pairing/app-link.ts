/**
 * The pairing QR code leads a phone's camera to the app's store page (seed 000 §7.1, PROTOCOL.md "Pairing"): the
 * text of every QR code the server issues, for a new device and for a migration, is the app link, an https URL a
 * camera opens, with the pairing fields in its fragment, so the page it opens never receives them. The same text
 * then pairs through the app's QR reader: the fields it reads are the ones the server issued, and its token pairs.
 * Where the link's page sends each phone (the app's store listings) is the app publisher's page, not the server's.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { where } from '../../kit/applies.js';
import { checkOnce } from '../../kit/property.js';
import { consoleOf, identity, removeQuietly } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { MbsError } from '../../spec/errors.js';
import { appLinkProblem } from '../../spec/protocol/app-link.js';
import { decodePairingPayload, type CreatePairingResponse, type PairingPayload } from '../../spec/protocol/pairing.js';
import type { Static } from 'typebox';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

type Issued = Static<typeof CreatePairingResponse>;

/** PAIR-14 for one issued pairing, once the app paired by it: the camera's reading of its QR text. */
function expectAppLink(payload: string, what: string): void {
  const problem = appLinkProblem(payload);
  if (problem) throw new Violation(['PAIR-14'], `${what}: ${problem}`, { checked: ['PAIR-02'] });
}

/** What the app's QR reader takes from the text, which must be what the server issued (PAIR-02). */
function readByApp(issued: Issued, what: string): PairingPayload {
  let read: PairingPayload;
  try {
    read = decodePairingPayload(issued.payload);
  } catch (error) {
    throw new Violation(['PAIR-02'], `${what}: the app cannot read its QR code: ${String(error)}`);
  }
  const same =
    read.token === issued.token &&
    read.mode === issued.mode &&
    read.tcp === issued.tcpPort &&
    read.udp === issued.udpPort &&
    read.expires === issued.expiresAt;
  if (!same) {
    throw new Violation(
      ['PAIR-02'],
      `${what}: its QR code reads ${JSON.stringify({ ...read, token: '…' })}, not the pairing the server issued`,
    );
  }
  return read;
}

export const pairingAppLinkCheck: Check = {
  id: 'pairing-qr-app-link',
  title: 'The pairing QR code is the app link a camera opens, its data in the fragment, and the app pairs by it',
  area: 'PAIR',
  requirements: ['PAIR-14', 'PAIR-02'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const desk = consoleOf(session);
    const paired: string[] = [];
    try {
      return await checkOnce(async () => {
        const add = await desk.call('createPairing', { body: { mode: 'add' } });
        // The app's reading first: a server whose link is wrong may still pair (the first payload does).
        const read = readByApp(add, 'an "add" pairing');
        const device = identity(`App link ${context.content.tag()}`, 'android');
        const phone = new MbsClient({ baseUrl: session.url });
        const answer = await phone.call('pair', { body: { token: read.token, edition: read.edition, device } });
        paired.push(answer.deviceId);
        // A desktop program too old to migrate issues no such QR code (EDN-05 judges that); the new device's holds.
        const migrate = await desk
          .call('createPairing', { body: { mode: 'migrate', originalDeviceId: answer.deviceId } })
          .catch((error: unknown) => {
            if (error instanceof MbsError && error.code === 'desktop-version-unsupported') return undefined;
            throw error;
          });
        if (migrate) readByApp(migrate, 'a "migrate" pairing');
        expectAppLink(add.payload, 'the QR code for a new device');
        if (migrate) expectAppLink(migrate.payload, 'the QR code for a migration');
      });
    } finally {
      await removeQuietly(session, paired);
    }
  },
};
