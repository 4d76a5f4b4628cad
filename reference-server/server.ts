/**
 * The reference Mobile Backup Server: opens the data directory, finishes uploads a crash interrupted, binds TCP and
 * UDP with the edition's port rules, and serves protocol v1 and discovery until closed.
 */
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import type { Socket } from 'node:dgram';
import type { FastifyInstance } from 'fastify';
import { EDITIONS } from '../conformance/spec/editions.js';
import { ConformanceClock, FROZEN_RANDOMNESS_SEED, systemClock } from './clock.js';
import { buildApp } from './http/build-app.js';
import { answerDiscovery } from './net/discovery-responder.js';
import { bindUdp, listenInRange } from './net/ports.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_PAIRING_TTL_MS, defaultAdvertisedHost, type ServerOptions } from './options.js';
import { serverRules } from './server-rules.js';
import { newId, newSecret, type ServerIdentity } from './services/context.js';
import { withRandomness } from './services/randomness.js';
import { UploadService } from './services/uploads.js';
import { metaValue, openDatabase } from './store/database.js';
import type { Db } from './store/db.js';
import { earlierStarts } from './store/start-count.js';
import { DiskQuota } from './storage/disk-quota.js';
import { layoutOf } from './storage/layout.js';
import { crashPointsIn } from './storage/crash-point.js';
import { walBarrier } from './store/wal-barrier.js';
import type { TwoFactorContext } from './two-factor/context.js';
import { DEFAULT_GATEWAY_TIMEOUT_MS, gatewayFor } from './two-factor/gateway.js';
import { pushGatewayFor } from './two-factor/push-gateway.js';
import { REFERENCE_DESKTOP_VERSION } from '../conformance/spec/versions.js';

/** Connections the kernel may hold for the server before it accepts them. */
const LISTEN_BACKLOG = 4096;

export interface RunningServer {
  readonly identity: ServerIdentity;
  /** Base URL to reach the server from this machine. */
  readonly url: string;
  readonly consoleKey: string;
  readonly dataDir: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const frozen = options.conformanceClock === true && options.frozenClock === true;
  if (!frozen) return withRandomness(undefined, () => serve(options, false));
  // Frozen, the server's randomness is seeded too: ids, secrets and codes come out the same on every run. It is this
  // server's own, whatever other servers share its thread. Started again on its data, it draws from the streams of
  // that start: those of an earlier one made ids its data already holds.
  const layout = layoutOf(options.dataDir);
  await fs.mkdir(layout.uploads, { recursive: true });
  const earlier = earlierStarts(layout.database);
  const seed = `${FROZEN_RANDOMNESS_SEED} ${options.edition}${earlier === 0 ? '' : ` start ${earlier + 1}`}`;
  return withRandomness(seed, () => serve(options, true));
}

async function serve(options: ServerOptions, frozen: boolean): Promise<RunningServer> {
  const layout = layoutOf(options.dataDir);
  await fs.mkdir(layout.uploads, { recursive: true });
  const quota = options.diskQuota === undefined ? undefined : new DiskQuota(layout.root, options.diskQuota);
  const db = openDatabase(layout.database, quota ? { quota } : {});
  let udp: Socket | undefined;
  try {
    const host = options.host ?? '0.0.0.0';
    const edition = EDITIONS[options.edition];
    const identity: ServerIdentity = {
      serverId: metaValue(db, 'server_id', newId),
      name: options.name ?? `${hostname()} (${edition.label})`,
      edition: options.edition,
      desktopVersion: options.desktopVersion ?? REFERENCE_DESKTOP_VERSION,
      advertisedHost: options.advertisedHost ?? defaultAdvertisedHost(host),
      tcpPort: 0,
      udpPort: 0,
    };
    const gatewayTimeout = options.gatewayTimeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
    const consoleKey = options.consoleKey ?? metaValue(db, 'console_key', newSecret);
    // Every timing decision reads this one clock, so moving it moves every lifetime, code step and wait.
    const clock = new ConformanceClock(options.clock ?? systemClock, frozen ? 'frozen' : 'wall');
    const ctx: TwoFactorContext = {
      db,
      layout,
      clock,
      identity,
      pairingTtlMs: options.pairingTtlMs ?? DEFAULT_PAIRING_TTL_MS,
      gateway: gatewayFor(db, clock, { sms: options.smsWebhook, email: options.emailWebhook }, gatewayTimeout),
      pushGateway: pushGatewayFor(options.pushWebhook, gatewayTimeout),
      numberMatching: options.pushNumberMatching ?? false,
      rules: serverRules(options.faults ?? []),
      ...(options.crashPoints ? { crashPoint: crashPointsIn(layout.root) } : {}),
      ...(options.appendSteps ? { appendStep: options.appendSteps } : {}),
    };
    const uploads = new UploadService(ctx, quota);
    await uploads.recover();
    await ctx.rules.recoverDevices(ctx);
    await removeOrphanParts(db, layout.uploads);

    udp = await bindUdp(host, ctx.rules.editionUdpRange(options.edition), options.udpPort);
    identity.udpPort = udp.address().port;
    const durability = walBarrier(db, layout.database);
    const app = buildApp(ctx, uploads, {
      consoleKey,
      durability,
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      logger: options.logger ?? false,
      ...(options.conformanceClock ? { conformanceClock: clock } : {}),
    });
    // A thousand phones connecting within seconds outgrow Node's default queue of 511 pending connections; the
    // kernel would then drop their SYNs and the phones retry after 1, 3, 7, 15… s (capped by net.core.somaxconn).
    identity.tcpPort = await listenInRange(
      host,
      ctx.rules.editionTcpRange(options.edition),
      options.tcpPort,
      async (port) => {
        await app.listen({ host, port, backlog: LISTEN_BACKLOG });
        const address = app.server.address();
        return typeof address === 'object' && address ? address.port : port;
      },
    );
    answerDiscovery(udp, identity, ctx.rules.answersEdition, ctx.rules.discoveryAnswer);

    const socket = udp;
    const localHost =
      host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
    return {
      identity,
      url: `http://${localHost}:${identity.tcpPort}`,
      consoleKey,
      dataDir: layout.root,
      app,
      async close() {
        await new Promise<void>((resolve) => socket.close(() => resolve()));
        await app.close();
        await durability.close();
        db.close();
      },
    };
  } catch (error) {
    udp?.close();
    db.close();
    throw error;
  }
}

/** A part file without an upload row is what a crash between creating and recording it leaves behind. */
async function removeOrphanParts(db: Db, uploadsDir: string): Promise<void> {
  const known = new Set((db.prepare('SELECT id FROM uploads').all() as { id: string }[]).map((r) => `${r.id}.part`));
  for (const name of await fs.readdir(uploadsDir)) {
    if (!known.has(name)) await fs.rm(`${uploadsDir}/${name}`, { force: true });
  }
}
