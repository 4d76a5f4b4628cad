/**
 * Phase 2: many devices at once, each doing a whole small backup (issue a pairing token, pair, start a job, upload a
 * few small items, commit), against a fresh reference server process. Everything is timed: this phase is about
 * request latency, errors and the server's memory under many connections, not about bytes.
 */
import { Agent } from 'node:http';
import { BenchClient, tallyError, type Connection } from './bench-client.js';
import type { BenchConfig } from './bench-config.js';
import { DeviceSession } from './device-session.js';
import { probeFsyncMs } from './disk.js';
import { LatencyRecorder, type LatencySummary } from './latency.js';
import type { LibraryItem } from './library.js';
import { monitorPhase, type PhaseCost } from './phase-monitor.js';
import { launchServer } from './server-process.js';

export interface SmallCommitsResult {
  readonly devices: number;
  readonly diskFsyncMs: number;
  readonly itemsPerDevice: number;
  readonly itemBytes: number;
  readonly committed: number;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly errors: number;
  readonly errorCodes: Record<string, number>;
  readonly cost: PhaseCost;
  readonly latency: Record<string, LatencySummary>;
}

export async function runSmallCommits(
  config: BenchConfig,
  items: readonly LibraryItem[][],
): Promise<SmallCommitsResult> {
  const server = await launchServer('reference', config);
  // One socket per device, as 500 phones would have; the transport's shared agent stops at 64.
  const agent = new Agent({ keepAlive: true, maxSockets: config.devices + 8 });
  try {
    const latency = new LatencyRecorder();
    const connection: Connection = { baseUrl: new URL(server.url), agent, timeoutMs: config.timeoutMs, latency };
    const console = new BenchClient(connection, server.consoleKey);
    const errorCodes: Record<string, number> = {};
    let committed = 0;
    const diskFsyncMs = probeFsyncMs(config.tmpRoot);
    const monitor = monitorPhase(server);
    await Promise.all(
      items.map(async (own, index) => {
        try {
          const session = await DeviceSession.pair(connection, console, index);
          await session.startBackup();
          for (const item of own) await session.upload(item);
          await session.commit(own);
          committed += 1;
        } catch (error) {
          tallyError(errorCodes, error);
        }
      }),
    );
    const cost = monitor.stop();
    const summaries = latency.summaries();
    const requests = summaries['overall']?.count ?? 0;
    return {
      devices: config.devices,
      diskFsyncMs,
      itemsPerDevice: config.smallItems,
      itemBytes: config.smallItemBytes,
      committed,
      requests,
      seconds: cost.wallSeconds,
      requestsPerSecond: requests / cost.wallSeconds,
      errors: Object.values(errorCodes).reduce((a, b) => a + b, 0),
      errorCodes,
      cost,
      latency: summaries,
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}
