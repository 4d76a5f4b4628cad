/**
 * Edition ports (seed 000 §2.5, DESIGN.md): each edition serves on its own TCP and UDP ranges, the first port of
 * each by default, the next free one when that is busy, and never outside them. Defaults and fallback need a server
 * the kit starts itself with chosen ports taken, so on the reference target these checks start their own reference
 * servers on 127.0.0.1; on a vendor's server they check that every port it announces lies in its edition's ranges.
 */
import { skipUnless, type Check, type CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { SetupError } from '../../kit/setup.js';
import { Violation } from '../../kit/violation.js';
import { REASONS, where } from '../../kit/applies.js';
import { turns } from '../../kit/turns.js';
import { EDITIONS, type Edition } from '../../spec/editions.js';
import { decodePairingPayload } from '../../spec/protocol/pairing.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { discoverAnswer } from './discovery-announces-ports.js';
import { firstFree, hold, inRange } from './port-probe.js';
import { fullRange, lastOfRange } from './range-ends.js';
import { judgeOnStillRanges, rangesKeptMoving } from './still-ranges.js';

interface Announced {
  readonly where: string;
  readonly tcp: number;
  readonly udp: number;
}

const PAIRING_QR = 'the pairing QR';

/** Every place a server states its ports: /v1/info, a discovery answer, and a pairing QR when there is a key. */
async function announcements(url: string, host: string, udpPort: number, console?: MbsClient): Promise<Announced[]> {
  const info = await new MbsClient({ baseUrl: url, timeoutMs: 5_000 }).call('getInfo');
  const out: Announced[] = [{ where: 'GET /v1/info', tcp: info.tcpPort, udp: info.udpPort }];
  const answer = await discoverAnswer(host, udpPort, info.edition);
  out.push({ where: 'discovery', tcp: answer.tcpPort, udp: answer.udpPort });
  if (console) {
    const payload = decodePairingPayload((await console.call('createPairing', { body: { mode: 'add' } })).payload);
    out.push({ where: PAIRING_QR, tcp: payload.tcp, udp: payload.udp });
  }
  return out;
}

interface OwnPorts {
  readonly tcp: number;
  readonly udp: number;
  readonly announced: Announced[];
}

/** Starts a server of the target's own kind with no ports given, and reads back what it announces. */
export async function startOwn(session: TargetSession): Promise<OwnPorts> {
  if (!session.startOwnServer) throw new Error(REASONS.ownServers);
  const server = await session.startOwnServer();
  try {
    // The ports it listens on, as the kit reached it; what it announces is judged against them.
    const announced = await announcements(server.url, server.host, server.udpPort, server.console);
    return { tcp: Number(new URL(server.url).port), udp: server.udpPort, announced };
  } finally {
    await server.close();
  }
}

/** Where a server states other ports than those it took, said as a finding's message. */
function misannounced(announced: readonly Announced[], tcp: number, udp: number): string | undefined {
  const wrong = announced.find((a) => a.tcp !== tcp || a.udp !== udp);
  return wrong && `${wrong.where} says TCP ${wrong.tcp}, UDP ${wrong.udp}; it has TCP ${tcp}, UDP ${udp}`;
}

/**
 * Off its defaults, a server announcing them sends the app to another server: by discovery (NET-08) or, when it is
 * the pairing QR code that says so, by the pairing screen (NET-07).
 */
function expectAnnouncedAsTaken(announced: readonly Announced[], tcp: number, udp: number): void {
  const qr = misannounced(
    announced.filter((a) => a.where === PAIRING_QR),
    tcp,
    udp,
  );
  if (qr) throw new Violation(['NET-07'], qr);
  const wrong = misannounced(announced, tcp, udp);
  if (wrong) throw new Violation(['NET-08'], wrong);
}

/**
 * The port checks of every run in this process, one at a time: runs side by side (the self-test's variants) would
 * otherwise take each other's ports. `exclusive` keeps them apart within one run only.
 */
const oneAtATime = turns();

/**
 * Another program on the machine may take or free a port of the range between the kit's probe and the server's
 * start (judgeOnStillRanges starts again when it sees that); a port check fails only when its second attempt fails
 * too, and a second attempt the machine kept from judging leaves the first one's verdict standing.
 */
async function twice(attempt: () => Promise<void>): Promise<void> {
  try {
    await attempt();
  } catch (first) {
    await attempt().catch((second: unknown) => {
      throw rangesKeptMoving(second) && !rangesKeptMoving(first) ? first : second;
    });
  }
}

const EDITION_PORT_REQUIREMENT: Record<Edition, string> = { pro: 'NET-01', lite: 'NET-02', home: 'NET-03' };

/** Ports stated (`where`) outside the edition's ranges break its port rule and NET-05, naming both. */
function expectInRange(edition: Edition, where: string, ports: { readonly tcp: number; readonly udp: number }): void {
  const { tcp, udp } = EDITIONS[edition];
  if (inRange(ports.tcp, tcp) && inRange(ports.udp, udp)) return;
  throw new Violation(
    [EDITION_PORT_REQUIREMENT[edition], 'NET-05'],
    `${where} says TCP ${ports.tcp}, UDP ${ports.udp}; the ${edition} ranges are TCP ${tcp.first}-${tcp.last}, ` +
      `UDP ${udp.first}-${udp.last}`,
  );
}

/** The first free port of each range is the one taken; when nothing else holds them, the defaults. */
function defaults(session: TargetSession): Promise<void> {
  const { tcp, udp } = EDITIONS[session.edition];
  const start = () => startOwn(session);
  return judgeOnStillRanges(session.edition, [tcp.first, udp.first], start, ([wantedTcp, wantedUdp], own) => {
    expectInRange(session.edition, 'the server the kit started with no ports given', own);
    if (own.tcp === wantedTcp && own.udp === wantedUdp) {
      // Announcing other ports is NET-08's, which the fallback check names; this check judges the ranges only.
      const wrong = misannounced(own.announced, own.tcp, own.udp);
      if (wrong) throw new Error(wrong);
      return;
    }
    return (
      `with TCP ${wantedTcp ?? 'none'} and UDP ${wantedUdp ?? 'none'} the first free ports of the ranges ` +
      `(defaults ${tcp.first}, ${udp.first}), the server took TCP ${own.tcp}, UDP ${own.udp}`
    );
  });
}

/** A running server that is not ours: every port it announces lies in its edition's ranges. */
async function announcedInRange(session: TargetSession): Promise<void> {
  const announced = await announcements(session.url, session.host, session.udpPort, session.console);
  announced.push({ where: 'the target’s UDP port', tcp: announced[0]?.tcp ?? 0, udp: session.udpPort });
  for (const a of announced) expectInRange(session.edition, a.where, a);
}

function editionPortsCheck(edition: Edition): Check {
  const { label, tcp, udp } = EDITIONS[edition];
  return {
    id: `network-ports-${edition}`,
    title: `${label} serves on TCP ${tcp.first}-${tcp.last} and UDP ${udp.first}-${udp.last}, the first free port of each`,
    area: 'NET',
    requirements: [EDITION_PORT_REQUIREMENT[edition], 'NET-05'],
    scope: 'server',
    // It binds and holds ports of the edition's ranges: never beside the other port checks.
    exclusive: true,
    applies: (column) => skipUnless(column.edition === edition, `only a ${label} server has the ${label} ranges`),
    run: ({ session }: CheckContext) =>
      checkOnce(() =>
        session.startOwnServer ? oneAtATime(() => twice(() => defaults(session))) : announcedInRange(session),
      ),
  };
}

/** With the first free ports held, the server takes the next free ones. */
async function nextFree(session: TargetSession): Promise<void> {
  const { edition } = session;
  const { tcp, udp } = EDITIONS[edition];
  const [busyTcp, busyUdp] = [await firstFree('tcp', tcp), await firstFree('udp', udp)];
  if (busyTcp === undefined || busyUdp === undefined) throw new Error(`no free port in the ${edition} ranges here`);
  const held = [await hold('tcp', [busyTcp]), await hold('udp', [busyUdp])];
  try {
    const start = () =>
      startOwn(session).catch((error: unknown) => {
        // A server that ends (or never answers) while its defaults are taken did not take the next free ports.
        if (!(error instanceof SetupError)) throw error;
        const why = error.cause instanceof Error ? error.cause.message : String(error.cause);
        throw new Violation(
          ['NET-04'],
          `with TCP ${busyTcp} and UDP ${busyUdp} taken, the server did not start: ${why}`,
        );
      });
    const judge = (wanted: [number?, number?], own: OwnPorts) => {
      if (own.tcp === wanted[0] && own.udp === wanted[1]) {
        expectAnnouncedAsTaken(own.announced, own.tcp, own.udp);
        return;
      }
      return (
        `with TCP ${busyTcp} and UDP ${busyUdp} taken, the server took TCP ${own.tcp}, UDP ${own.udp}, not the ` +
        `next free TCP ${wanted[0] ?? 'none'}, UDP ${wanted[1] ?? 'none'}`
      );
    };
    // Probed from the ranges' first ports: the ones the kit holds show as taken, one freed below them as free.
    await judgeOnStillRanges(edition, [tcp.first, udp.first], start, judge);
  } finally {
    await Promise.all(held.map((h) => h.release()));
  }
}

export const portFallbackCheck: Check = {
  id: 'network-ports-fallback',
  title:
    'A busy default moves the server to the next free port of its range, up to its last; a full range stops it from starting',
  area: 'NET',
  requirements: ['NET-04', 'NET-05', 'NET-07', 'NET-08'],
  scope: 'server',
  exclusive: true,
  applies: where({ ownServers: true }),
  run: ({ session }: CheckContext) =>
    checkOnce(() =>
      oneAtATime(async () => {
        await twice(() => nextFree(session));
        await twice(() => lastOfRange(session, () => startOwn(session)));
        await twice(() => fullRange(session, () => startOwn(session)));
      }),
    ),
};

export const editionPortChecks: readonly Check[] = (['pro', 'lite', 'home'] as const).map(editionPortsCheck);
