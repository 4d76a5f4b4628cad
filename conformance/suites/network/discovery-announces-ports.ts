/**
 * UDP discovery and the HTTP port it announces (seed 000 §2.5, §6.2.1): the server answers a discovery request on
 * its UDP port with its identity and actual ports, the app connects to the announced TCP port and finds the same
 * server speaking protocol v1 over HTTP there. Garbage and requests for another edition are never answered.
 */
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { checkOnce } from '../../kit/property.js';
import type { Check, CheckContext } from '../../kit/check.js';
import type { Edition } from '../../spec/editions.js';
import {
  APP_DISCOVERY_WAIT_MS,
  discoverServers,
  type Discovered,
} from '../../../simulators/mbs-client/discovery-client.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { otherEdition } from '../../kit/server-support.js';
import { Violation, within } from '../../kit/violation.js';
import { ClientError } from '../../spec/errors.js';
import type { ServerInfo } from '../../spec/protocol/resources.js';
import type { Static } from 'typebox';

/**
 * UDP may drop a datagram: up to three requests, each waiting for the first answer as long as the app waits for one
 * (a server slower than that is not found by the app either). A fast server's answer ends the wait at once.
 */
export async function discover(
  host: string,
  port: number,
  edition?: Edition,
  timeoutMs = APP_DISCOVERY_WAIT_MS,
): Promise<Discovered[]> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await discoverServers({
      host,
      ports: [port],
      timeoutMs,
      ...(edition ? { edition } : {}),
      enough: () => true,
    });
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The answer to a discovery request. None in three requests is a `timeout` that says how long the kit waited: the
 * server did not answer, or answered later than the app waits for it, and so cannot be found.
 */
export async function discoverAnswer(host: string, port: number, edition?: Edition): Promise<Discovered> {
  const [answer] = await discover(host, port, edition);
  if (answer) return answer;
  throw new ClientError(
    'timeout',
    `no discovery answer on UDP ${host}:${port} to 3 requests within ${APP_DISCOVERY_WAIT_MS} ms each, as long as ` +
      'the app waits: the server does not answer, or answers too late for the app to find it',
  );
}

/**
 * How long to listen for an answer that must never come (a request for another edition, garbage): twice as long as
 * the server took to answer a valid request, and never less than QUIET_MS, so that a slow server's wrong answer
 * still lands inside the wait.
 */
const QUIET_MS = 300;
export function quietWaitMs(answeredInMs: number): number {
  return Math.max(QUIET_MS, Math.ceil(2 * answeredInMs));
}

export function hostUrl(host: string, port: number): string {
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

/** Sends datagrams that are not valid discovery requests and collects whatever comes back within `waitMs`. */
async function answersToGarbage(host: string, port: number, waitMs: number): Promise<Buffer[]> {
  const socket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
  const replies: Buffer[] = [];
  socket.on('message', (message) => replies.push(message));
  await new Promise<void>((resolve) => socket.bind(0, () => resolve()));
  const garbage = [
    '',
    'hello',
    '{"type":"mbs.discover"}',
    '{"type":"mbs.discover","v":2,"nonce":"x"}',
    '{"type":"mbs.discover","v":1,"nonce":"bad nonce!"}',
    JSON.stringify({ type: 'mbs.discover', v: 1, nonce: 'x'.repeat(1100) }),
    '\u0000\u00ff',
  ];
  for (const payload of garbage) socket.send(Buffer.from(payload), port, host);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  socket.close();
  return replies;
}

async function verifyDiscovery({ session }: CheckContext): Promise<void> {
  const { host, udpPort, edition } = session;
  // The valid requests first, timed: how long the server takes to answer one sets how long the kit listens for an
  // answer that must not come. The requests that must go unanswered wait out their time together.
  const asked = performance.now();
  const timed = discoverAnswer(host, udpPort, edition).then((found) => ({ found, tookMs: performance.now() - asked }));
  const [{ found: answer, tookMs }, unnamed] = await Promise.all([timed, discover(host, udpPort, undefined)]);
  const quietMs = quietWaitMs(tookMs);
  const [other, replies] = await Promise.all([
    discoverServers({ host, ports: [udpPort], timeoutMs: quietMs, edition: otherEdition(edition) }),
    answersToGarbage(host, udpPort, quietMs),
  ]);
  if (answer.edition !== edition) throw new Error(`discovery answered edition ${answer.edition}, not ${edition}`);
  if (answer.udpPort !== udpPort) {
    throw new Error(`the answer on UDP port ${udpPort} announces UDP port ${answer.udpPort}`);
  }
  if (unnamed.length !== 1) throw new Error('a discovery request naming no edition got no answer');
  // PROTOCOL.md "Discovery": a request for another edition is never answered; the port it announces is not at stake.
  if (other.length > 0)
    throw new Violation(['NET-06'], `a request for the ${otherEdition(edition)} edition was answered`);
  if (replies.length > 0) {
    throw new Error(
      `garbage datagrams were answered: ${replies.map((r) => r.toString('utf8').slice(0, 80)).join(' | ')}`,
    );
  }
  // The app connects to the announced TCP port: the same server must answer there, over HTTP (NET-08).
  const here = await new MbsClient({ baseUrl: session.url, timeoutMs: 5_000 }).call('getInfo');
  await within(['NET-08'], () => servesAnnounced(answer, here, edition));
}

async function servesAnnounced(answer: Discovered, here: Static<typeof ServerInfo>, edition: Edition): Promise<void> {
  const announced = new MbsClient({ baseUrl: hostUrl(answer.host, answer.tcpPort), timeoutMs: 5_000 });
  const there = await announced.call('getInfo').catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`the announced TCP port ${answer.host}:${answer.tcpPort} does not serve protocol v1: ${why}`, {
      cause: error,
    });
  });
  if (there.serverId !== answer.serverId || here.serverId !== answer.serverId) {
    throw new Error(
      `discovery announced server ${answer.serverId} at ${answer.host}:${answer.tcpPort}; that port answers ` +
        `${there.serverId} and the target answers ${here.serverId}`,
    );
  }
  for (const [what, info] of [
    ['the announced port', there],
    ['the target', here],
  ] as const) {
    if (info.tcpPort !== answer.tcpPort || info.udpPort !== answer.udpPort || info.edition !== edition) {
      throw new Error(
        `${what} reports TCP ${info.tcpPort}, UDP ${info.udpPort}, ${info.edition}; discovery said TCP ` +
          `${answer.tcpPort}, UDP ${answer.udpPort}, ${edition}`,
      );
    }
  }
}

export const discoveryCheck: Check = {
  id: 'network-discovery-announces-actual-ports',
  title: 'Discovery answers with the actual ports, the announced TCP port serves the same server over HTTP',
  area: 'NET',
  requirements: ['NET-06', 'NET-08'],
  scope: 'server',
  run: (context) => checkOnce(() => verifyDiscovery(context)),
};
