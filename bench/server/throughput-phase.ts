/**
 * Phase 1: the whole library over loopback, from N concurrent clients, to a fresh server process. The reference
 * server gets the protocol (createUpload, appends, commit by N paired devices); the baseline gets the same chunks
 * as plain appends and nothing else. Pairing and starting the backup jobs happen before the clock starts.
 */
import { Agent } from 'node:http';
import { BenchClient, appendToBaseline, tallyError, type Connection } from './bench-client.js';
import type { BenchConfig } from './bench-config.js';
import { DeviceSession } from './device-session.js';
import { probeFsyncMs } from './disk.js';
import { LatencyRecorder, type LatencySummary } from './latency.js';
import { shareOut, type Library, type LibraryItem } from './library.js';
import { monitorPhase, type PhaseCost } from './phase-monitor.js';
import type { ServerKind } from './server-child.js';
import { launchServer, type ServerProcess } from './server-process.js';

export interface ThroughputResult {
  readonly server: ServerKind;
  readonly clients: number;
  readonly round: number;
  /** Median small-write fsync time just before the phase: how the disk was doing. */
  readonly diskFsyncMs: number;
  /** Bytes of the items that were uploaded completely. */
  readonly bytes: number;
  readonly items: number;
  readonly seconds: number;
  readonly mbPerSecond: number;
  readonly errors: number;
  readonly errorCodes: Record<string, number>;
  readonly cost: PhaseCost;
  readonly latency: Record<string, LatencySummary>;
}

export async function runThroughput(
  kind: ServerKind,
  clients: number,
  round: number,
  library: Library,
  config: BenchConfig,
): Promise<ThroughputResult> {
  const server = await launchServer(kind, config);
  const agent = new Agent({ keepAlive: true, maxSockets: clients + 2 });
  try {
    const connection: Connection = {
      baseUrl: new URL(server.url),
      agent,
      timeoutMs: config.timeoutMs,
      latency: new LatencyRecorder(),
    };
    const shares = shareOut(library.items, clients);
    const uploaders = await prepare(kind, server, connection, shares);
    const errorCodes: Record<string, number> = {};
    const done = { bytes: 0, items: 0 };
    connection.latency.clear(); // the setup requests are not part of the phase
    const diskFsyncMs = probeFsyncMs(config.tmpRoot);
    const monitor = monitorPhase(server);
    await Promise.all(
      uploaders.map((upload) =>
        upload((item) => {
          done.bytes += item.size;
          done.items += 1;
        }).catch((error: unknown) => tallyError(errorCodes, error)),
      ),
    );
    const cost = monitor.stop();
    return {
      server: kind,
      clients,
      round,
      diskFsyncMs,
      ...done,
      seconds: cost.wallSeconds,
      mbPerSecond: done.bytes / (1024 * 1024) / cost.wallSeconds,
      errors: Object.values(errorCodes).reduce((a, b) => a + b, 0),
      errorCodes,
      cost,
      latency: connection.latency.summaries(),
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

type Uploader = (onItem: (item: LibraryItem) => void) => Promise<void>;

/** One uploader per client; for the reference server each is a paired device with its backup job started. */
async function prepare(
  kind: ServerKind,
  server: ServerProcess,
  connection: Connection,
  shares: readonly LibraryItem[][],
): Promise<Uploader[]> {
  if (kind === 'baseline') {
    return shares.map((share) => async (onItem) => {
      for (const item of share) {
        let offset = 0;
        for (const chunk of item.chunks) {
          await appendToBaseline(connection, `${item.sha256}.bin`, offset, chunk);
          offset += chunk.length;
        }
        onItem(item);
      }
    });
  }
  const console = new BenchClient(connection, server.consoleKey);
  const sessions = await Promise.all(
    shares.map(async (_, i) => {
      const session = await DeviceSession.pair(connection, console, i);
      await session.startBackup();
      return session;
    }),
  );
  return shares.map((share, i) => async (onItem) => {
    const session = sessions[i] as DeviceSession;
    for (const item of share) {
      await session.upload(item);
      onItem(item);
    }
    await session.commit(share);
  });
}
