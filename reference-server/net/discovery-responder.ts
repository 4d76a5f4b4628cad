/** Answers UDP discovery requests with the server's identity and actual ports; ignores every other datagram. */
import type { Socket } from 'node:dgram';
import {
  DiscoveryRequest,
  parseDatagram,
  type DiscoveryAnswer,
  type DiscoveryRequest as Request,
} from '../../conformance/spec/protocol/discovery.js';
import type { Edition } from '../../conformance/spec/editions.js';
import type { ServerIdentity } from '../services/context.js';

/** A request naming no edition, or this server's, is answered; one for another edition is not (PROTOCOL.md). */
export function answersEdition(asked: Edition | undefined, own: Edition): boolean {
  return asked === undefined || asked === own;
}

/** The answer to a discovery request: the server's identity and the ports it actually took (PROTOCOL.md). */
export function discoveryAnswer(request: Request, identity: ServerIdentity): DiscoveryAnswer {
  return {
    type: 'mbs.announce',
    v: 1,
    nonce: request.nonce,
    serverId: identity.serverId,
    name: identity.name,
    edition: identity.edition,
    host: identity.advertisedHost,
    tcpPort: identity.tcpPort,
    udpPort: identity.udpPort,
  };
}

export function answerDiscovery(
  socket: Socket,
  identity: ServerIdentity,
  answers = answersEdition,
  announce = discoveryAnswer,
): void {
  socket.on('message', (message, remote) => {
    const request = parseDatagram(DiscoveryRequest, message);
    if (!request || !answers(request.edition, identity.edition)) return;
    socket.send(JSON.stringify(announce(request, identity)), remote.port, remote.address, () => undefined);
  });
  // A send failure to one client must never take the server down.
  socket.on('error', () => undefined);
}
