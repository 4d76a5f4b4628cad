/** Answers UDP discovery requests with the server's identity and actual ports; ignores every other datagram. */
import type { Socket } from 'node:dgram';
import { DiscoveryRequest, parseDatagram, type DiscoveryAnswer } from '../../conformance/spec/protocol/discovery.js';
import type { ServerIdentity } from '../services/context.js';

export function answerDiscovery(socket: Socket, identity: ServerIdentity): void {
  socket.on('message', (message, remote) => {
    const request = parseDatagram(DiscoveryRequest, message);
    if (!request || (request.edition !== undefined && request.edition !== identity.edition)) return;
    const answer: DiscoveryAnswer = {
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
    socket.send(JSON.stringify(answer), remote.port, remote.address, () => undefined);
  });
  // A send failure to one client must never take the server down.
  socket.on('error', () => undefined);
}
